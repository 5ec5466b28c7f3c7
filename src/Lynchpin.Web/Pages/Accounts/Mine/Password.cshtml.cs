using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Accounts.Mine;

/// <summary>
/// Changing one's password: every session ends (here, elsewhere, any copied cookie); this browser is signed straight back in
/// with a new session, so only the person who just proved the new password carries on.
/// </summary>
public class PasswordModel(UserManager<AppUser> users, AccountAdministration administration, SignInFlow flow) : AccountPage(users)
{
    [BindProperty]
    [Display(Name = "current password")]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    [Compare(nameof(Password), ErrorMessage = "Enter the same new password twice")]
    public string? ConfirmPassword { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadMeAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await administration.ChangePasswordAsync(Me, CurrentPassword, Password, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
            return Invalid();
        }
        await flow.CompleteAsync(Me, "password change");
        TempData["Success"] = "Your password is changed. Anywhere else you were signed in, you have been signed out.";
        return RedirectTo<IndexModel>();
    }
}
