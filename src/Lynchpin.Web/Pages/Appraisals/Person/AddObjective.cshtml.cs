using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>Adds an objective to a person's appraisal: the appraiser, the reviewer or a school leader, while the objectives are not agreed.</summary>
[Requires(nameof(Operations.ManageAppraisal))]
public class AddObjectiveModel(AppraisalObjectives objectives) : ObjectivePage
{
    public void OnGet()
    {
        Refusal = AppraisalRules.AddObjectiveError(Appraisal!, Appraisal!.Objectives.Count);
        // A first objective is most often the pupil-progress one everyone needs.
        if (!Appraisal.Objectives.Any(o => o.Type == Lynchpin.Core.Data.Models.ObjectiveType.PupilProgress))
        {
            Input.Type = Lynchpin.Core.Data.Models.ObjectiveType.PupilProgress.Code();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = ModelState.IsValid ? await objectives.AddAsync(Appraisal!.Id, Input.ToInput(), ct) : null;
        return await AfterSaveAsync(result, "The objective is added.", ct);
    }
}
