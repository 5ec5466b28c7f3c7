using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Cpd;

namespace Lynchpin.Web.Pages;

public class IndexModel(AppraisalTasks appraisalTasks, CpdTasks cpdTasks) : LynchpinPageModel
{
    public record SchoolSummary(int Urn, string Name, int Teaching, int Support);

    public string Greeting { get; private set; } = "Welcome to Lynchpin";
    public StaffMember? Me { get; private set; }
    public List<SchoolSummary> Schools { get; private set; } = [];
    public bool LeadsAnySchool { get; private set; }

    /// <summary>The signed-in person's due and overdue appraisal tasks, as appraiser and as appraisee; empty without a staff record.</summary>
    public IReadOnlyList<AppraisalTask> AppraisalTasks { get; private set; } = [];

    /// <summary>CPD requests waiting for the person's decision and evaluations for them to write or add a view to.</summary>
    public IReadOnlyList<CpdTask> CpdTasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await Access.GetAsync(ct);
        // Coaches and virtual schools have no school of their own: their home is their schools' or children's.
        switch (scope.Role)
        {
            case UserRole.Coach:
                return RedirectTo<Coaching.IndexModel>();
            case UserRole.VirtualSchool:
                return RedirectTo<Pupils.IndexModel>();
        }
        LeadsAnySchool = scope.LedSchoolIds.Count > 0;
        if (scope.User?.StaffMemberId is int staffId)
        {
            Me = await Db.StaffMembers.AsNoTracking().Include(s => s.School).SingleOrDefaultAsync(s => s.Id == staffId, ct);
            if (Me is not null)
            {
                Greeting = $"Welcome, {Me.FirstName}";
                AppraisalTasks = await appraisalTasks.ForStaffAsync(Me.Id, Today, ct);
                CpdTasks = await cpdTasks.ForStaffAsync(Me.Id, scope.VisibleStaffIds, scope.LedSchoolIds, ct);
            }
        }

        var today = Today;
        var led = scope.LedSchoolIds.ToList();
        // Counts are grouped in the database: a trust may have thousands of staff.
        var counts = await Db.StaffMembers
            .Where(s => led.Contains(s.SchoolId) && (s.LeavingDate == null || s.LeavingDate >= today))
            .GroupBy(s => new { s.SchoolId, Teaching = s.RoleFamily == RoleFamily.Teaching })
            .Select(g => new { g.Key.SchoolId, g.Key.Teaching, Count = g.Count() })
            .ToListAsync(ct);
        Schools = (await Db.Schools.AsNoTracking().Where(s => led.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct))
            .Select(s => new SchoolSummary(s.Urn, s.Name,
                counts.Where(c => c.SchoolId == s.Id && c.Teaching).Sum(c => c.Count),
                counts.Where(c => c.SchoolId == s.Id && !c.Teaching).Sum(c => c.Count)))
            .ToList();
        return Page();
    }
}
