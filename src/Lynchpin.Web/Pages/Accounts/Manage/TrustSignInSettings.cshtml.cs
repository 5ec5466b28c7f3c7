using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;

namespace Lynchpin.Web.Pages.Accounts.Manage;

/// <summary>
/// How a trust's accounts sign in: email and password, or single sign-on with the trust's Microsoft Entra tenant or
/// Google Workspace domain and the claim matched to each account's email. For the trust's admins.
/// </summary>
[Requires(nameof(Operations.Manage))]
public class TrustSignInSettingsModel(TrustSignIns trustSignIns, IConfiguration config) : TrustPageModel
{
    public class InputModel
    {
        [Display(Name = "how accounts sign in")] public SignInMethod? Method { get; set; }
        [Display(Name = "identity provider")] public SsoProvider? Provider { get; set; }
        [Display(Name = "tenant or domain")] public string? Tenant { get; set; }
        [Display(Name = "claim")] public string? EmailClaim { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<SsoProvider> Configured => SingleSignOn.Configured(config);

    public IReadOnlyList<SelectListItem> MethodItems { get; } =
    [
        new("Email and password (with a code for trust admins and pay access)", nameof(SignInMethod.Password)),
        new("Single sign-on with the trust's Microsoft or Google accounts: no Lynchpin passwords", nameof(SignInMethod.SingleSignOn)),
    ];

    public IReadOnlyList<SelectListItem> ProviderItems => Configured.Select(p => new SelectListItem(
        p == SsoProvider.Microsoft ? "Microsoft Entra ID (Microsoft 365)" : "Google Workspace", p.ToString())).ToList();

    public IReadOnlyList<SelectListItem> ClaimItems { get; } = TrustSignIns.EmailClaims.Select(c => new SelectListItem(c, c)).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await trustSignIns.ForTrustAsync(Trust.Id, ct);
        Input = new InputModel { Method = settings.Method, Provider = settings.Provider, Tenant = settings.Tenant, EmailClaim = settings.EmailClaim };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Method == SignInMethod.SingleSignOn && Input.Provider is SsoProvider provider && !Configured.Contains(provider))
        {
            ModelState.AddModelError("Input.Provider", "This Lynchpin has no app registration for that provider: ask whoever runs it");
        }
        if (ModelState.IsValid)
        {
            AddErrors((await trustSignIns.SaveAsync(Trust.Id, new TrustSignInInput(Input.Method, Input.Provider, Input.Tenant, Input.EmailClaim), ct)).Errors);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        TempData["Success"] = "The trust's sign-in is saved.";
        return RedirectTo<TrustSignInSettingsModel>(new { code = Trust.Code });
    }

    /// <summary>Where each provider sends people back: what the app registration must list.</summary>
    public string ReturnUrl(SsoProvider provider) =>
        $"{Request.Scheme}://{Request.Host}{Request.PathBase}/sign-in/sso/{provider.ToString().ToLowerInvariant()}/return";
}
