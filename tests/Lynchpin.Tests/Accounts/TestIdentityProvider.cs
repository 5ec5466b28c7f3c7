using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lynchpin.Tests.Accounts;

/// <summary>The identity provider's store: OpenIddict's own tables, on SQLite in memory.</summary>
public sealed class IdentityProviderDb(DbContextOptions<IdentityProviderDb> options) : DbContext(options);

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port, standing in for Microsoft Entra ID and Google: the
/// authorization code flow with PKCE, signed ID tokens, discovery and keys — everything but a login form. Whoever the test
/// puts in <see cref="NextUser"/> is the person who "signs in" at the provider; their claims (email, preferred_username,
/// tid, hd…) go into the ID token as given.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string MicrosoftClientId = "lynchpin-entra-test";
    public const string GoogleClientId = "lynchpin-google-test";
    public const string ClientSecret = "test-client-secret-7f3a";

    private readonly WebApplication _app;
    private readonly SqliteConnection _connection;

    private TestIdentityProvider(WebApplication app, SqliteConnection connection)
    {
        _app = app;
        _connection = connection;
    }

    /// <summary>http://127.0.0.1:port/, the provider's issuer.</summary>
    public Uri Issuer { get; private set; } = null!;

    /// <summary>The claims of whoever signs in next, by type; <c>sub</c> is added if missing.</summary>
    public ConcurrentDictionary<string, string> NextUser { get; } = new();

    /// <summary>
    /// Starts the provider with two confidential clients (one per Lynchpin scheme) whose redirect URIs are the app's under
    /// <paramref name="appBase"/> (the test server answers as http://localhost/).
    /// </summary>
    public static async Task<TestIdentityProvider> StartAsync(Uri appBase)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<IdentityProviderDb>(o =>
        {
            o.UseSqlite(connection);
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                // Plain HTTP on loopback, as the app's test settings allow.
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        var provider = new TestIdentityProvider(app, connection);
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext context) => provider.Authorize(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = new Uri(address.EndsWith('/') ? address : address + "/");

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityProviderDb>().Database.EnsureCreatedAsync();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, provider_) in new[] { (MicrosoftClientId, "microsoft"), (GoogleClientId, "google") })
        {
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                RedirectUris = { new Uri(appBase, $"sign-in/sso/{provider_}/return") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Email,
                    Permissions.Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }
        return provider;
    }

    /// <summary>The authorization endpoint: no form, whoever is in <see cref="NextUser"/> has signed in and consents.</summary>
    private IResult Authorize(HttpContext context)
    {
        _ = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        var claims = new Dictionary<string, string>(NextUser);
        claims.TryAdd(Claims.Subject, Guid.NewGuid().ToString("N"));
        foreach (var (type, value) in claims)
        {
            identity.AddClaim(new Claim(type, value).SetDestinations(Destinations.IdentityToken, Destinations.AccessToken));
        }
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
