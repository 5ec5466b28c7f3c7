using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Outcomes;

/// <summary>
/// What Lynchpin holds about a school's staff in one school year, set beside its published outcomes. Each share comes with
/// the number it is of; null where there is nothing to count.
/// </summary>
/// <param name="MeanStage">Mean stage of the Professional Progression Profile at checkpoint 4 (end of the summer term).</param>
/// <param name="ShareStage3To5">Percentage of those assessed at checkpoint 4 who are at stage 3, 4 or 5.</param>
/// <param name="Assessed">People assessed at checkpoint 4.</param>
/// <param name="ShareOnTrack">Percentage of people with a final review whose pupil-progress objective was on track or met.</param>
/// <param name="Reviewed">People with a final review.</param>
/// <param name="ShareSupportOnTrack">The same for support staff.</param>
/// <param name="SupportReviewed">Support staff with a final review.</param>
/// <param name="CpdHoursTeaching">CPD hours per head of the teaching staff in post in the year (null when the school recorded no CPD that year).</param>
/// <param name="CpdHoursSupport">CPD hours per head of the support staff in post.</param>
/// <param name="ObservationCoverage">Percentage of the staff in post who were observed (any kind of visit) at least once.</param>
/// <param name="StaffInPost">Staff in post at some time in the year.</param>
public sealed record LynchpinMeasures(
    decimal? MeanStage, decimal? ShareStage3To5, int Assessed,
    decimal? ShareOnTrack, int Reviewed, decimal? ShareSupportOnTrack, int SupportReviewed,
    decimal? CpdHoursTeaching, decimal? CpdHoursSupport, decimal? ObservationCoverage, int StaffInPost)
{
    public static LynchpinMeasures None { get; } = new(null, null, 0, null, 0, null, 0, null, null, null, 0);

    /// <summary>The measures the trust comparison can sort and plot, by code (the API's keys too).</summary>
    public IReadOnlyDictionary<string, decimal?> ByCode => new Dictionary<string, decimal?>
    {
        [MeanStageCode] = MeanStage,
        [ShareStage3To5Code] = ShareStage3To5,
        [ShareOnTrackCode] = ShareOnTrack,
        [ShareSupportOnTrackCode] = ShareSupportOnTrack,
        [CpdHoursTeachingCode] = CpdHoursTeaching,
        [CpdHoursSupportCode] = CpdHoursSupport,
        [ObservationCoverageCode] = ObservationCoverage,
    };

    public const string MeanStageCode = "meanStage", ShareStage3To5Code = "shareStage3To5", ShareOnTrackCode = "shareOnTrack";
    public const string ShareSupportOnTrackCode = "shareSupportOnTrack", CpdHoursTeachingCode = "cpdHoursTeaching";
    public const string CpdHoursSupportCode = "cpdHoursSupport", ObservationCoverageCode = "observationCoverage";

    public static IReadOnlyList<(string Code, string Label)> Labels { get; } =
    [
        (MeanStageCode, "Mean profile stage at checkpoint 4"),
        (ShareStage3To5Code, "Staff at stage 3-5 at checkpoint 4 (%)"),
        (ShareOnTrackCode, "Staff with a pupil-progress objective on track at the final review (%)"),
        (ShareSupportOnTrackCode, "Support staff with a pupil-progress objective on track at the final review (%)"),
        (CpdHoursTeachingCode, "CPD hours per teacher"),
        (CpdHoursSupportCode, "CPD hours per member of support staff"),
        (ObservationCoverageCode, "Staff observed at least once (%)"),
    ];

    /// <summary>
    /// The measures of each school and year asked for, in five queries whatever the number of schools and years.
    /// </summary>
    public static async Task<Dictionary<(int SchoolId, int Year), LynchpinMeasures>> ForAsync(LynchpinDbContext db,
        IReadOnlyCollection<int> schoolIds, IReadOnlyCollection<int> years, CancellationToken ct)
    {
        var result = new Dictionary<(int, int), LynchpinMeasures>();
        if (schoolIds.Count == 0 || years.Count == 0)
        {
            return result;
        }
        var (from, to) = (SchoolYear.Start(years.Min()), SchoolYear.End(years.Max()));
        var staff = await db.StaffMembers.AsNoTracking().Where(s => schoolIds.Contains(s.SchoolId))
            .Select(s => new { s.Id, s.SchoolId, s.RoleFamily, s.StartDate, s.LeavingDate }).ToListAsync(ct);
        var stages = await db.Assessments.AsNoTracking()
            .Where(a => a.IsCurrent && a.Checkpoint == SchoolYear.LastCheckpoint && years.Contains(a.Year) && schoolIds.Contains(a.StaffMember.SchoolId))
            .Select(a => new { a.StaffMember.SchoolId, a.Year, a.Stage }).ToListAsync(ct);
        var reviewed = await db.AppraisalReviews.AsNoTracking()
            .Where(r => r.IsCurrent && r.Kind == ReviewKind.Final && years.Contains(r.Appraisal.Cycle.Year) && schoolIds.Contains(r.Appraisal.Cycle.SchoolId))
            .Select(r => new
            {
                r.Appraisal.Cycle.SchoolId,
                r.Appraisal.Cycle.Year,
                r.Appraisal.StaffMember.RoleFamily,
                OnTrack = r.Ratings.Any(g => g.Objective.Type == ObjectiveType.PupilProgress && (g.Rating == Rating.OnTrack || g.Rating == Rating.Met)),
            }).ToListAsync(ct);
        var cpd = await db.CpdAttendances.AsNoTracking()
            .Where(a => schoolIds.Contains(a.Activity.SchoolId) && a.Activity.StartDate >= from && a.Activity.StartDate <= to)
            .Select(a => new { a.Activity.SchoolId, a.Activity.StartDate, a.StaffMember.RoleFamily, a.Hours }).ToListAsync(ct);
        var observed = await db.ObservationRecords.AsNoTracking()
            .Where(o => schoolIds.Contains(o.SchoolId) && o.Date >= from && o.Date <= to)
            .Select(o => new { o.SchoolId, o.Date, o.ObserveeId }).Distinct().ToListAsync(ct);

        foreach (var schoolId in schoolIds)
        {
            foreach (var year in years)
            {
                var (start, end) = (SchoolYear.Start(year), SchoolYear.End(year));
                var inPost = staff.Where(s => s.SchoolId == schoolId && (s.StartDate is null || s.StartDate <= end) && (s.LeavingDate is null || s.LeavingDate >= start)).ToList();
                var teachers = inPost.Count(s => s.RoleFamily.Category() == StaffCategory.Teaching);
                var support = inPost.Count - teachers;
                var stage = stages.Where(a => a.SchoolId == schoolId && a.Year == year).Select(a => a.Stage).ToList();
                var reviews = reviewed.Where(r => r.SchoolId == schoolId && r.Year == year).ToList();
                var supportReviews = reviews.Where(r => r.RoleFamily.Category() == StaffCategory.Support).ToList();
                var hours = cpd.Where(c => c.SchoolId == schoolId && c.StartDate >= start && c.StartDate <= end).ToList();
                var seen = observed.Where(o => o.SchoolId == schoolId && o.Date >= start && o.Date <= end).Select(o => o.ObserveeId).ToHashSet();
                result[(schoolId, year)] = new LynchpinMeasures(
                    stage.Count == 0 ? null : Round((decimal)stage.Average()),
                    Share(stage.Count(s => s is >= 3 and <= 5), stage.Count), stage.Count,
                    Share(reviews.Count(r => r.OnTrack), reviews.Count), reviews.Count,
                    Share(supportReviews.Count(r => r.OnTrack), supportReviews.Count), supportReviews.Count,
                    // No CPD recorded at all that year is "not held", not zero hours.
                    hours.Count == 0 ? null : PerHead(hours.Where(h => h.RoleFamily.Category() == StaffCategory.Teaching).Sum(h => h.Hours), teachers),
                    hours.Count == 0 ? null : PerHead(hours.Where(h => h.RoleFamily.Category() == StaffCategory.Support).Sum(h => h.Hours), support),
                    Share(inPost.Count(s => seen.Contains(s.Id)), inPost.Count), inPost.Count);
            }
        }
        return result;
    }

    private static decimal? Share(int count, int of) => of == 0 ? null : Round(100m * count / of);

    private static decimal? PerHead(decimal hours, int people) => people == 0 ? null : Round(hours / people);

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
