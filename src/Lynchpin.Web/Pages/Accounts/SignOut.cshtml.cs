using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lynchpin.Web.Pages.Accounts;

/// <summary>
/// Sign-out is a POST (from the header button), so a link cannot sign someone out. It ends every session of the account —
/// this browser's, any other's and any copy of the cookie — by closing them on the server and changing the security stamp.
/// </summary>
[AllowAnonymous]
public class SignOutModel(SignInFlow flow) : LynchpinPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await flow.SignOutAsync(cancellationToken: ct);
        TempData["Success"] = "You have signed out.";
        return RedirectTo<SignInModel>();
    }
}
