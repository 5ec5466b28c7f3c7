using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Appraisals;

/// <summary>People by their on-track status at the mid-year review (the worst rating of their objectives).</summary>
public record OnTrackCounts(int OnTrack, int AtRisk, int OffTrack, int NotReviewed)
{
    public static readonly OnTrackCounts Zero = new(0, 0, 0, 0);

    public int Reviewed => OnTrack + AtRisk + OffTrack;

    public int People => Reviewed + NotReviewed;

    public OnTrackCounts Add(OnTrackCounts other) =>
        new(OnTrack + other.OnTrack, AtRisk + other.AtRisk, OffTrack + other.OffTrack, NotReviewed + other.NotReviewed);

    internal OnTrackCounts Add(Rating? status, int count) => status switch
    {
        Rating.OnTrack => this with { OnTrack = OnTrack + count },
        Rating.AtRisk => this with { AtRisk = AtRisk + count },
        Rating.OffTrack => this with { OffTrack = OffTrack + count },
        _ => this with { NotReviewed = NotReviewed + count },
    };
}

/// <summary>Reviews of one kind: signed by both, still to do before their due date, and past it.</summary>
public record ReviewCounts(int Done, int Due, int Overdue)
{
    public static readonly ReviewCounts Zero = new(0, 0, 0);

    public ReviewCounts Add(ReviewCounts other) => new(Done + other.Done, Due + other.Due, Overdue + other.Overdue);
}

/// <summary>
/// A school's (or a team's, or a trust's) appraisal year in numbers. <see cref="Staff"/> counts the appraisals of
/// people still in post; objectives and reviews are counted per person.
/// </summary>
public record AppraisalSummary(
    int Staff,
    int ObjectivesAgreed,
    int ObjectivesNotAgreed,
    int ObjectivesOverdue,
    int WithPupilProgressObjective,
    int SupportStaff,
    int SupportWithPupilProgressObjective,
    ReviewCounts MidYear,
    ReviewCounts Final,
    IReadOnlyDictionary<StaffCategory, OnTrackCounts> MidYearByCategory,
    IReadOnlyDictionary<RoleFamily, OnTrackCounts> MidYearByRoleFamily)
{
    public static readonly AppraisalSummary Empty = new(0, 0, 0, 0, 0, 0, 0, ReviewCounts.Zero, ReviewCounts.Zero,
        Enum.GetValues<StaffCategory>().ToDictionary(c => c, _ => OnTrackCounts.Zero),
        RoleFamilies.All.ToDictionary(f => f, _ => OnTrackCounts.Zero));

    /// <summary>Share of people with agreed objectives, 0 to 1, or null when there is nobody.</summary>
    public double? ObjectivesAgreedShare => Staff == 0 ? null : (double)ObjectivesAgreed / Staff;

    public double? PupilProgressShare => Staff == 0 ? null : (double)WithPupilProgressObjective / Staff;

    /// <summary>Share of support staff with a pupil-progress objective, or null when there are no support staff.</summary>
    public double? SupportPupilProgressShare => SupportStaff == 0 ? null : (double)SupportWithPupilProgressObjective / SupportStaff;

    public int ReviewsDone => MidYear.Done + Final.Done;

    public int ReviewsDue => MidYear.Due + Final.Due;

    public int ReviewsOverdue => MidYear.Overdue + Final.Overdue;

    public OnTrackCounts MidYearAll => MidYearByCategory.Values.Aggregate(OnTrackCounts.Zero, (a, b) => a.Add(b));

    public AppraisalSummary Add(AppraisalSummary other) => new(
        Staff + other.Staff, ObjectivesAgreed + other.ObjectivesAgreed, ObjectivesNotAgreed + other.ObjectivesNotAgreed,
        ObjectivesOverdue + other.ObjectivesOverdue, WithPupilProgressObjective + other.WithPupilProgressObjective,
        SupportStaff + other.SupportStaff, SupportWithPupilProgressObjective + other.SupportWithPupilProgressObjective,
        MidYear.Add(other.MidYear), Final.Add(other.Final),
        MidYearByCategory.Keys.ToDictionary(k => k, k => MidYearByCategory[k].Add(other.MidYearByCategory[k])),
        MidYearByRoleFamily.Keys.ToDictionary(k => k, k => MidYearByRoleFamily[k].Add(other.MidYearByRoleFamily[k])));
}

/// <param name="Cycle">The school's cycle for the year, or null if it has not been opened.</param>
public record SchoolAppraisalDashboard(int SchoolId, int Year, AppraisalCycle? Cycle, AppraisalSummary Summary);

public record SchoolAppraisalRow(int SchoolId, int Urn, string SchoolName, bool HasCycle, AppraisalSummary Summary);

public record TrustAppraisalDashboard(int TrustId, int Year, IReadOnlyList<SchoolAppraisalRow> Schools)
{
    public AppraisalSummary Total => Schools.Aggregate(AppraisalSummary.Empty, (total, row) => total.Add(row.Summary));
}

/// <summary>
/// Counts for the appraisal dashboards, grouped in the database: one row per combination of school, role family and
/// state, so the work stays in the database however many staff there are. Each school's numbers are cached at its data
/// version for the day (<see cref="AggregateCache"/>): computed once per change to its appraisals or staff, never stale.
/// </summary>
public class AppraisalDashboard(LynchpinDbContext db, AggregateCache cache)
{
    /// <summary>A school's numbers for a year, and whether its cycle is open.</summary>
    private sealed record SchoolYearNumbers(AppraisalCycle? Cycle, AppraisalSummary Summary);

    /// <summary>A school's year; with <paramref name="team"/> (a line manager's people), only theirs.</summary>
    public async Task<SchoolAppraisalDashboard> SchoolAsync(
        int schoolId, int year, DateOnly today, IReadOnlyCollection<int>? team = null, CancellationToken cancellationToken = default)
    {
        var teamKey = team is null ? "everyone" : string.Join(',', team.Order());
        var numbers = await cache.SchoolAsync(schoolId, ("appraisal-dashboard", year, today, teamKey), async () =>
        {
            var cycle = await db.AppraisalCycles.AsNoTracking().SingleOrDefaultAsync(c => c.SchoolId == schoolId && c.Year == year, cancellationToken);
            var summaries = await SummariesAsync([schoolId], year, today, team, cancellationToken);
            return new SchoolYearNumbers(cycle, summaries.GetValueOrDefault(schoolId, AppraisalSummary.Empty));
        }, cancellationToken);
        return new SchoolAppraisalDashboard(schoolId, year, numbers.Cycle, numbers.Summary);
    }

    /// <summary>Every school of a trust, one row each (with or without a cycle), for the trust roll-up.</summary>
    public async Task<TrustAppraisalDashboard> TrustAsync(int trustId, int year, DateOnly today, CancellationToken cancellationToken = default)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => s.TrustId == trustId).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        cache.Versions.Know(schools);
        // School by school from the cache; those not cached (or changed) are counted together.
        var numbers = await cache.SchoolsAsync<(bool HasCycle, AppraisalSummary Summary)>(schools.Select(s => s.Id).ToList(), ("appraisal-trust-row", year, today), async ids =>
        {
            var withCycle = await db.AppraisalCycles.Where(c => ids.Contains(c.SchoolId) && c.Year == year).Select(c => c.SchoolId).ToListAsync(cancellationToken);
            var summaries = await SummariesAsync(ids, year, today, null, cancellationToken);
            return ids.ToDictionary(id => id, id => (withCycle.Contains(id), summaries.GetValueOrDefault(id, AppraisalSummary.Empty)));
        }, cancellationToken);
        return new TrustAppraisalDashboard(trustId, year, schools
            .Select(s => new SchoolAppraisalRow(s.Id, s.Urn, s.Name, numbers[s.Id].HasCycle, numbers[s.Id].Summary))
            .ToList());
    }

    private async Task<Dictionary<int, AppraisalSummary>> SummariesAsync(
        IReadOnlyCollection<int> schoolIds, int year, DateOnly today, IReadOnlyCollection<int>? team, CancellationToken cancellationToken)
    {
        var ids = schoolIds.ToList();
        // People who left before today (or before the year's end, for a past year) drop out of the counts.
        var asOf = today < SchoolYear.End(year) ? today : SchoolYear.End(year);
        var appraisals = db.Appraisals.Where(a => ids.Contains(a.Cycle.SchoolId) && a.Cycle.Year == year
            && (a.StaffMember.LeavingDate == null || a.StaffMember.LeavingDate >= asOf));
        if (team is not null)
        {
            var people = team.ToList();
            appraisals = appraisals.Where(a => people.Contains(a.StaffMemberId));
        }

        var perPerson = appraisals.Select(a => new
        {
            a.Cycle.SchoolId,
            a.StaffMember.RoleFamily,
            a.ObjectivesStatus,
            ObjectivesLate = a.ObjectivesStatus == ObjectivesStatus.Draft && a.Cycle.ObjectivesDue < today,
            PupilProgress = a.Objectives.Any(o => o.Type == ObjectiveType.PupilProgress),
            MidYearDone = a.Reviews.Any(r => r.IsCurrent && r.Kind == ReviewKind.MidYear && r.AppraiserSignedAt != null && r.AppraiseeSignedAt != null),
            MidYearLate = a.Cycle.MidYearDue < today,
            FinalDone = a.Reviews.Any(r => r.IsCurrent && r.Kind == ReviewKind.Final && r.AppraiserSignedAt != null && r.AppraiseeSignedAt != null),
            FinalLate = a.Cycle.FinalDue < today,
            // The worst rating of the current mid-year review once the appraiser has signed it: 3 off track, 2 at risk, 1 on track.
            Worst = a.Reviews.Where(r => r.IsCurrent && r.Kind == ReviewKind.MidYear && r.AppraiserSignedAt != null)
                .SelectMany(r => r.Ratings)
                .Max(r => (int?)(r.Rating == Rating.OffTrack ? 3 : r.Rating == Rating.AtRisk ? 2 : r.Rating == Rating.OnTrack ? 1 : 0)),
        });
        var groups = await perPerson
            .GroupBy(p => new
            {
                p.SchoolId,
                p.RoleFamily,
                p.ObjectivesStatus,
                p.ObjectivesLate,
                p.PupilProgress,
                p.MidYearDone,
                p.MidYearLate,
                p.FinalDone,
                p.FinalLate,
                p.Worst,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var result = new Dictionary<int, AppraisalSummary>();
        foreach (var group in groups)
        {
            var k = group.Key;
            var n = group.Count;
            var support = k.RoleFamily.Category() == StaffCategory.Support;
            Rating? status = k.Worst switch { 3 => Rating.OffTrack, 2 => Rating.AtRisk, 1 => Rating.OnTrack, _ => null };
            var summary = result.GetValueOrDefault(k.SchoolId, AppraisalSummary.Empty);
            var byCategory = new Dictionary<StaffCategory, OnTrackCounts>(summary.MidYearByCategory);
            byCategory[k.RoleFamily.Category()] = byCategory[k.RoleFamily.Category()].Add(status, n);
            var byFamily = new Dictionary<RoleFamily, OnTrackCounts>(summary.MidYearByRoleFamily);
            byFamily[k.RoleFamily] = byFamily[k.RoleFamily].Add(status, n);
            result[k.SchoolId] = summary with
            {
                Staff = summary.Staff + n,
                ObjectivesAgreed = summary.ObjectivesAgreed + (k.ObjectivesStatus == ObjectivesStatus.Agreed ? n : 0),
                ObjectivesNotAgreed = summary.ObjectivesNotAgreed + (k.ObjectivesStatus == ObjectivesStatus.NotAgreed ? n : 0),
                ObjectivesOverdue = summary.ObjectivesOverdue + (k.ObjectivesLate ? n : 0),
                WithPupilProgressObjective = summary.WithPupilProgressObjective + (k.PupilProgress ? n : 0),
                SupportStaff = summary.SupportStaff + (support ? n : 0),
                SupportWithPupilProgressObjective = summary.SupportWithPupilProgressObjective + (support && k.PupilProgress ? n : 0),
                MidYear = summary.MidYear.Add(Review(k.MidYearDone, k.MidYearLate, n)),
                Final = summary.Final.Add(Review(k.FinalDone, k.FinalLate, n)),
                MidYearByCategory = byCategory,
                MidYearByRoleFamily = byFamily,
            };
        }
        return result;
    }

    private static ReviewCounts Review(bool done, bool late, int n) =>
        done ? new(n, 0, 0) : late ? new(0, 0, n) : new(0, n, 0);
}
