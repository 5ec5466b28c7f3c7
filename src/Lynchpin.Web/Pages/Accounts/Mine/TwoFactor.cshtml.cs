using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Accounts.Mine;

/// <summary>
/// Two-factor sign-in for one's own account: set it up (scan, then prove with a code), move it to a new phone, or — for an
/// account that does not need it — turn it off. Trust admins and pay access cannot turn it off.
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInFlow flow, AuditLog audit) : AccountPage(users)
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    public string? Code { get; set; }

    public AuthenticatorSetUp? SetUp { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        if (!Me.TwoFactorEnabled)
        {
            SetUp = await AuthenticatorSetUp.ForAsync(Users, Me);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        if (Me.TwoFactorEnabled)
        {
            return RedirectTo<TwoFactorModel>();
        }
        if (ModelState.IsValid && await flow.CheckCodeAsync(Me, Code) is { } problem)
        {
            ModelState.AddModelError(nameof(Code), problem);
        }
        if (!ModelState.IsValid)
        {
            SetUp = await AuthenticatorSetUp.ForAsync(Users, Me);
            return Invalid();
        }
        await Users.SetTwoFactorEnabledAsync(Me, true);
        await audit.WriteAsync(AuditActions.TwoFactorEnabled, AuditSubject.Account(Me), "Set up from the account page", cancellationToken: ct);
        TempData["Success"] = "Two-factor sign-in is on: you will enter a code from your app each time you sign in.";
        return RedirectTo<IndexModel>();
    }

    /// <summary>A new phone: a new key replaces the old at once, and the code from it turns two-factor back on.</summary>
    public async Task<IActionResult> OnPostNewKeyAsync(CancellationToken ct)
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        await Users.SetTwoFactorEnabledAsync(Me, false);
        SetUp = await AuthenticatorSetUp.ForAsync(Users, Me, fresh: true);
        await audit.WriteAsync(AuditActions.TwoFactorReset, AuditSubject.Account(Me), "New authenticator key", cancellationToken: ct);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken ct)
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        if (Me.RequiresTwoFactor)
        {
            return Forbid();
        }
        await Users.SetTwoFactorEnabledAsync(Me, false);
        await Users.ResetAuthenticatorKeyAsync(Me);
        await audit.WriteAsync(AuditActions.TwoFactorReset, AuditSubject.Account(Me), "Turned off", cancellationToken: ct);
        TempData["Success"] = "Two-factor sign-in is off.";
        return RedirectTo<IndexModel>();
    }
}
