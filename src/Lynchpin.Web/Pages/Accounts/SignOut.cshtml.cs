using Microsoft.AspNetCore.Identity;

namespace Lynchpin.Web.Pages.Accounts;

/// <summary>Sign-out is a POST (from the header button), so a link cannot sign someone out.</summary>
public class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Success"] = "You have signed out.";
        return RedirectToPage(PageLinks.NameOf<SignInModel>());
    }
}
