using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// The support plan of an objective rated at risk or off track at the mid-year review: actions, a coach and a date to look
/// again. Developmental help, never capability; the coach named gets no access to the appraisal for it.
/// </summary>
[Requires(nameof(Operations.ManageAppraisal))]
public class SupportPlanModel(AppraisalObjectives objectives) : PersonAppraisalPage
{
    [BindProperty]
    public SupportPlanForm Input { get; set; } = new();

    public List<SelectListItem> CoachOptions { get; private set; } = [];

    /// <summary>The objective's rating in the current mid-year review, which decides whether it may have a plan.</summary>
    public Rating? MidYearRating { get; private set; }

    public bool MayHavePlan => AppraisalRules.MayHaveSupportPlan(MidYearRating);

    public class SupportPlanForm
    {
        [Display(Name = "actions")] public string? Actions { get; set; }
        [Display(Name = "coach")] public int? CoachId { get; set; }
        [Display(Name = "date to look again")] public DateOnly? ReviewBy { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        await AuditReadAsync("Support plan", ct);
        if (Objective.SupportPlan is { } plan)
        {
            Input = new SupportPlanForm { Actions = plan.Actions, CoachId = plan.CoachId, ReviewBy = plan.ReviewBy };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var objectiveId = Objective.Id;
        var coachOffered = Offered(CoachOptions, Input.CoachId);
        if (!coachOffered)
        {
            ModelState.AddModelError("Input.CoachId", "Choose a coach from the list");
        }
        // A date that did not parse already has its error and reaches the service as none, which it refuses (saving
        // nothing), so the other fields' errors still show; the service's "enter a date" would only repeat it.
        var dateUnreadable = ModelState.TryGetValue("Input.ReviewBy", out var date) && date.Errors.Count > 0;
        if (coachOffered && (ModelState.IsValid || dateUnreadable))
        {
            var result = await objectives.SaveSupportPlanAsync(
                objectiveId, new SupportPlanInput(Input.Actions, Input.CoachId, dateUnreadable ? null : Input.ReviewBy), await RecorderAsync(ct), Today, ct);
            AddErrors(result.Errors.Where(e => !(dateUnreadable && e.Field == "ReviewBy")), Inputs("Actions", "CoachId", "ReviewBy"));
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        TempData["Success"] = $"The support plan for ‘{Objective.Title}’ is saved.";
        return RedirectToAppraisal($"objective-{objectiveId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var objectiveId = Objective.Id;
        await objectives.RemoveSupportPlanAsync(objectiveId, ct);
        TempData["Success"] = $"The support plan for ‘{Objective.Title}’ is removed.";
        return RedirectToAppraisal($"objective-{objectiveId}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        MidYearRating = Appraisal!.CurrentReview(ReviewKind.MidYear)?.Ratings.FirstOrDefault(r => r.ObjectiveId == Objective.Id)?.Rating;
        CoachOptions = await ColleagueOptionsAsync("No coach", [Objective.SupportPlan?.CoachId], ct);
    }
}
