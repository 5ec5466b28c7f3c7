using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lynchpin.Core.Accounts;

namespace Lynchpin.Web.Pages.Accounts;

/// <summary>Personal API tokens: create one (shown once), see when each was last used, revoke.</summary>
public class TokensModel(LynchpinDbContext db, ApiTokenService tokens) : PageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The new token's secret, shown on this response only.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Required(ErrorMessage = "Enter what the token is for")]
        [StringLength(ApiToken.NameMaxLength, ErrorMessage = "The name must be 100 characters or fewer")]
        public string? Name { get; set; }
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var created = await tokens.CreateAsync(new CreateApiTokenOptions(UserId, Input.Name!), ct);
        NewSecret = created.Secret;
        Input = new InputModel();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(UserId, id, ct))
        {
            return NotFound();
        }
        TempData["Success"] = "The token is revoked: it no longer works.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == UserId)
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt).ToListAsync(ct);
}
