namespace Lynchpin.Web.Pages.Shared;

/// <summary>
/// A page about one person, at <c>/staff/{id:int}/…</c>: their staff record (with their school and its trust) is loaded
/// before any handler runs, 404 when there is none and 403 when the viewer may not (<see cref="AuthorizeAsync"/>).
/// </summary>
public abstract class PersonPageModel : ScopedPageModel
{
    public StaffMember Member { get; private set; } = null!;

    /// <summary>Whether the page is the viewer's own: "My appraisal" rather than the person's name.</summary>
    public bool IsOwn { get; private set; }

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var id = RouteInt("id");
        var member = await Db.StaffMembers.AsNoTracking().Include(s => s.School).ThenInclude(s => s.Trust)
            .SingleOrDefaultAsync(s => s.Id == id, ct);
        if (member is null)
        {
            return NotFound();
        }
        Member = member;
        IsOwn = (await Access.GetAsync(ct)).OwnStaffId == member.Id;
        return await AuthorizeAsync(ct);
    }

    /// <summary>
    /// The check after the person is found: by default the page's right on their staff record. Pages about something of
    /// theirs (an appraisal) check that instead; null lets the handler run.
    /// </summary>
    protected virtual async Task<IActionResult?> AuthorizeAsync(CancellationToken ct) =>
        await MayAsync(Member, Requirement) ? null : Forbid();
}
