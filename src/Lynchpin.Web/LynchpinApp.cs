using System.Threading.RateLimiting;
using Lynchpin.Core.Appraisals.Reminders;
using Lynchpin.Core.Scheduling;
using Lynchpin.Demo;
using Lynchpin.Web.Api;
using Lynchpin.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;

namespace Lynchpin.Web;

/// <summary>Everything Program.cs wires up, kept here so the web app and the commands share it.</summary>
public static class LynchpinApp
{
    public const string SignInRateLimit = "sign-in";

    public static void AddLynchpin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        var provider = DatabaseOptions.ParseProvider(config["Database:Provider"]);
        var connectionString = config.GetConnectionString("Lynchpin");
        services.AddDbContext<LynchpinDbContext>(o => DatabaseOptions.Configure(o, provider, connectionString));

        AddAccounts(services, config);

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = Policies.SignedIn;
            Policies.AddTo(o);
        });
        services.AddScoped<AccessScope>();
        services.AddScoped<CoachingAccess>();
        services.AddScoped<IAuthorizationHandler, SchoolAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, StaffAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, TrustAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, AppraisalCycleAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, AppraisalAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, ObservationRecordAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, RotaVisitAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, AccountAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, PupilAuthorizationHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts per client address: slows password guessing beyond the per-account lockout.
            o.AddPolicy(SignInRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("Lynchpin:SignInAttemptsPerMinute", 20), Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddReverseProxy(config);
        services.AddLynchpinDataProtection(config, builder.Environment);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<LynchpinDbContext>("database");
        Telemetry.AddTo(services, config);
        services.AddHttpContextAccessor();
        services.AddRazorPages(o => Imports.ImportRoutes.AddTo(o.Conventions))
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                // Years, checkpoints, page numbers and dates out of range: a 400 saying so, never a 500 (issue 11).
                o.ModelValidatorProviders.Add(new Security.InputRanges.ValidatorProvider());
                o.Filters.Add(new Security.InputRanges.QueryErrorsFilter());
                // A control character in any form field: the form again with the field named, as a 400, never a 500 (issue 15).
                o.ModelValidatorProviders.Add(new Security.ControlCharacters.ValidatorProvider());
                o.Filters.Add(new Security.ControlCharacters.FormFilter());
                // A write into a closed appraisal cycle that reached the database: a 409 saying so, never a 500 (issue 14).
                o.Filters.Add(new Pages.Appraisals.ClosedCycle.Filter());
                // Plain-English messages for values that do not parse (dates, numbers), in the GOV.UK style.
                var messages = o.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"Enter a real {field}");
                messages.SetValueIsInvalidAccessor(_ => "Enter a real value");
                messages.SetValueMustBeANumberAccessor(field => $"Enter {field} as a number");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Enter a real value");
            });
        // Pages and JSON compressed (Brotli, else gzip, at their fastest levels: the CPU is the scarce thing). Over HTTPS
        // too: a page's one secret, the antiforgery token, is encrypted afresh for every response, so compression
        // cannot leak it a byte at a time (BREACH); the session cookie travels in headers, which are not compressed.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml"]);
        });
        services.AddLynchpinServices();
    }

    /// <summary>
    /// Accounts and sign-in (docs/decisions/0007): Identity with the password policy, authenticator codes and one-time links;
    /// page sessions in a cookie checked against the server on every request (idle and absolute limits, ended by sign-out);
    /// personal tokens for the API alone; single sign-on schemes for the providers configured; the hourly leavers' run.
    /// </summary>
    private static void AddAccounts(IServiceCollection services, IConfiguration config)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                Core.Accounts.PasswordPolicy.Configure(o.Password);
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<LynchpinDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Core.Accounts.InvitationTokens>(Core.Accounts.InvitationTokens.ProviderName)
            .AddPasswordValidator<Core.Accounts.PasswordPolicy>()
            .AddErrorDescriber<Core.Accounts.LynchpinIdentityErrors>()
            .AddSignInManager<LynchpinSignInManager>()
            .AddClaimsPrincipalFactory<LynchpinClaimsFactory>();

        // A changed role, a disabled account or a sign-out elsewhere takes effect within a minute, whatever the session check says.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SignInFlow.KeepSessionClaims;
        });
        var sessions = config.GetSection(Core.Accounts.SessionLimits.Section).Get<Core.Accounts.SessionLimits>() ?? new();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.Cookie.Name = "lynchpin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The cookie lives as long as the idle timeout, renewed as it is used; the server's session check enforces both limits.
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = sessions.IdleTimeout;
            o.Events.OnValidatePrincipal = SignInFlow.ValidatePrincipalAsync;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ExternalScheme,
            o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        var authentication = services.AddAuthentication(o =>
            {
                // AddIdentity made its cookie the default; every request goes through the selector instead.
                o.DefaultScheme = ApiTokenAuthentication.SelectorScheme;
                o.DefaultAuthenticateScheme = ApiTokenAuthentication.SelectorScheme;
                o.DefaultChallengeScheme = ApiTokenAuthentication.SelectorScheme;
            })
            // A bearer token is read on the API only: pages and form posts never see it.
            .AddPolicyScheme(ApiTokenAuthentication.SelectorScheme, "Cookie, or a bearer token on the API", o =>
                o.ForwardDefaultSelector = ApiTokenAuthentication.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        SingleSignOn.AddTo(authentication, config);

        services.AddScoped<SignInFlow>();
        services.AddScoped<SingleSignOn>();
        AddScheduledJobs(services, config);
    }

    /// <summary>The jobs that run by themselves, each slot once across every server (<see cref="ScheduledJobRunner"/>).</summary>
    private static void AddScheduledJobs(IServiceCollection services, IConfiguration config)
    {
        if (config.GetValue("Lynchpin:Leavers:Hourly", true))
        {
            services.AddSingleton<IScheduledJob, Core.Accounts.LeaverJob>();
        }
        if (config.GetValue("Lynchpin:Retention:Daily", true))
        {
            services.AddSingleton<IScheduledJob, Core.Retention.RetentionJob>();
        }
        var smtp = config.GetSection(SmtpOptions.Section).Get<SmtpOptions>();
        if (config.GetValue("Lynchpin:Reminders:Daily", true) && smtp is { IsConfigured: true }
            && AppraisalReminders.BaseUrlFrom(config["Lynchpin:BaseUrl"]) is { } baseUrl)
        {
            services.AddSingleton<IScheduledJob>(new AppraisalReminderJob(baseUrl));
        }
        services.AddSingleton<ScheduledJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledJobRunner>());
    }

    /// <summary>The services that do the writes; shared by pages, API and commands.</summary>
    public static IServiceCollection AddLynchpinServices(this IServiceCollection services)
    {
        // Caches keyed by data versions read from the database in each request (docs/decisions/0008-caching.md).
        services.AddSingleton<VersionedCache>();
        services.AddScoped<DataVersions>();
        services.AddScoped<AggregateCache>();
        services.AddScoped<Core.Staff.StaffEditor>();
        services.AddScoped<Core.Schools.GiasImporter>();
        foreach (var import in Imports.ImportTable.All)
        {
            services.AddScoped(import.Importer);
        }
        services.AddScoped<Core.Accounts.ApiTokenService>();
        services.AddScoped<Core.Accounts.UserAccounts>();
        services.AddScoped<Core.Accounts.AccountAdministration>();
        services.AddScoped<Core.Accounts.UserSessions>();
        services.AddScoped<Core.Accounts.Seniority>();
        services.AddScoped<Core.Accounts.LeaverAccounts>();
        services.AddScoped<Core.Retention.RetentionRunner>();
        services.AddScoped<Core.Retention.RetentionPolicy>();
        services.AddScoped<Core.Accounts.TrustSignIns>();
        services.AddScoped<Core.Accounts.AccountEmails>();
        services.AddOptions<Core.Accounts.SessionLimits>().BindConfiguration(Core.Accounts.SessionLimits.Section);
        services.AddSingleton<Core.Audit.AuditActors>();
        services.AddScoped<Core.Audit.AuditLog>();
        services.AddScoped<Core.Audit.AuditTrail>();
        services.AddScoped<Core.Privacy.PersonalDataExport>();
        services.AddScoped<Core.Schools.SchoolExport>();
        services.AddScoped<Core.Privacy.SubjectAccessRequests>();
        services.AddScoped<Core.Progression.Frameworks>();
        services.AddScoped<Core.Progression.ProfileCalculator>();
        services.AddScoped<Core.Progression.NextSteps>();
        services.AddScoped<Core.Conditions.ConditionsReview>();
        services.AddScoped<Core.Learning.LearningCommunity>();
        services.AddScoped<Core.Progression.AssessmentRecorder>();
        services.AddScoped<Core.Community.ProfessionalConversations>();
        services.AddScoped<Core.Appraisals.AppraisalCycles>();
        services.AddScoped<Core.Appraisals.AppraisalObjectives>();
        services.AddScoped<Core.Appraisals.AppraisalReviews>();
        services.AddScoped<Core.Appraisals.PayRecommendations>();
        services.AddScoped<Core.Appraisals.AppraisalTasks>();
        services.AddScoped<Core.Appraisals.AppraisalDashboard>();
        services.AddScoped<Core.Observations.SchoolCalendars>();
        services.AddScoped<Core.Observations.ObservationSettingsEditor>();
        services.AddScoped<Core.Observations.RotaService>();
        services.AddScoped<Core.Observations.ObservationRecords>();
        services.AddScoped<Core.Observations.ObservationCoverage>();
        services.AddScoped<Core.Observations.ObservationThemes>();
        services.AddScoped<Core.Observations.CalendarFeeds>();
        services.AddSingleton(sp => new Core.Appraisals.EvidenceStore(
            EvidenceOptionsFrom(sp.GetRequiredService<IConfiguration>(), sp.GetService<IHostEnvironment>()), sp.GetRequiredService<IServiceScopeFactory>()));
        // Appraisal operations: email reminders through Lynchpin:Smtp.
        services.AddScoped<AppraisalReminders>();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        // Achievement coaching and vulnerable pupils.
        services.AddScoped<Core.Coaching.Caseloads>();
        services.AddScoped<Core.Coaching.CoachingContacts>();
        services.AddScoped<Core.Coaching.CoachingVisits>();
        services.AddScoped<Core.Coaching.ActionPlans>();
        services.AddScoped<Core.Coaching.Conversations>();
        services.AddScoped<Core.Coaching.ImpactReports>();
        services.AddScoped<Core.Coaching.CoachOverview>();
        services.AddScoped<Core.Coaching.CoachCalendar>();
        services.AddScoped<Core.Coaching.CoachingReport>();
        services.AddScoped<Core.Coaching.OutcomeReferenceImporter>();
        services.AddScoped<Core.Outcomes.OutcomeImports>();
        services.AddScoped<Core.Outcomes.OutcomeReports>();
        services.AddScoped<Core.Outcomes.ObjectiveOutcomes>();
        services.AddScoped<Core.Pupils.Peps>();
        services.AddScoped<Core.Pupils.PupilAudit>();
        services.AddScoped<Core.Pupils.PupilRecords>();
        services.AddCareersServices();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SchoolClock>();
        services.AddScoped<DemoData>();
        return services;
    }

    /// <summary>
    /// Evidence files live in the database (so one backup holds them) unless Lynchpin:EvidenceStorage is Folder or
    /// Lynchpin:EvidenceFolder is set. The folder, outside the web root, is Lynchpin:EvidenceFolder if set, otherwise an
    /// "evidence" folder beside the SQLite database (or data/evidence under the app for PostgreSQL); with the database it
    /// is still read for files kept there before.
    /// </summary>
    internal static Core.Appraisals.EvidenceOptions EvidenceOptionsFrom(IConfiguration config, IHostEnvironment? environment)
    {
        var root = environment?.ContentRootPath ?? AppContext.BaseDirectory;
        var configured = config["Lynchpin:EvidenceFolder"];
        var inDatabase = config["Lynchpin:EvidenceStorage"]?.Trim().ToLowerInvariant() switch
        {
            null or "" => string.IsNullOrEmpty(configured),
            "database" => true,
            "folder" => false,
            var other => throw new StartupFailure($"Lynchpin__EvidenceStorage is '{other}', which is not known: set it to Database or Folder."),
        };
        return new(FolderFrom(config, configured, root), inDatabase);
    }

    private static string FolderFrom(IConfiguration config, string? configured, string root)
    {
        if (configured is { Length: > 0 })
        {
            return Path.GetFullPath(configured, root);
        }
        if (DatabaseOptions.ParseProvider(config["Database:Provider"]) == DatabaseProvider.Sqlite)
        {
            var connectionString = config.GetConnectionString("Lynchpin") is { Length: > 0 } cs ? cs : DatabaseOptions.DefaultSqliteConnectionString;
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            if (dataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
            {
                return Path.Combine(folder, "evidence");
            }
        }
        return Path.Combine(root, "data", "evidence");
    }

    public static void UseLynchpin(this WebApplication app)
    {
        // First: the client's address and scheme from a known proxy, then the headers every response carries.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }
        // Pages get a friendly status page; the API keeps its problem+json bodies.
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        // The API's own empty errors (a parameter that did not bind) become problem+json too.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePages());
        app.UseResponseCompression();
        app.UseStaticFiles(SecurityHeaders.StaticFileCaching());
        app.UseRouting();
        // A control character anywhere in the address: a 400 before anything reads it (issue 15).
        app.Use(Security.ControlCharacters.CheckAddressAsync);
        app.Use(Security.ControlCharacters.ReadFormAsync);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(ApiTokenAuthentication.EnforceScopeAsync);
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        // Live: the process answers (a load balancer restarts it if not). Ready: it can reach its database (send it work).
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        // Every endpoint's year, checkpoint, page and date parameters checked the same way (Security/InputRanges).
        var api = app.MapGroup("").AddEndpointFilterFactory(Security.InputRanges.ApiFilter);
        api.MapLynchpinApi();
        api.MapProfileApi();
        api.MapAppraisalApi();
        api.MapAuditApi();
        api.MapCoachingApi();
        api.MapCpdApi();
        api.MapPayApi();
        api.MapOutcomesApi();
        app.MapCalendarFeed();
        app.MapRazorPages();
    }

    /// <summary>Creates the database if needed, applies migrations, and seeds the demo trust into an empty one when asked (see <see cref="DemoSetting"/>).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await DatabaseStartup.MigrateAsync(app.Services, StartRetry(app.Configuration), app.Logger);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();

        if (!DemoSetting.IsOn(app.Configuration, app.Environment) || await db.Schools.AnyAsync())
        {
            return;
        }
        var signIns = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        var url = app.Configuration["Urls"]?.Split(';')[0] ?? "http://localhost:5080";
        Console.WriteLine();
        Console.WriteLine($"Lynchpin is seeded with the demo trust. Open {url} and sign in as:");
        var width = signIns.Count == 0 ? 0 : signIns.Max(s => s.Email.Length);
        foreach (var signIn in signIns)
        {
            Console.WriteLine($"  {signIn.Email.PadRight(width)}  {signIn.Description}");
        }
        foreach (var password in signIns.Select(s => s.Password).Distinct())
        {
            Console.WriteLine($"  Password: {password}");
        }
        foreach (var key in signIns.Select(s => s.AuthenticatorKey).OfType<string>().Distinct())
        {
            var who = string.Join(", ", signIns.Where(s => s.AuthenticatorKey == key).Select(s => s.Email));
            Console.WriteLine($"  Then a code from an authenticator app with the key {key} ({who}); or: oathtool --totp -b {key}");
        }
        Console.WriteLine();
    }

    /// <summary>How long start-up waits for a PostgreSQL that is still starting (<see cref="DatabaseStartup.RetrySetting"/>).</summary>
    internal static TimeSpan StartRetry(IConfiguration config) =>
        TimeSpan.FromSeconds(config.GetValue(DatabaseStartup.RetrySetting, DatabaseStartup.DefaultRetrySeconds));

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            return ApiProblems.WriteAsync(ctx.HttpContext, status);
        }
        if (status == StatusCodes.Status403Forbidden)
        {
            // Keep the status a 403 for pages too; the status-code page explains it.
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
