using Lynchpin.Core.Progression;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Core.Coaching;

/// <summary>One school of a caseload as the coach's home page shows it.</summary>
public sealed record CaseloadSummary(CaseloadSchool Caseload, int VisitsDone, int VisitsPlanned, DateOnly? NextVisit,
    IReadOnlyDictionary<CoachingArea, int> OverdueActionsByArea, int PepsOverdue)
{
    public School School => Caseload.School;
}

/// <summary>A pupil whose attendance this school year is under the 90 % persistent-absence line.</summary>
public sealed record PupilBelowLine(Pupil Pupil, decimal Attendance, int SessionsPossible);

/// <summary>What a coach sees first: their schools, next visits, overdue actions by area, overdue PEPs and pupils under 90 %.</summary>
public sealed record CoachHome(
    int Year,
    IReadOnlyList<CaseloadSummary> Schools,
    IReadOnlyList<CoachingVisit> NextVisits,
    IReadOnlyList<PlanAction> OverdueActions,
    IReadOnlyList<PupilPepStatus> PepsOverdue,
    IReadOnlyList<PupilBelowLine> BelowLine,
    string? Warning)
{
    /// <summary>Every pupil the page names, for the audit.</summary>
    public IEnumerable<Pupil> PupilsShown => PepsOverdue.Select(p => p.Pupil).Concat(BelowLine.Select(b => b.Pupil)).DistinctBy(p => p.Id);
}

/// <summary>Builds a coach's home page for the current school year.</summary>
public class CoachOverview(LynchpinDbContext db, SchoolClock clock, Peps peps)
{
    public const int NextVisitsShown = 8;

    public async Task<CoachHome> ForCoachAsync(string coachUserId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var year = SchoolYear.Of(today);
        var caseload = await db.CaseloadSchools.AsNoTracking().Include(c => c.School)
            .Where(c => c.CoachUserId == coachUserId && c.Year == year).OrderBy(c => c.School.Name).ToListAsync(cancellationToken);
        var schoolIds = caseload.Select(c => c.SchoolId).ToList();

        var visits = await db.CoachingVisits.AsNoTracking().Include(v => v.School)
            .Where(v => v.CoachUserId == coachUserId && v.Year == year && schoolIds.Contains(v.SchoolId) && v.Status != VisitStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var overdue = await db.PlanActions.AsNoTracking().Include(a => a.Plan).ThenInclude(p => p.School).Include(a => a.Owner)
            .Where(a => schoolIds.Contains(a.Plan.SchoolId) && a.Plan.Year == year
                && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress) && a.DueOn < today)
            .OrderBy(a => a.DueOn).ToListAsync(cancellationToken);
        var pupils = db.Pupils.Where(p => schoolIds.Contains(p.SchoolId));
        var pepsOverdue = (await peps.StatusesAsync(pupils, cancellationToken)).Where(s => s.Timeliness?.IsOverdue == true).ToList();
        var belowLine = await BelowLineAsync(pupils, year, cancellationToken);

        var summaries = caseload.Select(c =>
        {
            var mine = visits.Where(v => v.SchoolId == c.SchoolId).ToList();
            return new CaseloadSummary(c,
                mine.Count(v => v.Status == VisitStatus.Done),
                Math.Max(c.PlannedVisits, mine.Count),
                mine.Where(v => v.Status == VisitStatus.Planned && v.Date >= today).Select(v => (DateOnly?)v.Date).Min(),
                overdue.Where(a => a.Plan.SchoolId == c.SchoolId).GroupBy(a => a.Area).ToDictionary(g => g.Key, g => g.Count()),
                pepsOverdue.Count(p => p.Pupil.SchoolId == c.SchoolId));
        }).ToList();
        var next = visits.Where(v => v.Status == VisitStatus.Planned && v.Date >= today).OrderBy(v => v.Date).ThenBy(v => v.School.Name)
            .Take(NextVisitsShown).ToList();
        return new CoachHome(year, summaries, next, overdue, pepsOverdue, belowLine, VisitPlanner.CaseloadWarning(caseload.Count));
    }

    /// <summary>Pupils whose attendance this school year so far is under 90 %, lowest first.</summary>
    public async Task<IReadOnlyList<PupilBelowLine>> BelowLineAsync(IQueryable<Pupil> pupils, int year, CancellationToken cancellationToken)
    {
        var from = SchoolYear.Start(year);
        var to = SchoolYear.End(year);
        var totals = await db.AttendanceRecords.AsNoTracking()
            .Where(a => pupils.Select(p => p.Id).Contains(a.PupilId) && a.PeriodStart >= from && a.PeriodStart <= to)
            .GroupBy(a => a.PupilId)
            .Select(g => new { PupilId = g.Key, Possible = g.Sum(a => a.SessionsPossible), Attended = g.Sum(a => a.SessionsAttended) })
            .ToListAsync(cancellationToken);
        var below = totals.Where(t => t.Possible > 0 && 100m * t.Attended / t.Possible < AttendanceMaths.PersistentAbsenceLine).ToList();
        var ids = below.Select(b => b.PupilId).ToList();
        var named = await db.Pupils.AsNoTracking().Include(p => p.School).Include(p => p.Flags).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return below.Select(b => new PupilBelowLine(named[b.PupilId], Math.Round(100m * b.Attended / b.Possible, 1), b.Possible))
            .OrderBy(b => b.Attendance).ToList();
    }
}
