using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lynchpin.Web.Pages.Accounts;

/// <summary>
/// Single sign-on: the POST sends the browser to the provider (a sign-in button); the GET is where it comes back, once the
/// OpenID Connect handler has checked the provider's answer, to match the account and carry on as a password sign-in does.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LynchpinApp.SignInRateLimit)]
public class SsoModel(SingleSignOn sso, SignInFlow flow, IConfiguration config) : LynchpinPageModel
{
    /// <summary>Why the sign-in was refused, shown on the page.</summary>
    public string? Refusal { get; private set; }

    public IActionResult OnPost(string provider, string? returnUrl)
    {
        if (Provider(provider) is not SsoProvider known)
        {
            return NotFound();
        }
        var back = Url.Page("/Accounts/Sso", new { provider, returnUrl = SignInModel.IsLocal(returnUrl) ? returnUrl : null });
        var properties = new AuthenticationProperties { RedirectUri = back };
        properties.Items[SingleSignOn.ProviderItem] = known.ToString();
        return Challenge(properties, SingleSignOn.Scheme(known));
    }

    public async Task<IActionResult> OnGetAsync(string provider, string? returnUrl)
    {
        if (Provider(provider) is not SsoProvider known)
        {
            return NotFound();
        }
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (external.Principal is null || external.Properties?.Items.TryGetValue(SingleSignOn.ProviderItem, out var came) != true || came != known.ToString())
        {
            return RedirectTo<SignInModel>();
        }
        var (user, refusal) = await sso.MatchAsync(known, external.Principal);
        if (user is null)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            Refusal = refusal;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        return await SignInModel.NextStepAsync(flow, await flow.AfterFirstFactorAsync(user, SingleSignOn.DisplayName(known)), returnUrl);
    }

    private SsoProvider? Provider(string name) =>
        SingleSignOn.Configured(config).Cast<SsoProvider?>().FirstOrDefault(p => string.Equals(p.ToString(), name, StringComparison.OrdinalIgnoreCase));
}
