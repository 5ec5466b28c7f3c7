namespace Lynchpin.Web.Pages.Schools;

public class IndexModel : LynchpinPageModel
{
    public record Row(int Urn, string Name, string? Phase, int? Pupils, string? LocalAuthority, bool IsOpen, string? TrustName, int Staff);

    public List<Row> Schools { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = Today;
        var visible = await Access.VisibleSchoolsAsync(ct);
        Schools = await visible.OrderBy(s => s.Trust == null ? "" : s.Trust.Name).ThenBy(s => s.Name)
            .Select(s => new Row(s.Urn, s.Name, s.Phase, s.NumberOfPupils, s.LocalAuthority, s.IsOpen,
                s.Trust == null ? null : s.Trust.Name,
                Db.StaffMembers.Count(m => m.SchoolId == s.Id && (m.LeavingDate == null || m.LeavingDate >= today))))
            .ToListAsync(ct);
    }
}
