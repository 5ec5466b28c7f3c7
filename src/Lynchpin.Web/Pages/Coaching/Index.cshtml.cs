using Lynchpin.Core.Coaching;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Web.Pages.Coaching;

/// <summary>
/// The coach's home: this year's schools with visits done against planned, the next visits, actions overdue by area,
/// PEPs overdue and pupils under 90 % attendance. The pupils it names are audited. Coaches only.
/// </summary>
public class IndexModel(CoachOverview overview, ImpactReports impact, CoachingAccess coaching, PupilAudit audit) : LynchpinPageModel
{
    public CoachHome Home { get; private set; } = null!;
    /// <summary>The caseload's schools side by side: each looked-after cohort's attendance last year and this year (no pupil named).</summary>
    public IReadOnlyList<SchoolCohort> Cohorts { get; private set; } = [];
    public string CohortChartJson { get; private set; } = "";
    public IReadOnlyList<CaseloadSchool> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await coaching.GetAsync(ct);
        if (view.Scope.Role != UserRole.Coach || view.Scope.User is not { } coach)
        {
            return Forbid();
        }
        Home = await overview.ForCoachAsync(coach.Id, ct);
        Cohorts = await impact.AttendanceBySchoolAsync(Home.Schools.Select(s => s.School).ToList(), Home.Year, ct);
        // A cohort too small to compare has no bar: the table says why.
        static decimal? Shown(CohortFigure f) => f.TooFew ? null : f.Value;
        CohortChartJson = Pages.Pupils.AttendanceChart.Json(Cohorts.Select(c => c.School.Name).ToList(),
        [
            new(Core.Progression.SchoolYear.Name(Home.Year - 1), Cohorts.Select(c => Shown(c.LastYear)).ToList()),
            new($"{Core.Progression.SchoolYear.Name(Home.Year)} so far", Cohorts.Select(c => Shown(c.ThisYear)).ToList()),
        ], "bar");
        History = await Db.CaseloadSchools.AsNoTracking().Include(c => c.School).Where(c => c.CoachUserId == coach.Id && c.Year < Home.Year)
            .OrderByDescending(c => c.Year).ThenBy(c => c.School.Name).ToListAsync(ct);
        var shown = Home.PupilsShown.Select(p => (p, view.WhyMayRead(p) ?? PupilReadReason.Coach)).ToList();
        await audit.ReadAsync(await RecorderAsync(ct), shown, "coach's home page", ct);
        return Page();
    }
}
