using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Web.Pages.Pupils;

/// <summary>
/// The vulnerable pupils the viewer may read, across schools (a coach's caseload, a virtual school's children) or in one
/// school (<c>?school=URN</c>): flags, attendance this year, and PEPs due or overdue. Every pupil listed is audited.
/// </summary>
public class IndexModel(CoachingAccess coaching, Peps peps, PupilAudit audit) : LynchpinPageModel
{
    public sealed record Row(Pupil Pupil, decimal? Attendance, PupilPepStatus? Pep, PupilReadReason Reason);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public School? School { get; private set; }
    public IReadOnlyList<School> Schools { get; private set; } = [];
    public int Year { get; private set; }
    /// <summary>The schools (of those shown) whose pupils, attendance and exclusions the viewer may import.</summary>
    public IReadOnlyList<School> ImportSchools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? school, CancellationToken ct)
    {
        var view = await coaching.GetAsync(ct);
        var visible = await coaching.VisiblePupilsAsync(ct);
        if (!HasPupilRole(view) && !await visible.AnyAsync(ct))
        {
            return Forbid();
        }
        Schools = await Db.Schools.AsNoTracking().Where(s => visible.Any(p => p.SchoolId == s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
        if (school is { } urn)
        {
            School = await Db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
            if (School is null)
            {
                return NotFound();
            }
            var schoolId = School.Id;
            visible = visible.Where(p => p.SchoolId == schoolId);
        }
        Year = SchoolYear.Of(Today);
        var importable = view.Scope.LedSchoolIds.Concat(view.DesignatedTeacherOf).Where(view.MayImportPupils)
            .Where(id => School is null || id == School.Id).Distinct().ToList();
        ImportSchools = await Db.Schools.AsNoTracking().Where(s => importable.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
        var pupils = await visible.AsNoTracking().Include(p => p.School).Include(p => p.Flags).Where(p => p.LeftOn == null)
            .OrderBy(p => p.School.Name).ThenBy(p => p.LastName).ThenBy(p => p.FirstName).ToListAsync(ct);
        var statuses = (await peps.StatusesAsync(visible, ct)).ToDictionary(s => s.Pupil.Id);
        var attendance = await AttendanceAsync(pupils.Select(p => p.Id).ToList(), Year, ct);
        Rows = pupils.Select(p => new Row(p, attendance.GetValueOrDefault(p.Id), statuses.GetValueOrDefault(p.Id), view.WhyMayRead(p)!.Value)).ToList();
        await audit.ReadAsync(await RecorderAsync(ct), Rows.Select(r => (r.Pupil, r.Reason)), $"pupil list (page {Request.Path}{Request.QueryString})", ct);
        return Page();
    }

    /// <summary>Those whose role is to read pupils, who get an empty list rather than a refusal when there are none.</summary>
    public static bool HasPupilRole(CoachingAccess.View view) =>
        view.Reader.LedSchools.Count > 0 || view.DesignatedTeacherOf.Count > 0 || view.ChampionOf.Count > 0
        || view.CoachedSchoolIds.Count > 0 || view.VirtualSchoolLaCode is not null || view.WorkerOfPupils.Count > 0;

    private async Task<Dictionary<int, decimal?>> AttendanceAsync(IReadOnlyList<int> ids, int year, CancellationToken ct)
    {
        var from = SchoolYear.Start(year);
        var to = SchoolYear.End(year);
        var totals = await Db.AttendanceRecords.AsNoTracking().Where(a => ids.Contains(a.PupilId) && a.PeriodStart >= from && a.PeriodStart <= to)
            .GroupBy(a => a.PupilId)
            .Select(g => new { g.Key, Possible = g.Sum(a => a.SessionsPossible), Attended = g.Sum(a => a.SessionsAttended) })
            .ToListAsync(ct);
        return totals.ToDictionary(t => t.Key, t => ImpactRound(AttendanceMaths.AttendanceRate(new Sessions(t.Possible, t.Attended, t.Possible - t.Attended, 0))));
    }

    private static decimal? ImpactRound(decimal? value) => Core.Coaching.ImpactCalculator.Round(value);
}
