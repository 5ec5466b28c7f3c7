using Lynchpin.Core.Outcomes;

namespace Lynchpin.Web.Pages.Outcomes;

/// <summary>
/// A school's published outcomes year by year, with their intervals, beside how its whole staff is developed, appraised
/// and deployed (its leaders and the trust's admins: the measures are appraisal and profile aggregates).
/// </summary>
[Requires(nameof(Operations.Manage))]
public class SchoolModel(OutcomeReports reports) : SchoolPageModel
{
    public SchoolOutcomeReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await reports.ForSchoolAsync(School, ct);
}
