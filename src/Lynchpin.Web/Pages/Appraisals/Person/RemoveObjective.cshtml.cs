using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>Removes an objective after asking: refused once the objectives are agreed, or when a review has rated it.</summary>
[Requires(nameof(Operations.ManageAppraisal))]
public class RemoveObjectiveModel(AppraisalObjectives objectives) : PersonAppraisalPage
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await objectives.RemoveAsync(Objective.Id, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, Inputs());
            return Invalid();
        }
        TempData["Success"] = $"‘{Objective.Title}’ is removed.";
        return RedirectToAppraisal();
    }
}
