using Lynchpin.Core.Cpd;

namespace Lynchpin.Web.Pages.Cpd.Person;

/// <summary>A person's CPD: what they did each year (hours, cost, evaluations) and their requests.</summary>
public class IndexModel(CpdEvaluations evaluations) : PersonPageModel
{
    public IReadOnlyList<EvaluationTask> Activities { get; private set; } = [];
    public IReadOnlyList<CpdRequest> Requests { get; private set; } = [];
    public bool CanRequest { get; private set; }
    public bool IsLineManager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Activities = await evaluations.ForPersonAsync(Member.Id, ct);
        Requests = await Db.CpdRequests.AsNoTracking().Where(r => r.StaffMemberId == Member.Id).OrderByDescending(r => r.RequestedAt).ToListAsync(ct);
        CanRequest = await MayAsync(Member, Operations.ActForSelf);
        IsLineManager = !IsOwn && await MayAsync(Member, Operations.Assess);
    }
}
