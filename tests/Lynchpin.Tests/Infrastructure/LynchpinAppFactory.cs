using System.Net.Http.Headers;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>
/// The whole app in memory on a database of its own, for one provider. Use it as a class fixture
/// (<see cref="SqliteAppFactory"/>, <see cref="PostgresAppFactory"/>) so a test class shares one host;
/// tests keep apart by making their own data with <see cref="Data"/>.
/// </summary>
public class LynchpinAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private TestDatabase? _database;
    private string? _unavailableReason;

    /// <param name="demo">Sets <c>Lynchpin:Demo</c>; null leaves it unset, for the environment to decide.</param>
    /// <param name="environment">The host environment: Testing unless a test is about another.</param>
    public LynchpinAppFactory(DatabaseProvider provider, bool? demo = false, string environment = "Testing")
    {
        Provider = provider;
        _environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            // Every test client signs in from the same address; the production limit would trip.
            ["Lynchpin:SignInAttemptsPerMinute"] = "100000",
            // The hourly leavers' run would race tests that make leavers; the tests run it themselves.
            ["Lynchpin:Leavers:Hourly"] = "false",
            ["Lynchpin:Retention:Daily"] = "false",
            // Factories with email set up would otherwise send the day's appraisal reminders at start.
            ["Lynchpin:Reminders:Daily"] = "false",
            // Quiet test output: warnings and errors only.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        if (demo is { } seedDemo)
        {
            _settings["Lynchpin:Demo"] = seedDemo ? "true" : "false";
        }
        ClientOptions.AllowAutoRedirect = false;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>This factory's own database; set once <see cref="InitializeAsync"/> has run.</summary>
    public TestDatabase Database => _database
        ?? throw new InvalidOperationException(_unavailableReason ?? "The factory is not initialized: use it as a fixture or await InitializeAsync().");

    /// <summary>Builders for trusts, schools, staff and accounts with unique values.</summary>
    public TestData Data => new(Services);

    /// <summary>Sets a configuration value for the app; call before the host starts (in a subclass's constructor).</summary>
    public LynchpinAppFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && await PostgresServer.UnavailableReasonAsync() is { } reason)
        {
            // Recorded, not thrown: a fixture cannot skip a test, so each test checks RequireDatabase().
            _unavailableReason = reason;
            return;
        }
        _database = await TestDatabase.CreateAsync(Provider);
        // Builds the host now: Program migrates the empty database before the first test runs.
        StartServer();
    }

    /// <summary>Skips the calling test (fails it when CI=true) if this factory's database server is not there.</summary>
    public void RequireDatabase()
    {
        if (_unavailableReason is not null)
        {
            TestEnvironment.SkipOrFail(_unavailableReason);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Lynchpin", Database.ConnectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>Override to replace services for a test class (a fixed clock, a fake mailer).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>An anonymous client that keeps cookies and does not follow redirects.</summary>
    public Task<HttpClient> CreateClientAsync() => Task.FromResult(CreateClient());

    /// <summary>A client that calls the API with a new personal token of <paramref name="user"/>.</summary>
    public async Task<HttpClient> CreateBearerClientAsync(TestUser user)
    {
        var token = await Data.CreateApiTokenAsync(user);
        return CreateBearerClient(token.Secret);
    }

    /// <summary>A client that sends <c>Authorization: Bearer {secret}</c>.</summary>
    public HttpClient CreateBearerClient(string secret)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>
    /// A client signed in as <paramref name="user"/> through the sign-in page, holding the auth cookie; an account that needs
    /// a one-time code (trust admin, pay access) enters one from its authenticator, set up on the way if it has none.
    /// </summary>
    public async Task<HttpClient> CreateSignedInClientAsync(TestUser user)
    {
        var client = CreateClient();
        await SignInAsync(client, user.Email, user.Password, await AuthenticatorKeyAsync(user.Email));
        return client;
    }

    /// <summary>The account's authenticator key, or null when it has none set up.</summary>
    public async Task<string?> AuthenticatorKeyAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is { TwoFactorEnabled: true } ? await users.GetAuthenticatorKeyAsync(user) : null;
    }

    /// <summary>
    /// Posts the <c>/sign-in</c> form (with its antiforgery token) so <paramref name="client"/> holds the auth cookie. If the
    /// app asks for a code, it is made from <paramref name="authenticatorKey"/>; if it asks to set up an authenticator, the
    /// key shown on that page is used.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, string email, string password, string? authenticatorKey = null)
    {
        using var page = await client.GetAsync("/sign-in");
        if (!page.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"GET /sign-in answered {(int)page.StatusCode}: without the sign-in page, use CreateBearerClientAsync for API calls.");
        }
        var document = await Html.ParseAsync(page);
        var form = Html.FormWithField(document, "Input.Email");
        var values = Html.FormValues(form);
        values["Input.Email"] = email;
        values["Input.Password"] = password;

        using var response = await Html.SubmitAsync(client, form, values, page.RequestMessage!.RequestUri!);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (location.StartsWith("/sign-in/two-factor", StringComparison.OrdinalIgnoreCase))
        {
            await EnterCodeAsync(client, location, authenticatorKey
                ?? throw new InvalidOperationException($"{email} signs in with a code: pass its authenticator key."));
            return;
        }
        if (location.StartsWith("/sign-in/set-up-two-factor", StringComparison.OrdinalIgnoreCase))
        {
            await EnterCodeAsync(client, location, null);
            return;
        }
        await ExpectSignedInAsync(response, email);
    }

    /// <summary>Opens a code page and posts the code of <paramref name="key"/> (or of the key the page shows), expecting to be let in.</summary>
    private static async Task EnterCodeAsync(HttpClient client, string location, string? key)
    {
        using var page = await client.GetAsync(location);
        var document = await Html.ParseAsync(page);
        key ??= document.GetElementById("authenticator-key")?.TextContent
            ?? throw new InvalidOperationException($"{location} shows no authenticator key.");
        var form = Html.FormWithField(document, "Code");
        var values = Html.FormValues(form);
        values["Code"] = Totp.Code(key);
        using var response = await Html.SubmitAsync(client, form, values, page.RequestMessage!.RequestUri!);
        await ExpectSignedInAsync(response, location);
    }

    private static async Task ExpectSignedInAsync(HttpResponseMessage response, string who)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        if ((int)response.StatusCode is not (302 or 303) || location.Contains("/sign-in", StringComparison.OrdinalIgnoreCase))
        {
            var errors = await Html.ErrorSummaryAsync(response);
            throw new InvalidOperationException(
                $"Signing in ({who}) did not redirect (status {(int)response.StatusCode}, location '{location}'): {errors}");
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The app on a temp SQLite file: <c>IClassFixture&lt;SqliteAppFactory&gt;</c>.</summary>
public sealed class SqliteAppFactory() : LynchpinAppFactory(DatabaseProvider.Sqlite);

/// <summary>The app on a new PostgreSQL database: <c>IClassFixture&lt;PostgresAppFactory&gt;</c>.</summary>
public sealed class PostgresAppFactory() : LynchpinAppFactory(DatabaseProvider.Postgres);
