using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Accounts.Manage;

/// <summary>
/// How a trust's accounts sign in: email and password, or single sign-on with the trust's Microsoft Entra tenant or
/// Google Workspace domain and the claim matched to each account's email. For the trust's admins.
/// </summary>
public class TrustSignInSettingsModel(LynchpinDbContext db, IAuthorizationService authorization, TrustSignIns trustSignIns, IConfiguration config)
    : PageModel
{
    public class InputModel
    {
        [Display(Name = "how accounts sign in")] public SignInMethod? Method { get; set; }
        [Display(Name = "identity provider")] public SsoProvider? Provider { get; set; }
        [Display(Name = "tenant or domain")] public string? Tenant { get; set; }
        [Display(Name = "claim")] public string? EmailClaim { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public Trust Trust { get; private set; } = null!;
    public IReadOnlyList<SsoProvider> Configured { get; private set; } = [];

    public IReadOnlyList<SelectListItem> MethodItems { get; } =
    [
        new("Email and password (with a code for trust admins and pay access)", nameof(SignInMethod.Password)),
        new("Single sign-on with the trust's Microsoft or Google accounts: no Lynchpin passwords", nameof(SignInMethod.SingleSignOn)),
    ];

    public IReadOnlyList<SelectListItem> ProviderItems => Configured.Select(p => new SelectListItem(
        p == SsoProvider.Microsoft ? "Microsoft Entra ID (Microsoft 365)" : "Google Workspace", p.ToString())).ToList();

    public IReadOnlyList<SelectListItem> ClaimItems { get; } = TrustSignIns.EmailClaims.Select(c => new SelectListItem(c, c)).ToList();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refused)
        {
            return refused;
        }
        var settings = await trustSignIns.ForTrustAsync(Trust.Id, ct);
        Input = new InputModel { Method = settings.Method, Provider = settings.Provider, Tenant = settings.Tenant, EmailClaim = settings.EmailClaim };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refused)
        {
            return refused;
        }
        if (Input.Method == SignInMethod.SingleSignOn && Input.Provider is SsoProvider provider && !Configured.Contains(provider))
        {
            ModelState.AddModelError("Input.Provider", "This Lynchpin has no app registration for that provider: ask whoever runs it");
        }
        if (ModelState.IsValid)
        {
            foreach (var error in await trustSignIns.SaveAsync(Trust.Id, new TrustSignInInput(Input.Method, Input.Provider, Input.Tenant, Input.EmailClaim), ct))
            {
                ModelState.AddModelError($"Input.{error.Field}", error.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = "The trust's sign-in is saved.";
        return RedirectToPage(new { code });
    }

    /// <summary>Where each provider sends people back: what the app registration must list.</summary>
    public string ReturnUrl(SsoProvider provider) =>
        $"{Request.Scheme}://{Request.Host}{Request.PathBase}/sign-in/sso/{provider.ToString().ToLowerInvariant()}/return";

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var trust = await db.Trusts.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct);
        if (trust is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, trust, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        Trust = trust;
        Configured = SingleSignOn.Configured(config);
        return null;
    }
}
