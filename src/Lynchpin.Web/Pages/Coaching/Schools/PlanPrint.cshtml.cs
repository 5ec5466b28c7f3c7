using Lynchpin.Core.Coaching;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Coaching.Schools;

/// <summary>The action plan on its own, to print or save as PDF for governors or the virtual school.</summary>
[Requires(nameof(Operations.ReadCoaching))]
public class PlanPrintModel(ActionPlans plans) : SchoolPageModel
{
    public PlanView View { get; private set; } = null!;

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        var chosen = year is >= 2000 and <= 2100 ? year.Value : SchoolYear.Of(Today);
        View = new PlanView(School, chosen, await plans.FindAsync(School.Id, chosen, ct), MayEdit: false, Today);
    }
}
