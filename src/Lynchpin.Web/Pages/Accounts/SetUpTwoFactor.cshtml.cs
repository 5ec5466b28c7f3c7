using System.ComponentModel.DataAnnotations;
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
/// At sign-in, for an account that must use a code (trust admin, pay access) and has no authenticator yet: scan or type the
/// key, enter the code it shows, and the sign-in finishes with two-factor on from then on.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LynchpinApp.SignInRateLimit)]
public class SetUpTwoFactorModel(SignInFlow flow, UserManager<AppUser> users, AuditLog audit) : LynchpinPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public AuthenticatorSetUp SetUp { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PendingEnrolmentAsync() is not { } user)
        {
            return RedirectTo<SignInModel>();
        }
        SetUp = await AuthenticatorSetUp.ForAsync(users, user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingEnrolmentAsync() is not { } user)
        {
            return RedirectTo<SignInModel>();
        }
        if (ModelState.IsValid && await flow.CheckCodeAsync(user, Code) is { } problem)
        {
            ModelState.AddModelError(nameof(Code), problem);
        }
        if (!ModelState.IsValid)
        {
            SetUp = await AuthenticatorSetUp.ForAsync(users, user);
            return Invalid();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.WriteAsync(AuditActions.TwoFactorEnabled, AuditSubject.Account(user), "Set up at sign-in", audit.CurrentActor with { UserId = user.Id, Name = user.Email! });
        var method = (await flow.PendingAsync())?.Method ?? SignInFlow.PasswordMethod;
        await flow.CompleteAsync(user, $"{method} and code");
        TempData["Success"] = "Two-factor sign-in is set up: you will enter a code from your app each time you sign in.";
        return LocalRedirect(SignInModel.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task<AppUser?> PendingEnrolmentAsync() =>
        await flow.PendingAsync() is var (user, _) && !user.TwoFactorEnabled ? user : null;
}
