using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>
/// A person's appraisal for a school year ("My appraisal" when it is the reader's own): the cycle, who appraises, the
/// objectives and whether they are agreed, the reviews so far, and what the reader may do next. The person agrees here.
/// </summary>
public class IndexModel(
    LynchpinDbContext db, IAuthorizationService authorization, AccessScope access, SchoolClock clock, AppraisalObjectives objectives)
    : PersonAppraisalPage(db, authorization, access, clock)
{
    /// <summary>The ModelState key of problems with the set of objectives; the objectives section has this id.</summary>
    public const string ObjectivesKey = "Objectives";

    public List<SelectListItem> YearOptions { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanSign { get; private set; }
    public bool CanReopen { get; private set; }

    /// <summary>May open the school's cycle: shown a link when the person has no appraisal.</summary>
    public bool CanOpenCycle { get; private set; }

    public bool CanEditObjectives => CanManage && Appraisal is { ObjectivesStatus: not ObjectivesStatus.Agreed };

    public AppraisalReview? MidYear => Appraisal?.CurrentReview(ReviewKind.MidYear);
    public AppraisalReview? Final => Appraisal?.CurrentReview(ReviewKind.Final);

    public AgreementChecklist Checklist => AgreementChecklist.For(Appraisal?.Objectives ?? []);

    public async Task<IActionResult> OnGetAsync(int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(id, year, Operations.ReadAppraisal, appraisalRequired: false, ct) is { } refused)
        {
            return refused;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The person agrees their objectives; refused, with the rules' reasons, until the set is ready.</summary>
    public async Task<IActionResult> OnPostAgreeAsync(int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(id, year, Operations.SignAsAppraisee, appraisalRequired: true, ct) is { } refused)
        {
            return refused;
        }
        var result = await objectives.AgreeAsync(Appraisal!.Id, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(ObjectivesKey, error.Message);
            }
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = "You have agreed your objectives.";
        return Redirect(AppraisalUrl);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        YearOptions = await YearOptionsAsync(ct);
        CanManage = Appraisal is not null && await MayAsync(Operations.ManageAppraisal);
        CanSign = Appraisal is not null && await MayAsync(Operations.SignAsAppraisee);
        CanReopen = Appraisal is not null && await MayAsync(Operations.Reopen);
        CanOpenCycle = Appraisal is null && await MayAsync(Member.School, Operations.ManageCycle);
    }
}
