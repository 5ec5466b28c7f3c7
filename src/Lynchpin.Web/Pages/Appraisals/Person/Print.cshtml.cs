namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// A person's appraisal record for a year, laid out to print or save as PDF: objectives, reviews with ratings, comments,
/// reflections and signatures. Whoever may read the appraisal may print it. It never holds the pay recommendation: this
/// page does not read it at all (it is only reachable through PayRecommendations, which audits every read).
/// </summary>
[Requires(nameof(Operations.ReadAppraisal))]
public class PrintModel : PersonAppraisalPage
{
    /// <summary>Every version of a kind of review, current last; earlier versions were locked before a reopen.</summary>
    public IReadOnlyList<AppraisalReview> Versions(ReviewKind kind) =>
        Appraisal!.Reviews.Where(r => r.Kind == kind).OrderBy(r => r.Version).ToList();

    public Task OnGetAsync(CancellationToken ct) => AuditReadAsync("Print view", ct);
}
