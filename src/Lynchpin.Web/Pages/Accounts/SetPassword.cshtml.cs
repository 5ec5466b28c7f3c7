using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lynchpin.Web.Pages.Accounts;

/// <summary>
/// Where a one-time link lands: an invitation (or an admin's reset) to set a first password, or a forgotten-password link.
/// In a trust that signs in through its identity provider there is no password to set: the page says which button to use.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LynchpinApp.SignInRateLimit)]
public class SetPasswordModel(UserManager<AppUser> users, AccountAdministration administration, TrustSignIns trustSignIns) : LynchpinPageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    /// <summary>An invitation (or admin reset) link, rather than a forgotten-password one.</summary>
    [BindProperty(SupportsGet = true)] public bool Invitation { get; set; }

    [BindProperty]
    [Display(Name = "new password")]
    public string? Password { get; set; }

    [BindProperty]
    [Compare(nameof(Password), ErrorMessage = "Enter the same password twice")]
    public string? ConfirmPassword { get; set; }

    public AppUser Account { get; private set; } = null!;

    /// <summary>Set when the account's trust signs in with single sign-on: no password, just the provider's button.</summary>
    public SsoProvider? SignsInWith { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is { } refused)
        {
            return refused;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync() is { } refused)
        {
            return refused;
        }
        if (SignsInWith is not null)
        {
            return BadRequest();
        }
        if (ModelState.IsValid)
        {
            var result = await administration.SetPasswordFromLinkAsync(Account, Token!, Invitation, Password, ct);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        TempData["Success"] = "Your password is set. Sign in with it now.";
        return RedirectTo<SignInModel>();
    }

    /// <summary>The account the link is for, if the link is good; otherwise the page that says it is not.</summary>
    private async Task<IActionResult?> FindAsync()
    {
        var user = string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) ? null : await users.FindByIdAsync(UserId);
        if (user is null || user.IsDisabled || !await administration.IsLinkValidAsync(user, Token!, Invitation))
        {
            return Gone();
        }
        Account = user;
        if (await trustSignIns.ForAccountAsync(user) is { UsesSingleSignOn: true } settings)
        {
            SignsInWith = settings.Provider;
        }
        return null;
    }

    /// <summary>False for a link that is wrong, used or out of date: the page says so (410).</summary>
    public bool LinkWorks { get; private set; } = true;

    private PageResult Gone()
    {
        LinkWorks = false;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public string ProviderName => SignsInWith is SsoProvider p ? SingleSignOn.DisplayName(p) : "";
}
