using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lynchpin.Web.Pages.Accounts;

/// <summary>
/// Email and password, then (for trust admins and pay access) a one-time code; or a button per single sign-on provider the
/// deployment has. Every attempt is audited: a failure with the email tried, a lockout when it happens.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LynchpinApp.SignInRateLimit)]
public class SignInModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInFlow flow, TrustSignIns trustSignIns, AuditLog audit, IConfiguration config)
    : LynchpinPageModel
{
    public const string WrongDetailsMessage = "The email address or password is not right";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when single sign-on came back with a failure (a tampered or expired state, a refusal).</summary>
    [BindProperty(SupportsGet = true, Name = "sso")]
    public string? SsoOutcome { get; set; }

    public IReadOnlyList<SsoProvider> Providers { get; private set; } = [];

    public class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }

    public void OnGet()
    {
        Providers = SingleSignOn.Configured(config);
        if (SsoOutcome == "failed")
        {
            ModelState.AddModelError("", "Single sign-on did not finish. Try again; if it fails again, ask your school's Lynchpin administrator.");
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Providers = SingleSignOn.Configured(config);
        if (!ModelState.IsValid)
        {
            return Refused();
        }
        var email = Input.Email!.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, AuditSubject.None, "No account has this email", audit.CurrentActor with { Name = email });
            return Refused(WrongDetailsMessage);
        }
        var tried = audit.CurrentActor with { Name = email };
        var wasLockedOut = await users.IsLockedOutAsync(user);
        // Counts a wrong password towards the lockout, and refuses a locked, disabled or leaver's account.
        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // The attempt that locks the account is the lockout; attempts while it is locked are failures.
            await audit.WriteAsync(wasLockedOut ? AuditActions.SignInFailed : AuditActions.LockedOut, AuditSubject.Account(user),
                wasLockedOut ? "Tried while locked out" : "Wrong password: locked out for 15 minutes", tried);
            return Refused(SignInFlow.LockedOutMessage);
        }
        if (result.IsNotAllowed)
        {
            // Said only to someone who knows the password: the form does not tell strangers which accounts exist.
            var knowsPassword = await users.CheckPasswordAsync(user, Input.Password!);
            await audit.WriteAsync(AuditActions.SignInFailed, AuditSubject.Account(user), knowsPassword ? "Account disabled" : "Wrong password (account disabled)", tried);
            return Refused(knowsPassword ? "This account is disabled. Ask your school's Lynchpin administrator." : WrongDetailsMessage);
        }
        if (!result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, AuditSubject.Account(user), "Wrong password", tried);
            return Refused(WrongDetailsMessage);
        }
        if (await trustSignIns.ForAccountAsync(user) is { UsesSingleSignOn: true } settings)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, AuditSubject.Account(user), "Password refused: the trust signs in with single sign-on", tried);
            return Refused($"Your trust signs in with {SingleSignOn.DisplayName(settings.Provider!.Value)}: use the button below.");
        }
        return await NextStepAsync(flow, await flow.AfterFirstFactorAsync(user, SignInFlow.PasswordMethod), ReturnUrl);
    }

    /// <summary>Where a sign-in goes once its first factor is good: home (or back), or the code pages.</summary>
    internal static Task<IActionResult> NextStepAsync(SignInFlow flow, SignInStep step, string? returnUrl)
    {
        var local = IsLocal(returnUrl) ? returnUrl : null;
        IActionResult next = step switch
        {
            SignInStep.TwoFactor => new RedirectToPageResult(PageLinks.NameOf<TwoFactorModel>(), new { returnUrl = local }),
            SignInStep.SetUpTwoFactor => new RedirectToPageResult(PageLinks.NameOf<SetUpTwoFactorModel>(), new { returnUrl = local }),
            _ => new LocalRedirectResult(local ?? "/"),
        };
        return Task.FromResult(next);
    }

    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private PageResult Refused(string? message = null)
    {
        if (message is not null)
        {
            // One message for a wrong email or password, so the form does not reveal which accounts exist.
            ModelState.AddModelError("Input.Email", message);
        }
        return Invalid();
    }
}
