using System.Threading.RateLimiting;
using Lynchpin.Demo;
using Lynchpin.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

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

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<LynchpinDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<LynchpinClaimsFactory>();

        // A changed role or a removed account takes effect within a minute, not at cookie expiry.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.Cookie.Name = "lynchpin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                // AddIdentity made its cookie the default; every request goes through the selector instead.
                o.DefaultScheme = ApiTokenAuthentication.SelectorScheme;
                o.DefaultAuthenticateScheme = ApiTokenAuthentication.SelectorScheme;
                o.DefaultChallengeScheme = ApiTokenAuthentication.SelectorScheme;
            })
            .AddPolicyScheme(ApiTokenAuthentication.SelectorScheme, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = ctx => ApiTokenAuthentication.HasBearerToken(ctx.Request)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = Policies.SignedIn;
            Policies.AddTo(o);
        });
        services.AddScoped<AccessScope>();
        services.AddScoped<IAuthorizationHandler, SchoolAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, StaffAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, TrustAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, AppraisalCycleAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, AppraisalAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, ObservationRecordAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, RotaVisitAuthorizationHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts per client address: slows password guessing beyond the per-account lockout.
            o.AddPolicy(SignInRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("Lynchpin:SignInAttemptsPerMinute", 20), Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<LynchpinDbContext>("database");
        services.AddHttpContextAccessor();
        services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage(Pages.Shared.PageLinks.NameOf<Pages.Accounts.SignInModel>());
                Imports.ImportRoutes.AddTo(o.Conventions);
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                // Plain-English messages for values that do not parse (dates, numbers), in the GOV.UK style.
                var messages = o.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"Enter a real {field}");
                messages.SetValueIsInvalidAccessor(_ => "Enter a real value");
                messages.SetValueMustBeANumberAccessor(field => $"Enter {field} as a number");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Enter a real value");
            });
        services.AddLynchpinServices();
    }

    /// <summary>The services that do the writes; shared by pages, API and commands.</summary>
    public static IServiceCollection AddLynchpinServices(this IServiceCollection services)
    {
        services.AddScoped<Core.Staff.StaffEditor>();
        services.AddScoped<Core.Schools.GiasImporter>();
        foreach (var import in Imports.ImportTable.All)
        {
            services.AddScoped(import.Importer);
        }
        services.AddScoped<Core.Accounts.ApiTokenService>();
        services.AddScoped<Core.Accounts.UserAccounts>();
        services.AddScoped<Core.Progression.Frameworks>();
        services.AddScoped<Core.Progression.ProfileCalculator>();
        services.AddScoped<Core.Progression.AssessmentRecorder>();
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
        services.AddSingleton(sp => new Core.Appraisals.EvidenceStore(EvidenceOptionsFrom(sp.GetRequiredService<IConfiguration>(), sp.GetService<IHostEnvironment>())));
        // Appraisal operations: email reminders through Lynchpin:Smtp.
        services.AddScoped<Core.Appraisals.Reminders.AppraisalReminders>();
        services.AddOptions<Core.Appraisals.Reminders.SmtpOptions>().BindConfiguration(Core.Appraisals.Reminders.SmtpOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SchoolClock>();
        services.AddScoped<DemoData>();
        return services;
    }

    /// <summary>
    /// Evidence files live outside the web root: in Lynchpin:EvidenceFolder if set, otherwise in an "evidence" folder
    /// beside the SQLite database (or in data/evidence under the app for PostgreSQL).
    /// </summary>
    internal static Core.Appraisals.EvidenceOptions EvidenceOptionsFrom(IConfiguration config, IHostEnvironment? environment)
    {
        var root = environment?.ContentRootPath ?? AppContext.BaseDirectory;
        if (config["Lynchpin:EvidenceFolder"] is { Length: > 0 } configured)
        {
            return new(Path.GetFullPath(configured, root));
        }
        if (DatabaseOptions.ParseProvider(config["Database:Provider"]) == DatabaseProvider.Sqlite)
        {
            var connectionString = config.GetConnectionString("Lynchpin") is { Length: > 0 } cs ? cs : DatabaseOptions.DefaultSqliteConnectionString;
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            if (dataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
            {
                return new(Path.Combine(folder, "evidence"));
            }
        }
        return new(Path.Combine(root, "data", "evidence"));
    }

    public static void UseLynchpin(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }
        // Pages get a friendly status page; the API keeps its problem+json bodies.
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapLynchpinApi();
        app.MapProfileApi();
        app.MapAppraisalApi();
        app.MapCalendarFeed();
        app.MapRazorPages();
    }

    /// <summary>Creates the database if needed, applies migrations, and seeds the demo trust into an empty one when asked (see <see cref="DemoSetting"/>).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        await db.Database.MigrateAsync();

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
        Console.WriteLine();
    }

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
