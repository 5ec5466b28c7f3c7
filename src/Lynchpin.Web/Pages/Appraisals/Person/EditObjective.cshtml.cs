using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>Changes one objective: the appraiser, the reviewer or a school leader, while the objectives are not agreed.</summary>
[Requires(nameof(Operations.ManageAppraisal))]
public class EditObjectiveModel(AppraisalObjectives objectives) : ObjectivePage
{
    public void OnGet()
    {
        Refusal = AppraisalRules.EditObjectivesError(Appraisal!);
        Input = ObjectiveForm.From(Objective);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = ModelState.IsValid
            ? await objectives.UpdateAsync(Objective.Id, Input.ToInput(), Input.Revision, await RecorderAsync(ct), ct)
            : null;
        return await AfterSaveAsync(result, "The objective is changed.", ct);
    }
}
