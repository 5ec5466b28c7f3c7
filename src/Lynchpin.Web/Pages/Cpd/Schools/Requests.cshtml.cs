using Lynchpin.Core.Cpd;

namespace Lynchpin.Web.Pages.Cpd.Schools;

/// <summary>
/// A school's CPD requests: those waiting for the viewer's decision first (their team's as line manager, costs as the
/// budget holder), then, for leaders, every request of the year.
/// </summary>
[Requires(nameof(Operations.ViewProfile))]
public class RequestsModel(CpdTasks tasks) : SchoolPageModel
{
    public IReadOnlyList<CpdTask> Waiting { get; private set; } = [];
    public IReadOnlyList<CpdRequest> All { get; private set; } = [];
    public bool Leads { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await Access.GetAsync(ct);
        Leads = scope.LeadsSchool(School.Id);
        if (scope.OwnStaffId is int own)
        {
            Waiting = (await tasks.ForStaffAsync(own, scope.VisibleStaffIds, scope.LedSchoolIds, ct))
                .Where(t => t.RequestId is not null).ToList();
        }
        else if (Leads)
        {
            // A trust admin without a staff record decides as a leader of the school.
            Waiting = (await tasks.ForStaffAsync(0, [], [School.Id], ct)).Where(t => t.RequestId is not null).ToList();
        }
        if (Leads)
        {
            All = await Db.CpdRequests.AsNoTracking().Include(r => r.StaffMember).Where(r => r.SchoolId == School.Id)
                .OrderByDescending(r => r.RequestedAt).Take(200).ToListAsync(ct);
        }
    }
}
