using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lynchpin.Web.Pages.Accounts.Mine;

/// <summary>
/// Personal API tokens: create one (read-only unless asked, expiring; shown once), see when each was last used, revoke.
/// A page, so only the sign-in cookie reaches it: a token cannot make another token.
/// </summary>
public class TokensModel(UserManager<AppUser> users, ApiTokenService tokens) : AccountPage(users)
{
    public static readonly int[] Lifetimes = [7, 30, 90, 180, 365];

    public List<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The new token's secret, shown on this response only.</summary>
    public string? NewSecret { get; private set; }

    public DateTime Now => Clock.UtcNow;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Required(ErrorMessage = "Enter what the token is for")]
        [StringLength(ApiToken.NameMaxLength, ErrorMessage = "The name must be 100 characters or fewer")]
        public string? Name { get; set; }

        [Display(Name = "what the token may do")]
        public ApiTokenScope Scope { get; set; } = ApiTokenScope.Read;

        [Display(Name = "how long the token lasts")]
        [Range(1, ApiTokenService.MaxDays, ErrorMessage = "Choose how long the token lasts")]
        public int Days { get; set; } = ApiTokenService.DefaultDays;
    }

    public IReadOnlyList<SelectListItem> ScopeItems { get; } =
    [
        new("Read only: it can look, not change anything", nameof(ApiTokenScope.Read)),
        new("Read and write: it can change what you may change", nameof(ApiTokenScope.ReadWrite)),
    ];

    public IReadOnlyList<SelectListItem> DayItems { get; } =
        Lifetimes.Select(d => new SelectListItem(d == 365 ? "1 year" : $"{d} days", d.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await LoadMeAsync() is { } gone)
        {
            return gone;
        }
        if (!Lifetimes.Contains(Input.Days))
        {
            ModelState.AddModelError("Input.Days", "Choose how long the token lasts");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Invalid();
        }
        var created = await tokens.CreateAsync(new CreateApiTokenOptions(Me.Id, Input.Name!, Input.Scope, Input.Days), ct);
        NewSecret = created.Secret;
        Input = new InputModel();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(UserId, tokenId, cancellationToken: ct))
        {
            return NotFound();
        }
        TempData["Success"] = "The token is revoked: it no longer works.";
        return RedirectTo<TokensModel>();
    }

    private async Task LoadAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(UserId, ct);
}
