using Lynchpin.Core.Cpd;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Cpd.Schools;

/// <summary>
/// A school's CPD for a year: the budget (spend, commitments, requests awaiting approval), CPD hours and spend per head
/// by group, and the activities recorded, with their people.
/// </summary>
[Requires(nameof(Operations.Manage))]
public class IndexModel(CpdBudgets budgets, DevelopmentQueries queries) : SchoolPageModel
{
    public int Year { get; private set; }
    public CpdBudget? Budget { get; private set; }
    public CpdBudgetFigures Figures { get; private set; } = null!;
    public IReadOnlyList<GroupCpd> Groups { get; private set; } = [];
    public IReadOnlyList<CpdActivity> Activities { get; private set; } = [];
    public int Pending { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        if (year is not null and (< 2000 or > 2100))
        {
            ModelState.AddModelError("year", "Choose a school year");
            year = null;
        }
        Year = year ?? SchoolYear.Of(Today);
        Budget = await budgets.ForYearAsync(School.Id, Year, ct);
        Figures = await budgets.FiguresAsync(School.Id, Year, ct);
        Groups = await queries.CpdByGroupAsync(School.Id, Year, ct);
        var start = SchoolYear.Start(Year);
        var end = SchoolYear.End(Year);
        Activities = await Db.CpdActivities.AsNoTracking().Include(a => a.Attendances).ThenInclude(a => a.StaffMember)
            .Where(a => a.SchoolId == School.Id && a.StartDate >= start && a.StartDate <= end)
            .OrderByDescending(a => a.StartDate).ThenBy(a => a.Title).AsSplitQuery().ToListAsync(ct);
        Pending = await Db.CpdRequests.CountAsync(r => r.SchoolId == School.Id
            && (r.Status == CpdRequestStatus.WithLineManager || r.Status == CpdRequestStatus.WithBudgetHolder), ct);
        return PageOrInvalid();
    }
}
