namespace Lynchpin.Web.Pages.Privacy;

/// <summary>The trust's people as a select list (surname first, with their school), for the privacy pages' "who" fields.</summary>
public static class TrustPeople
{
    public static async Task<IReadOnlyList<SelectListItem>> ItemsAsync(LynchpinDbContext db, int trustId, CancellationToken ct) =>
        [new SelectListItem("Choose a person", ""), .. await db.StaffMembers.AsNoTracking()
            .Where(s => s.School.TrustId == trustId).OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new SelectListItem(s.LastName + ", " + s.FirstName + " (" + s.School.Name + ")", s.Id.ToString()))
            .ToListAsync(ct)];
}
