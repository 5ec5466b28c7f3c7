using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// Reopens agreed objectives for change: the appraiser or a school leader, with a reason the person sees. Who, when and
/// why stay on the appraisal after the objectives are agreed again.
/// </summary>
public class ReopenModel(
    LynchpinDbContext db, IAuthorizationService authorization, AccessScope access, SchoolClock clock, AppraisalObjectives objectives)
    : PersonAppraisalPage(db, authorization, access, clock)
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? year, CancellationToken ct) =>
        await FindAsync(id, year, Operations.Reopen, appraisalRequired: true, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(id, year, Operations.Reopen, appraisalRequired: true, ct) is { } refused)
        {
            return refused;
        }
        var result = await objectives.ReopenAsync(Appraisal!.Id, Input.Reason, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(ReasonForm.Reason));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"The objectives are reopened. {Member.FullName} is asked to agree them again once they are changed.";
        return Redirect(AppraisalUrl);
    }
}
