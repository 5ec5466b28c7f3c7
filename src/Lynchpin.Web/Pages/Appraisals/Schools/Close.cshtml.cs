using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Appraisals.Schools;

/// <summary>
/// Closes a school's appraisal cycle once the year's work is done, or reopens it, after asking to confirm. Closed, the
/// cycle is read-only (<see cref="ClosedCycles"/>); the school's leaders, who open cycles, close and reopen them.
/// </summary>
[Requires(nameof(Operations.ManageCycle))]
public class CloseModel : AppraisalSchoolPage
{
    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public AppraisalCycle Cycle { get; private set; } = null!;

    protected override bool ChangesTheCycle => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await FindAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await FindAsync(ct))
        {
            return NotFound();
        }
        if (!Cycle.IsClosed)
        {
            await ClosedCycles.CloseAsync(Db, Cycle.Id, await RecorderAsync(ct), Clock.UtcNow, ct);
            TempData["Success"] = $"The {SchoolYear.Name(Cycle.Year)} appraisal cycle is closed: it can be read and printed, not changed.";
        }
        return RedirectTo<DashboardModel>(new { urn = School.Urn, year = Cycle.Year });
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (!await FindAsync(ct))
        {
            return NotFound();
        }
        if (Cycle.IsClosed)
        {
            await ClosedCycles.ReopenAsync(Db, Cycle.Id, ct);
            TempData["Success"] = $"The {SchoolYear.Name(Cycle.Year)} appraisal cycle is open again.";
        }
        return RedirectTo<DashboardModel>(new { urn = School.Urn, year = Cycle.Year });
    }

    private async Task<bool> FindAsync(CancellationToken ct)
    {
        if (ParseYear(YearText) is int year && await CycleAsync(year, ct) is { } cycle)
        {
            Cycle = cycle;
            return true;
        }
        return false;
    }
}
