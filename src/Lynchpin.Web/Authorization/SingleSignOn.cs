using System.Security.Claims;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Lynchpin.Web.Authorization;

/// <summary>
/// One identity provider's app registration for this Lynchpin: <c>Lynchpin:Sso:Microsoft</c> and <c>Lynchpin:Sso:Google</c>.
/// The registration is the deployment's (one multi-tenant Entra app, one Google OAuth client); which tenant or domain
/// each trust accepts is the trust's own setting (<see cref="TrustSignIn"/>).
/// </summary>
public sealed class SsoProviderOptions
{
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The issuer to discover; the providers' own by default. Tests point it at a provider on loopback.</summary>
    public string? Authority { get; set; }
    /// <summary>Only a test provider on loopback may be plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>
/// Single sign-on with OpenID Connect (authorization code with PKCE) for Microsoft Entra ID and Google Workspace. The
/// provider proves who signed in; <see cref="MatchAsync"/> then finds the account whose email the trust's chosen claim
/// holds and checks the token came from that trust's tenant (Entra <c>tid</c>) or domain (Google <c>hd</c>).
/// </summary>
public sealed class SingleSignOn(UserManager<AppUser> users, SignInManager<AppUser> signIn, TrustSignIns trustSignIns, AuditLog audit)
{
    public const string Section = "Lynchpin:Sso";
    public const string ProviderItem = "lynchpin:sso-provider";

    public static string Scheme(SsoProvider provider) => $"sso-{provider.ToString().ToLowerInvariant()}";

    public static string DisplayName(SsoProvider provider) => provider == SsoProvider.Microsoft ? "Microsoft" : "Google";

    private static readonly Dictionary<SsoProvider, string> DefaultAuthorities = new()
    {
        // Work and school accounts of any tenant; the trust's own tenant is checked on the way back.
        [SsoProvider.Microsoft] = "https://login.microsoftonline.com/organizations/v2.0",
        [SsoProvider.Google] = "https://accounts.google.com",
    };

    /// <summary>The providers this deployment has registrations for, so the sign-in page offers their buttons.</summary>
    public static IReadOnlyList<SsoProvider> Configured(IConfiguration config) =>
        Enum.GetValues<SsoProvider>().Where(p => Options(config, p).IsConfigured).ToList();

    public static SsoProviderOptions Options(IConfiguration config, SsoProvider provider) =>
        config.GetSection($"{Section}:{provider}").Get<SsoProviderOptions>() ?? new SsoProviderOptions();

    /// <summary>Adds an OpenID Connect scheme for each configured provider.</summary>
    public static void AddTo(AuthenticationBuilder builder, IConfiguration config)
    {
        foreach (var provider in Configured(config))
        {
            var settings = Options(config, provider);
            builder.AddOpenIdConnect(Scheme(provider), DisplayName(provider), o =>
            {
                o.Authority = string.IsNullOrWhiteSpace(settings.Authority) ? DefaultAuthorities[provider] : settings.Authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("email");
                o.Scope.Add("profile");
                o.CallbackPath = $"/sign-in/sso/{provider.ToString().ToLowerInvariant()}/return";
                o.SignInScheme = IdentityConstants.ExternalScheme;
                // The claims keep their names in the token (email, preferred_username, tid, hd), as a trust's settings name them.
                o.MapInboundClaims = false;
                o.SaveTokens = false;
                // Secure over HTTPS, as in production; the tests' provider and app talk plain HTTP on loopback.
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                if (provider == SsoProvider.Microsoft)
                {
                    o.TokenValidationParameters.IssuerValidatorUsingConfiguration = EntraIssuer;
                }
                o.Events.OnRemoteFailure = RemoteFailureAsync;
            });
        }
    }

    /// <summary>
    /// Entra's multi-tenant metadata names its issuer with a <c>{tenantid}</c> placeholder: the token's issuer must be that,
    /// filled with the token's own <c>tid</c>.
    /// </summary>
    private static string EntraIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters, BaseConfiguration? configuration)
    {
        var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        var expected = (parameters.ValidIssuers ?? []).Append(parameters.ValidIssuer).Append(configuration?.Issuer).OfType<string>()
            .Select(v => v.Replace("{tenantid}", tenant ?? "", StringComparison.OrdinalIgnoreCase));
        return tenant is not null && expected.Contains(issuer, StringComparer.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException($"The issuer {issuer} does not match tenant {tenant}.");
    }

    /// <summary>A failed return from the provider (a tampered state, a refused consent): back to sign-in with a message, audited.</summary>
    private static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        await audit.WriteAsync(AuditActions.SignInFailed, AuditSubject.None,
            $"Single sign-on with {context.Scheme.DisplayName} failed: {context.Failure?.Message}",
            audit.CurrentActor with { Name = $"Single sign-on ({context.Scheme.DisplayName})" });
        context.Response.Redirect("/sign-in?sso=failed");
    }

    /// <summary>
    /// The account the provider's sign-in stands for, or the reason it is refused (audited). The account must belong to a
    /// trust that signs in with this provider, the token must come from the trust's tenant or domain, and the trust's chosen
    /// claim must hold the account's email.
    /// </summary>
    public async Task<(AppUser? User, string? Refusal)> MatchAsync(SsoProvider provider, ClaimsPrincipal principal)
    {
        var candidates = TrustSignIns.EmailClaims.Select(principal.FindFirstValue).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        AppUser? user = null;
        foreach (var candidate in candidates)
        {
            user = await users.FindByEmailAsync(candidate);
            if (user is not null)
            {
                break;
            }
        }
        var tried = candidates.FirstOrDefault() ?? principal.FindFirstValue("sub") ?? "unknown";
        if (user is null)
        {
            return await RefuseAsync(null, tried, $"No Lynchpin account is for {tried}. Ask your school's Lynchpin administrator.");
        }
        var settings = await trustSignIns.ForAccountAsync(user);
        if (settings is not { UsesSingleSignOn: true } || settings.Provider != provider)
        {
            return await RefuseAsync(user, tried, $"Your trust does not sign in with {DisplayName(provider)}: sign in with your email and password.");
        }
        var tenantClaim = provider == SsoProvider.Microsoft ? "tid" : "hd";
        if (!string.Equals(principal.FindFirstValue(tenantClaim), settings.Tenant, StringComparison.OrdinalIgnoreCase))
        {
            return await RefuseAsync(user, tried, provider == SsoProvider.Microsoft
                ? "That Microsoft account is not from your trust's organisation: sign in with your trust account."
                : "That Google account is not from your trust's domain: sign in with your trust account.");
        }
        if (!string.Equals(principal.FindFirstValue(settings.EmailClaim), user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return await RefuseAsync(user, tried, $"Your {DisplayName(provider)} account's {settings.EmailClaim} is not {user.Email}. Ask your school's Lynchpin administrator.");
        }
        if (principal.FindFirstValue("email_verified") is { } verified && !string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase))
        {
            return await RefuseAsync(user, tried, $"{DisplayName(provider)} has not verified that email address.");
        }
        if (!await signIn.CanSignInAsync(user))
        {
            return await RefuseAsync(user, tried, "This account is disabled. Ask your school's Lynchpin administrator.");
        }
        return (user, null);
    }

    private async Task<(AppUser?, string?)> RefuseAsync(AppUser? user, string tried, string reason)
    {
        await audit.WriteAsync(AuditActions.SignInFailed, user is null ? AuditSubject.None : AuditSubject.Account(user),
            $"Single sign-on refused: {reason}", audit.CurrentActor with { Name = tried });
        return (null, reason);
    }
}
