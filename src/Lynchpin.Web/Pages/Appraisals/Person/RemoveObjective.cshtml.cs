using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>Removes an objective after asking: refused once the objectives are agreed, or when a review has rated it.</summary>
public class RemoveObjectiveModel(
    LynchpinDbContext db, IAuthorizationService authorization, AccessScope access, SchoolClock clock, AppraisalObjectives objectives)
    : PersonAppraisalPage(db, authorization, access, clock)
{
    public async Task<IActionResult> OnGetAsync(int id, int objectiveId, CancellationToken ct) =>
        await FindObjectiveAsync(id, objectiveId, Operations.ManageAppraisal, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int objectiveId, CancellationToken ct)
    {
        if (await FindObjectiveAsync(id, objectiveId, Operations.ManageAppraisal, ct) is { } refused)
        {
            return refused;
        }
        var result = await objectives.RemoveAsync(objectiveId, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"‘{Objective.Title}’ is removed.";
        return Redirect(AppraisalUrl);
    }
}
