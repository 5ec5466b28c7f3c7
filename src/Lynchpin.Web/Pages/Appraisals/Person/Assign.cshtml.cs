using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// Names a person's appraiser and reviewer, from the staff of their school and its trust. The rules (no self-appraisal,
/// a reviewer above the appraiser in line management) are the cycle service's.
/// </summary>
[Requires(nameof(Operations.ManageAppraisal))]
public class AssignModel(AppraisalCycles cycles) : PersonAppraisalPage
{
    [BindProperty]
    public AssignForm Input { get; set; } = new();

    public List<SelectListItem> AppraiserOptions { get; private set; } = [];
    public List<SelectListItem> ReviewerOptions { get; private set; } = [];

    public class AssignForm
    {
        [Display(Name = "appraiser")] public int? AppraiserId { get; set; }
        [Display(Name = "reviewer")] public int? ReviewerId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new AssignForm { AppraiserId = Appraisal!.AppraiserId, ReviewerId = Appraisal.ReviewerId };
        await LoadOptionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        if (!Offered(AppraiserOptions, Input.AppraiserId))
        {
            ModelState.AddModelError("Input.AppraiserId", "Choose an appraiser from the list");
        }
        if (!Offered(ReviewerOptions, Input.ReviewerId))
        {
            ModelState.AddModelError("Input.ReviewerId", "Choose a reviewer from the list");
        }
        if (ModelState.IsValid)
        {
            var result = await cycles.AssignAsync(Appraisal!.Id, Input.AppraiserId, Input.ReviewerId, ct);
            AddErrors(result.Errors, Inputs(nameof(AssignForm.AppraiserId), nameof(AssignForm.ReviewerId)));
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        TempData["Success"] = "The appraiser and reviewer are saved.";
        return RedirectToAppraisal();
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        // Whoever is named now stays a choice even after leaving, so saving the other field does not fail on them.
        AppraiserOptions = await ColleagueOptionsAsync("Nobody yet", [Appraisal!.AppraiserId], ct);
        ReviewerOptions = await ColleagueOptionsAsync("No reviewer", [Appraisal.ReviewerId], ct);
    }
}
