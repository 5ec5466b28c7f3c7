using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>Adds an objective to a person's appraisal: the appraiser, the reviewer or a school leader, while the objectives are not agreed.</summary>
public class AddObjectiveModel(
    LynchpinDbContext db, IAuthorizationService authorization, AccessScope access, SchoolClock clock, AppraisalObjectives objectives)
    : ObjectivePage(db, authorization, access, clock)
{
    public async Task<IActionResult> OnGetAsync(int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(id, year, Operations.ManageAppraisal, appraisalRequired: true, ct) is { } refused)
        {
            return refused;
        }
        Refusal = AppraisalRules.AddObjectiveError(Appraisal!, Appraisal!.Objectives.Count);
        // A first objective is most often the pupil-progress one everyone needs.
        if (!Appraisal.Objectives.Any(o => o.Type == Lynchpin.Core.Data.Models.ObjectiveType.PupilProgress))
        {
            Input.Type = Lynchpin.Core.Data.Models.ObjectiveType.PupilProgress.Code();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(id, year, Operations.ManageAppraisal, appraisalRequired: true, ct) is { } refused)
        {
            return refused;
        }
        var result = await objectives.AddAsync(Appraisal!.Id, Input.ToInput(), ct);
        return await AfterSaveAsync(result, "The objective is added.", ct);
    }
}
