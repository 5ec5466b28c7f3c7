namespace Lynchpin.Core.Appraisals;

/// <summary>Reads pages share, so an appraisal page loads what it shows in one call.</summary>
public static class AppraisalQueries
{
    /// <summary>
    /// An appraisal with its cycle and school, the person, appraiser and reviewer, objectives (with support plans and
    /// coaches) and every review version with ratings and evidence. Never the pay recommendation: see <see cref="PayRecommendations"/>.
    /// </summary>
    public static IQueryable<Appraisal> WithDetails(this IQueryable<Appraisal> appraisals) => appraisals
        .Include(a => a.Cycle).ThenInclude(c => c.School)
        .Include(a => a.StaffMember)
        .Include(a => a.Appraiser)
        .Include(a => a.Reviewer)
        .Include(a => a.Objectives.OrderBy(o => o.SortOrder)).ThenInclude(o => o.SupportPlan).ThenInclude(p => p!.Coach)
        .Include(a => a.Reviews.OrderBy(r => r.Kind).ThenBy(r => r.Version)).ThenInclude(r => r.Ratings)
        .Include(a => a.Reviews).ThenInclude(r => r.Evidence)
        .AsSplitQuery();

    /// <summary>The current version of a kind of review, from an appraisal loaded <see cref="WithDetails"/>.</summary>
    public static AppraisalReview? CurrentReview(this Appraisal appraisal, ReviewKind kind) =>
        appraisal.Reviews.SingleOrDefault(r => r.IsCurrent && r.Kind == kind);

    /// <summary>The person's on-track status from the current mid-year review (null before any rating).</summary>
    public static Rating? OnTrackStatus(this Appraisal appraisal) =>
        AppraisalRules.OnTrackStatus(appraisal.CurrentReview(ReviewKind.MidYear)?.Ratings.Select(r => r.Rating) ?? []);
}
