using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>The person records why they do not agree their objectives; only the person, and not once they are agreed.</summary>
[Requires(nameof(Operations.SignAsAppraisee))]
public class NotAgreedModel(AppraisalObjectives objectives) : PersonAppraisalPage
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    // Recording again starts from what was said before.
    public void OnGet() => Input.Reason = Appraisal!.NotAgreedReason;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await objectives.RecordNotAgreedAsync(Appraisal!.Id, Input.Reason, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, Inputs(nameof(ReasonForm.Reason)));
            return Invalid();
        }
        TempData["Success"] = "Your reasons for not agreeing are recorded with your objectives.";
        return RedirectToAppraisal();
    }
}
