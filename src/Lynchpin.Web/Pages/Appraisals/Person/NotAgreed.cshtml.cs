using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>The person records why they do not agree their objectives; only the person, and not once they are agreed.</summary>
public class NotAgreedModel(
    LynchpinDbContext db, IAuthorizationService authorization, AccessScope access, SchoolClock clock, AppraisalObjectives objectives)
    : PersonAppraisalPage(db, authorization, access, clock)
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(id, year, Operations.SignAsAppraisee, appraisalRequired: true, ct) is { } refused)
        {
            return refused;
        }
        // Recording again starts from what was said before.
        Input.Reason = Appraisal!.NotAgreedReason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(id, year, Operations.SignAsAppraisee, appraisalRequired: true, ct) is { } refused)
        {
            return refused;
        }
        var result = await objectives.RecordNotAgreedAsync(Appraisal!.Id, Input.Reason, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(ReasonForm.Reason));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = "Your reasons for not agreeing are recorded with your objectives.";
        return Redirect(AppraisalUrl);
    }
}
