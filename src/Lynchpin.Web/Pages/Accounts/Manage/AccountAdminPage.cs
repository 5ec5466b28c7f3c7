using Lynchpin.Core.Accounts;

namespace Lynchpin.Web.Pages.Accounts.Manage;

/// <summary>
/// The account administration pages: a trust admin's, or a school leader's (with a staff record) for those below them.
/// Before any handler runs, a page at <c>/accounts/{id}</c> loads its account and checks the reader administers it (404 for
/// none, 403 for one outside their scope, as <see cref="ScopedPageModel"/> does for schools and people); the others check
/// the reader may give access at all. Also: the form's choices, and the one-time links invitations and resets hand over.
/// </summary>
[Authorize(Policy = Policies.ManageStaff)]
[Requires(nameof(Operations.Administer))]
public abstract class AccountAdminPage(AccountEmails emails) : ScopedPageModel
{
    protected AccountEmails Emails => emails;

    /// <summary>The account a page at <c>/accounts/{id}</c> is about, tracked so a change to it can be saved.</summary>
    public AppUser Account { get; private set; } = null!;

    public string? AccountSchool { get; private set; }
    public StaffMember? AccountStaff { get; private set; }

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (RouteString("id") is not { Length: > 0 } id)
        {
            return (await Access.RolesIMayGiveAsync(ct)).Count > 0 ? null : Forbid();
        }
        var account = await Db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (account is null)
        {
            return NotFound();
        }
        if (!await MayAsync(account, Requirement))
        {
            return Forbid();
        }
        Account = account;
        AccountSchool = await Db.Schools.Where(s => s.Id == account.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        AccountStaff = await Db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == account.StaffMemberId, ct);
        return null;
    }

    /// <summary>The reader's trust (a trust admin's, or a leader's school's); null for a school outside any trust.</summary>
    protected async Task<int?> MyTrustIdAsync(CancellationToken ct) => (await Access.GetAsync(ct)).User?.TrustId;

    /// <summary>Roles the reader may give, as radios.</summary>
    protected async Task<List<SelectListItem>> RoleItemsAsync(CancellationToken ct) =>
        (await Access.RolesIMayGiveAsync(ct))
            .Select(r => new SelectListItem($"{RoleScope.Name(r)}: sees {RoleScope.Description(r)}", r.ToString())).ToList();

    /// <summary>Schools a trust admin may put an account in (their trust's); a leader's is their own alone.</summary>
    protected async Task<List<SelectListItem>> SchoolItemsAsync(CancellationToken ct)
    {
        var led = (await Access.GetAsync(ct)).LedSchoolIds.ToList();
        var schools = await Db.Schools.Where(s => led.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return [new SelectListItem("None", ""), .. schools.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>Staff records the account may be linked to (none linked to another account), and its own current one.</summary>
    protected async Task<List<SelectListItem>> StaffItemsAsync(string? exceptUserId, CancellationToken ct)
    {
        var staff = await (await Access.LinkableStaffAsync(exceptUserId, ct))
            .OrderBy(s => s.School.Name).ThenBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, s.FirstName, s.LastName, s.StaffRef, s.JobTitle, School = s.School.Name })
            .ToListAsync(ct);
        return
        [
            new SelectListItem("None", ""),
            .. staff.Select(s => new SelectListItem($"{s.FirstName} {s.LastName} ({s.StaffRef}), {s.JobTitle}, {s.School}",
                s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];
    }

    /// <summary>The one-time link to set a password, as the person will open it.</summary>
    protected Uri SetPasswordLink(AppUser account, string token, bool invitation)
    {
        var path = Url.To<SetPasswordModel>(new { user = account.Id, token, invitation = invitation ? "true" : null });
        // Emailed links always use the configured address; a link shown to the admin may use the one they are on.
        return emails.BaseUrl is not null ? emails.Link(path) : new Uri($"{Request.Scheme}://{Request.Host}{path}");
    }
}
