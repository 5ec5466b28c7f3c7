using System.Security.Claims;
using System.Text.Encodings.Web;
using Lynchpin.Core.Accounts;
using Lynchpin.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Lynchpin.Web.Authorization;

/// <summary>
/// Signs in API calls that carry <c>Authorization: Bearer &lt;personal token&gt;</c> — under <c>/api</c> only. A token is never
/// a session: pages and their forms ignore it (the selector sends them to the cookie), so it cannot open a page, post a
/// form or make another token.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string SelectorScheme = "CookieOrBearer";

    /// <summary>The token's scope, as a claim on the principal it signs in.</summary>
    public const string ScopeClaim = "lynchpin:token-scope";

    /// <summary>The API is the only place a token is read.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Which scheme a request is authenticated by: a bearer token on the API, the sign-in cookie everywhere else.</summary>
    public static string SelectScheme(HttpContext context) =>
        IsApi(context.Request) && HasBearerToken(context.Request) ? SchemeName : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsApi(Request) || !HasBearerToken(Request))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var token = await tokens.FindActiveAsync(secret, Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked, or its account may not sign in.");
        }
        // Built here rather than by Identity's claims factory, which costs two more queries (claims and roles) on every call;
        // the claims are the ones the app reads: who, the role for role policies, and what the token may do.
        var user = token.User;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(ClaimTypes.Name, user.UserName ?? user.Id),
            new Claim(ClaimTypes.Email, user.Email ?? ""),
            new Claim(ClaimTypes.Role, user.Role.ToString()),
            new Claim(ScopeClaim, token.Scope.ToString()),
        ], SchemeName);
        AccessScope.RememberAccount(Context, user);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden);

    /// <summary>
    /// Middleware after authentication: a read-only token may only read (GET, HEAD, OPTIONS); anything else is a 403 before
    /// any endpoint runs, whatever its own policy.
    /// </summary>
    public static Task EnforceScopeAsync(HttpContext context, Func<Task> next)
    {
        var scope = context.User.FindFirstValue(ScopeClaim);
        var safe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method);
        if (scope is not null && scope != nameof(ApiTokenScope.ReadWrite) && !safe)
        {
            return ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden);
        }
        return next();
    }
}
