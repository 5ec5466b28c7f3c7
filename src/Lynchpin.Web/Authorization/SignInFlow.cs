using System.Security.Claims;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lynchpin.Web.Authorization;

/// <summary>What a sign-in needs next once the first factor (password or single sign-on) is good.</summary>
public enum SignInStep
{
    /// <summary>Signed in: a session is open.</summary>
    Done,
    /// <summary>Enter the code from the authenticator app.</summary>
    TwoFactor,
    /// <summary>The account must use an authenticator (trust admin, pay access) and has none yet: set one up now.</summary>
    SetUpTwoFactor,
}

/// <summary>
/// The one way into a page session, whatever the first factor: trust admins and pay access go through a one-time code
/// (set up on the spot if they have none), then a server-side session is opened (<see cref="UserSessions"/>) and its id
/// put in the sign-in cookie. Signing out changes the account's security stamp and ends every session.
/// </summary>
public sealed class SignInFlow(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    UserSessions sessions,
    AuditLog audit,
    LynchpinDbContext db,
    IHttpContextAccessor httpContextAccessor,
    SchoolClock clock)
{
    /// <summary>The session id in the cookie.</summary>
    public const string SessionClaim = "lynchpin:session";

    /// <summary>How the session signed in ("password", "password and code", "Microsoft"…).</summary>
    public const string MethodClaim = "lynchpin:sign-in-method";

    public const string PasswordMethod = "password";

    private HttpContext Http => httpContextAccessor.HttpContext ?? throw new InvalidOperationException("Signing in needs a request.");

    /// <summary>After the first factor: opens the session, or parks the account (five minutes, its own cookie) until its code.</summary>
    public async Task<SignInStep> AfterFirstFactorAsync(AppUser user, string method)
    {
        var step = user.TwoFactorEnabled ? SignInStep.TwoFactor : user.RequiresTwoFactor ? SignInStep.SetUpTwoFactor : SignInStep.Done;
        if (step == SignInStep.Done)
        {
            await CompleteAsync(user, method);
            return step;
        }
        // Identity's own two-factor cookie: the user id as the name, as SignInManager reads it back.
        var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id), new Claim(MethodClaim, method)], IdentityConstants.TwoFactorUserIdScheme);
        await Http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
        await Http.SignOutAsync(IdentityConstants.ExternalScheme);
        return step;
    }

    /// <summary>The account waiting for its code, and how it began, or null when nobody is (or the five minutes are up).</summary>
    public async Task<(AppUser User, string Method)?> PendingAsync()
    {
        var result = await Http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (result.Principal?.FindFirstValue(ClaimTypes.Name) is not { } userId)
        {
            return null;
        }
        var user = await users.FindByIdAsync(userId);
        return user is null || !await signIn.CanSignInAsync(user) ? null : (user, result.Principal.FindFirstValue(MethodClaim) ?? PasswordMethod);
    }

    /// <summary>
    /// Checks a six-digit code from the account's authenticator; a wrong one counts towards the lockout like a wrong password.
    /// Returns null when right, otherwise the message to show.
    /// </summary>
    public async Task<string?> CheckCodeAsync(AppUser user, string? code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(AuditActions.SignInFailed, AuditSubject.Account(user), "Code entered while locked out", audit.CurrentActor with { Name = user.Email! });
            return LockedOutMessage;
        }
        var digits = new string((code ?? "").Where(char.IsDigit).ToArray());
        if (digits.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, digits))
        {
            return null;
        }
        await users.AccessFailedAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        await audit.WriteAsync(locked ? AuditActions.LockedOut : AuditActions.SignInFailed, AuditSubject.Account(user),
            "Wrong two-factor code", audit.CurrentActor with { Name = user.Email! });
        return locked ? LockedOutMessage : "The code is not right: enter the 6-digit code your authenticator app shows now";
    }

    public const string LockedOutMessage = "Your account is locked after too many failed attempts. Try again in 15 minutes.";

    /// <summary>Opens a session for the account and puts it in the sign-in cookie (ending any parked sign-in).</summary>
    public async Task CompleteAsync(AppUser user, string method)
    {
        var session = await sessions.StartAsync(user.Id, method, Http.Connection.RemoteIpAddress?.ToString(), Http.Request.Headers.UserAgent.ToString());
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionClaim, session.Id), new Claim(MethodClaim, method)]);
        await Http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await Http.SignOutAsync(IdentityConstants.ExternalScheme);
        await users.ResetAccessFailedCountAsync(user);
        user.LastSignInAt = clock.UtcNow;
        // The claims principal of this request is still anonymous: name the account.
        audit.Add(AuditActions.SignedIn, AuditSubject.Account(user), $"By {method}", audit.CurrentActor with { UserId = user.Id, Name = user.Email! });
        await users.UpdateAsync(user);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Signs out: the security stamp changes and every session of the account ends, here and on any other browser (and any
    /// copy of the cookie). With <paramref name="revokeTokens"/> ("sign out everywhere") its API tokens go too.
    /// </summary>
    public async Task SignOutAsync(bool revokeTokens = false, CancellationToken cancellationToken = default)
    {
        var userId = Http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is not null)
        {
            var tokens = revokeTokens ? await Http.RequestServices.GetRequiredService<ApiTokenService>().RevokeAllAsync(user, null, cancellationToken) : 0;
            var ended = await sessions.EndAllAsync(user.Id, cancellationToken);
            audit.Add(revokeTokens ? AuditActions.SignedOutEverywhere : AuditActions.SignedOut, AuditSubject.Account(user),
                revokeTokens ? $"{ended} session(s) ended, {tokens} token(s) revoked" : $"{ended} session(s) ended");
            // Saves the audit rows and revocations with the new stamp.
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
    }

    /// <summary>
    /// Cookie validation, on every request: Identity's security-stamp check (at most a minute old), then the session in the
    /// cookie must still be open, not idle for longer than the idle timeout nor older than the absolute lifetime.
    /// </summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var sessionId = context.Principal.FindFirstValue(SessionClaim);
        var userId = context.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var valid = sessionId is not null && userId is not null
            && await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().ValidateAsync(sessionId, userId, context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Keeps the session and method claims when the security-stamp check rebuilds the principal each minute.</summary>
    public static Task KeepSessionClaims(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var type in new[] { SessionClaim, MethodClaim })
            {
                if (current.FindFirst(type) is { } claim && identity.FindFirst(type) is null)
                {
                    identity.AddClaim(new Claim(type, claim.Value));
                }
            }
        }
        return Task.CompletedTask;
    }
}

/// <summary>Identity's sign-in rules plus Lynchpin's: a disabled account, or one whose staff record has left, may not sign in.</summary>
public sealed class LynchpinSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    LynchpinDbContext db,
    SchoolClock clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        if (user.IsDisabled || !await base.CanSignInAsync(user))
        {
            return false;
        }
        var today = clock.Today;
        return user.StaffMemberId is not int staffId
            || !await db.StaffMembers.AnyAsync(s => s.Id == staffId && s.LeavingDate != null && s.LeavingDate < today);
    }
}
