using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>Changes one objective: the appraiser, the reviewer or a school leader, while the objectives are not agreed.</summary>
public class EditObjectiveModel(
    LynchpinDbContext db, IAuthorizationService authorization, AccessScope access, SchoolClock clock, AppraisalObjectives objectives)
    : ObjectivePage(db, authorization, access, clock)
{
    public async Task<IActionResult> OnGetAsync(int id, int objectiveId, CancellationToken ct)
    {
        if (await FindObjectiveAsync(id, objectiveId, Operations.ManageAppraisal, ct) is { } refused)
        {
            return refused;
        }
        Refusal = AppraisalRules.EditObjectivesError(Appraisal!);
        Input = ObjectiveForm.From(Objective);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int objectiveId, CancellationToken ct)
    {
        if (await FindObjectiveAsync(id, objectiveId, Operations.ManageAppraisal, ct) is { } refused)
        {
            return refused;
        }
        var result = await objectives.UpdateAsync(objectiveId, Input.ToInput(), ct);
        return await AfterSaveAsync(result, "The objective is changed.", ct);
    }
}
