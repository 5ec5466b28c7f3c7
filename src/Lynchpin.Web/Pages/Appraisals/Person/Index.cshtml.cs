using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Outcomes;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// A person's appraisal for a school year ("My appraisal" when it is the reader's own): the cycle, who appraises, the
/// objectives and whether they are agreed, the reviews so far, and what the reader may do next. The person agrees here.
/// </summary>
[Requires(nameof(Operations.ReadAppraisal))]
public class IndexModel(AppraisalObjectives objectives, ObjectiveOutcomes outcomes) : PersonAppraisalPage
{
    /// <summary>The ModelState key of problems with the set of objectives; the objectives section has this id.</summary>
    public const string ObjectivesKey = "Objectives";

    public List<SelectListItem> YearOptions { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanSign { get; private set; }
    public bool CanReopen { get; private set; }

    /// <summary>May open the school's cycle: shown a link when the person has no appraisal.</summary>
    public bool CanOpenCycle { get; private set; }

    public bool CanEditObjectives => CanManage && Appraisal is { ObjectivesStatus: not ObjectivesStatus.Agreed };

    public AppraisalReview? MidYear => Appraisal?.CurrentReview(ReviewKind.MidYear);
    public AppraisalReview? Final => Appraisal?.CurrentReview(ReviewKind.Final);

    /// <summary>The published figure beside each objective naming a published pupil group and measure (issue 16 item 4), by objective id.</summary>
    public IReadOnlyDictionary<int, ObjectiveOutcome> Outcomes { get; private set; } = new Dictionary<int, ObjectiveOutcome>();

    public AgreementChecklist Checklist => AgreementChecklist.For(Appraisal?.Objectives ?? []);

    /// <summary>Without an appraisal in the year the page says so, and offers to open the cycle.</summary>
    protected override bool AppraisalRequired => false;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadRightsAsync(ct);
        await AuditReadAsync("Appraisal page", ct);
    }

    /// <summary>The person agrees their objectives; refused, with the rules' reasons, until the set is ready.</summary>
    [Requires(nameof(Operations.SignAsAppraisee))]
    public async Task<IActionResult> OnPostAgreeAsync(CancellationToken ct)
    {
        if (Appraisal is null)
        {
            return NotFound();
        }
        var result = await objectives.AgreeAsync(Appraisal.Id, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(ObjectivesKey, error.Message);
            }
            await LoadRightsAsync(ct);
            return Invalid();
        }
        TempData["Success"] = "You have agreed your objectives.";
        return RedirectToAppraisal();
    }

    private async Task LoadRightsAsync(CancellationToken ct)
    {
        YearOptions = await YearOptionsAsync(ct);
        // A closed cycle offers nothing to change.
        var open = Appraisal is not null && !IsClosed;
        CanManage = open && await MayAsync(Operations.ManageAppraisal);
        CanSign = open && await MayAsync(Operations.SignAsAppraisee);
        CanReopen = open && await MayAsync(Operations.Reopen);
        CanOpenCycle = Appraisal is null && await MayAsync(Member.School, Operations.ManageCycle);
        if (Appraisal is not null)
        {
            Outcomes = await outcomes.ForAsync(Appraisal.Cycle.SchoolId, Year, Appraisal.Objectives, ct);
        }
    }
}
