using Lynchpin.Core.Progression;
using Lynchpin.Core.Schools;

namespace Lynchpin.Core.Coaching;

/// <summary>What a caseload change did, and what the coach should be told.</summary>
public sealed record CaseloadChange(int Added, int Removed, int Kept, int PlannedVisits, string? Warning);

/// <summary>
/// A coach's schools for a school year, and who leads the work in each school (its designated teacher and School
/// Champion). Setting a year's caseload keeps other years as history; a school added gets its planned visits spread
/// over the terms; a school removed loses its planned visits, never the visits already made.
/// </summary>
public class Caseloads(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>The audit trail's action for a caseload change: a coach's reach to pupils' records changes with it.</summary>
    public const string CaseloadChanged = "caseload-changed";

    /// <summary>
    /// Makes the coach's caseload for <paramref name="year"/> exactly these schools. <paramref name="allowedSchoolIds"/>
    /// limits which schools the person setting it may add or remove (a trust admin's trust: the coach's schools elsewhere
    /// are left as they are); null for any (a virtual school, the command line). A change is audited, by <paramref name="by"/>,
    /// in the same save.
    /// </summary>
    public async Task<Result<CaseloadChange>> SetAsync(string coachEmail, int year, IReadOnlyCollection<int> schoolUrns, Recorder by,
        IReadOnlySet<int>? allowedSchoolIds = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var coach = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == coachEmail.Trim().ToUpperInvariant(), cancellationToken);
        if (coach is null)
        {
            errors.Add(new("Coach", $"There is no account with the email {coachEmail.Trim()}"));
        }
        else if (coach.Role != UserRole.Coach)
        {
            errors.Add(new("Coach", $"{coach.Email} is a {coach.Role} account, not a Coach"));
        }
        var today = clock.Today;
        if (year < SchoolYear.Of(today) - 1 || year > SchoolYear.Of(today) + 1)
        {
            errors.Add(new("Year", $"Set a caseload for last year, this year or next year ({SchoolYear.Name(SchoolYear.Of(today) - 1)} to {SchoolYear.Name(SchoolYear.Of(today) + 1)})"));
        }
        var urns = schoolUrns.Distinct().ToList();
        var schools = await db.Schools.Where(s => urns.Contains(s.Urn)).Select(s => new { s.Id, s.Urn }).ToListAsync(cancellationToken);
        var unknown = urns.Except(schools.Select(s => s.Urn)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new("Schools", $"There is no school with URN {string.Join(", ", unknown)}"));
        }
        if (errors.Count > 0)
        {
            return Result<CaseloadChange>.Fail(errors);
        }

        var wanted = schools.Select(s => s.Id).ToHashSet();
        var stored = await db.CaseloadSchools.Where(c => c.CoachUserId == coach!.Id && c.Year == year).ToListAsync(cancellationToken);
        var adding = wanted.Except(stored.Select(c => c.SchoolId)).ToList();
        // Someone who may change only some schools (a trust admin, their trust's) leaves the coach's other schools alone.
        var removing = stored.Where(c => !wanted.Contains(c.SchoolId) && (allowedSchoolIds is null || allowedSchoolIds.Contains(c.SchoolId))).ToList();
        if (allowedSchoolIds is not null && adding.FirstOrDefault(id => !allowedSchoolIds.Contains(id)) is var outside and not 0)
        {
            var urn = schools.Single(s => s.Id == outside).Urn;
            return Result<CaseloadChange>.Fail("Schools", $"You may not add school {urn} to a caseload: it is not one of your trust's");
        }

        var planned = 0;
        foreach (var schoolId in adding)
        {
            db.CaseloadSchools.Add(new CaseloadSchool { CoachUserId = coach!.Id, Year = year, SchoolId = schoolId, AddedAt = clock.UtcNow });
            planned += await PlanVisitsAsync(coach.Id, schoolId, year, CaseloadSchool.DefaultPlannedVisits, cancellationToken);
        }
        foreach (var removed in removing)
        {
            db.CaseloadSchools.Remove(removed);
            db.CoachingVisits.RemoveRange(await db.CoachingVisits.Where(v => v.CoachUserId == coach!.Id && v.SchoolId == removed.SchoolId
                && v.Year == year && v.Status == VisitStatus.Planned).ToListAsync(cancellationToken));
        }
        if (adding.Count + removing.Count > 0)
        {
            var removedIds = removing.Select(r => r.SchoolId).ToList();
            var removedUrns = await db.Schools.Where(s => removedIds.Contains(s.Id)).Select(s => s.Urn).ToListAsync(cancellationToken);
            var addedUrns = schools.Where(s => adding.Contains(s.Id)).Select(s => s.Urn);
            Pupils.PupilAudit.AddChange(db, by, clock.UtcNow, CaseloadChanged,
                $"caseload of {coach!.Email} for {SchoolYear.Name(year)}: added {Urns(addedUrns)}; removed {Urns(removedUrns)}");
        }
        await db.SaveChangesAsync(cancellationToken);
        var total = stored.Count - removing.Count + adding.Count;
        return Result<CaseloadChange>.Done(new CaseloadChange(adding.Count, removing.Count, stored.Count - removing.Count, planned,
            VisitPlanner.CaseloadWarning(total)));
    }

    /// <summary>
    /// The URNs in <paramref name="text"/> as a person types them (separated by commas, semicolons, spaces or lines), and
    /// the parts that are not URNs, for the caseload page and <c>caseload set --schools</c>.
    /// </summary>
    public static (List<int> Urns, List<string> NotUrns) ParseUrns(string? text)
    {
        var (urns, notUrns) = (new List<int>(), new List<string>());
        foreach (var part in (text ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var urn))
            {
                urns.Add(urn);
            }
            else
            {
                notUrns.Add(part);
            }
        }
        return (urns, notUrns);
    }

    private static string Urns(IEnumerable<int> urns) => urns.Any() ? "URN " + string.Join(", ", urns.Order()) : "none";

    /// <summary>What a caseload change did, in a sentence (the page's banner and the command's output).</summary>
    public static string Describe(string coachEmail, int year, CaseloadChange change) =>
        $"{coachEmail}'s caseload for {SchoolYear.Name(year)} is saved: {change.Added} added, {change.Removed} removed, "
        + $"{change.PlannedVisits} visits planned.{(change.Warning is null ? "" : $" {change.Warning}.")}";

    /// <summary>Changes how many visits a school is planned to have, re-spreading the planned ones over what is left of the year.</summary>
    public async Task<Result<CaseloadSchool>> SetPlannedVisitsAsync(int caseloadId, int visits, CancellationToken cancellationToken = default)
    {
        if (visits is < CaseloadSchool.MinPlannedVisits or > CaseloadSchool.MaxPlannedVisits)
        {
            return Result<CaseloadSchool>.Fail("PlannedVisits", $"Plan {CaseloadSchool.MinPlannedVisits} to {CaseloadSchool.MaxPlannedVisits} visits a year");
        }
        var caseload = await db.CaseloadSchools.SingleAsync(c => c.Id == caseloadId, cancellationToken);
        caseload.PlannedVisits = visits;
        var today = clock.Today;
        var future = await db.CoachingVisits.Where(v => v.CoachUserId == caseload.CoachUserId && v.SchoolId == caseload.SchoolId
            && v.Year == caseload.Year && v.Status == VisitStatus.Planned && v.Date >= today).ToListAsync(cancellationToken);
        db.CoachingVisits.RemoveRange(future);
        await db.SaveChangesAsync(cancellationToken);
        await PlanVisitsAsync(caseload.CoachUserId, caseload.SchoolId, caseload.Year, visits, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result<CaseloadSchool>.Done(caseload);
    }

    /// <summary>
    /// Adds planned visits up to <paramref name="visits"/> for the year (counting those made or still planned), on school days
    /// from today (or the year's start) spread over the terms left.
    /// </summary>
    private async Task<int> PlanVisitsAsync(string coachUserId, int schoolId, int year, int visits, CancellationToken cancellationToken)
    {
        var existing = await db.CoachingVisits.Where(v => v.CoachUserId == coachUserId && v.SchoolId == schoolId && v.Year == year
            && v.Status != VisitStatus.Cancelled).Select(v => v.Date).ToListAsync(cancellationToken);
        var toPlan = visits - existing.Count;
        if (toPlan <= 0)
        {
            return 0;
        }
        var calendar = await TermDatesStore.CalendarAsync(db, schoolId, cancellationToken);
        var from = clock.Today;
        // Only the rest of the year: the terms cut to start today.
        var termsLeft = calendar.TermsOf(year).Where(t => t.Ends >= from).Select(t => t.Starts >= from ? t : t with { Starts = from }).ToList();
        if (termsLeft.Count == 0)
        {
            return 0;
        }
        var dates = VisitPlanner.Spread(year, toPlan, new TermCalendar(termsLeft), existing.ToHashSet());
        db.CoachingVisits.AddRange(dates.Select(d => new CoachingVisit
        {
            CoachUserId = coachUserId,
            SchoolId = schoolId,
            Year = year,
            Date = d,
            Status = VisitStatus.Planned,
        }));
        return dates.Count;
    }
}
