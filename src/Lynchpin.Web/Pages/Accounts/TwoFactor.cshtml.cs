using System.ComponentModel.DataAnnotations;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lynchpin.Web.Pages.Accounts;

/// <summary>The second step of signing in: the code from the authenticator app. Wrong codes count towards the lockout.</summary>
[AllowAnonymous]
[EnableRateLimiting(LynchpinApp.SignInRateLimit)]
public class TwoFactorModel(SignInFlow flow) : LynchpinPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await flow.PendingAsync() is null ? RedirectTo<SignInModel>() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await flow.PendingAsync() is not var (user, method))
        {
            TempData["Success"] = null;
            return RedirectTo<SignInModel>();
        }
        if (ModelState.IsValid && await flow.CheckCodeAsync(user, Code) is { } problem)
        {
            ModelState.AddModelError(nameof(Code), problem);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        await flow.CompleteAsync(user, $"{method} and code");
        return LocalRedirect(SignInModel.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
    }
}
