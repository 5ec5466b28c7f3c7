using Lynchpin.Core.Accounts;

namespace Lynchpin.Web.Pages.Accounts.Manage;

/// <summary>An account as the list shows it.</summary>
public sealed record AccountRow(string Id, string Email, string? Name, UserRole Role, string? School, string Status, bool TwoFactor, bool PayAccess, DateTime? LastSignInAt);

/// <summary>The accounts the reader administers: a trust admin's whole trust; a school leader's school, below them.</summary>
public class IndexModel(AccountEmails emails) : AccountAdminPage(emails)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<AccountRow> Rows { get; private set; } = [];

    public string? TrustCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await Access.GetAsync(ct);
        var me = scope.User!;
        if (scope.Role == UserRole.TrustAdmin)
        {
            TrustCode = await Db.Trusts.Where(t => t.Id == me.TrustId).Select(t => t.Code).SingleOrDefaultAsync(ct);
        }
        var candidates = scope.Role == UserRole.TrustAdmin
            ? Db.Users.Where(u => u.TrustId == me.TrustId && me.TrustId != null)
            : Db.Users.Where(u => u.SchoolId == me.SchoolId && me.SchoolId != null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            candidates = candidates.Where(u => u.Email!.ToLower().Contains(q)
                || (u.StaffMember != null && (u.StaffMember.FirstName + " " + u.StaffMember.LastName).ToLower().Contains(q)));
        }
        var accounts = await candidates.AsNoTracking().Include(u => u.StaffMember).Include(u => u.School)
            .OrderBy(u => u.Email).ToListAsync(ct);
        var now = new DateTimeOffset(Clock.UtcNow, TimeSpan.Zero);
        foreach (var account in accounts.Where(a => a.Id != me.Id))
        {
            if (await Access.CanAdministerAsync(account, ct))
            {
                Rows.Add(new AccountRow(account.Id, account.Email!, account.StaffMember?.FullName, account.Role, account.School?.Name,
                    Status(account, now), account.TwoFactorEnabled, account.PayAccess, account.LastSignInAt));
            }
        }
        return Page();
    }

    public static string Status(AppUser account, DateTimeOffset now) =>
        account.IsDisabled ? "Disabled"
        : account.LockoutEnd > now ? "Locked"
        : account.PasswordHash is null && account.InvitedAt is not null ? "Invited"
        : "Active";
}
