using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// Reopens agreed objectives for change: the appraiser or a school leader, with a reason the person sees. Who, when and
/// why stay on the appraisal after the objectives are agreed again.
/// </summary>
[Requires(nameof(Operations.Reopen))]
public class ReopenModel(AppraisalObjectives objectives) : PersonAppraisalPage
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await objectives.ReopenAsync(Appraisal!.Id, Input.Reason, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, Inputs(nameof(ReasonForm.Reason)));
            return Invalid();
        }
        TempData["Success"] = $"The objectives are reopened. {Member.FullName} is asked to agree them again once they are changed.";
        return RedirectToAppraisal();
    }
}
