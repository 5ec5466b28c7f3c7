using System.ComponentModel.DataAnnotations;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Cpd.Schools;

/// <summary>
/// One CPD request: the person who asked, their line managers, the school's leaders and its budget holder read it; each
/// acts as the approval rules allow (decide, approve the cost, withdraw, record it as done).
/// </summary>
public class RequestModel(CpdRequests requests, CpdBudgets budgets) : SchoolPageModel
{
    public CpdRequest Asked { get; private set; } = null!;
    public CpdActor Actor { get; private set; } = null!;
    public CpdBudgetFigures Figures { get; private set; } = null!;

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Display(Name = "reason")] public string? Reason { get; set; }
    }

    public bool May(CpdDecision decision) => CpdRequestRules.Apply(Asked.Status, Asked.Cost, decision, Actor).Allowed;

    /// <summary>Approving as line manager when the viewer also holds the budget settles the cost too.</summary>
    public bool ApprovesBoth => Actor.IsLineManager && Actor.IsBudgetHolder && Asked.Cost > 0;

    public async Task<IActionResult> OnGetAsync(int requestId, CancellationToken ct) => await FindAsync(requestId, ct) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(int requestId, CancellationToken ct) =>
        DecideAsync(requestId, asked => asked.Status == CpdRequestStatus.WithBudgetHolder ? CpdDecision.BudgetHolderApproves : CpdDecision.LineManagerApproves, ct);

    public Task<IActionResult> OnPostDeclineAsync(int requestId, CancellationToken ct) =>
        DecideAsync(requestId, asked => asked.Status == CpdRequestStatus.WithBudgetHolder ? CpdDecision.BudgetHolderDeclines : CpdDecision.LineManagerDeclines, ct);

    public Task<IActionResult> OnPostWithdrawAsync(int requestId, CancellationToken ct) => DecideAsync(requestId, _ => CpdDecision.PersonWithdraws, ct);

    public async Task<IActionResult> OnPostDoneAsync(int requestId, CancellationToken ct)
    {
        if (await FindAsync(requestId, ct) is { } refused)
        {
            return refused;
        }
        if (!(Actor.IsRequester || Actor.IsLineManager))
        {
            return Forbid();
        }
        var result = await requests.RecordDoneAsync(Asked.Id, null, null, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, _ => "");
            return Invalid();
        }
        TempData["Success"] = "Recorded as done: it is in the CPD record and the budget's spend.";
        return RedirectTo<RequestModel>(new { urn = School.Urn, requestId });
    }

    private async Task<IActionResult> DecideAsync(int requestId, Func<CpdRequest, CpdDecision> decision, CancellationToken ct)
    {
        if (await FindAsync(requestId, ct) is { } refused)
        {
            return refused;
        }
        var chosen = decision(Asked);
        var result = await requests.DecideAsync(Asked.Id, chosen, Actor, Input.Reason, await RecorderAsync(ct), ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, field => field == "Reason" ? "Input.Reason" : "");
            return Invalid();
        }
        TempData["Success"] = chosen switch
        {
            CpdDecision.PersonWithdraws => "The request is withdrawn.",
            CpdDecision.LineManagerDeclines or CpdDecision.BudgetHolderDeclines => "The request is declined. The person sees your reason.",
            _ => result.Value!.Status == CpdRequestStatus.WithBudgetHolder ? "Approved. The budget holder is asked to approve the cost." : "The request is approved.",
        };
        return RedirectTo<RequestModel>(new { urn = School.Urn, requestId });
    }

    private async Task<IActionResult?> FindAsync(int requestId, CancellationToken ct)
    {
        var request = await Db.CpdRequests.AsNoTracking().Include(r => r.StaffMember).ThenInclude(s => s.School).Include(r => r.Objective)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.SchoolId == School.Id, ct);
        if (request is null)
        {
            return NotFound();
        }
        Asked = request;
        var scope = await Access.GetAsync(ct);
        var isRequester = scope.OwnStaffId == request.StaffMemberId;
        var isLineManager = !isRequester && await MayAsync(request.StaffMember, Operations.Assess);
        var isBudgetHolder = !isRequester && await budgets.IsBudgetHolderAsync(School.Id, SchoolYear.Of(request.StartDate), scope.OwnStaffId, scope.LeadsSchool(School.Id), ct);
        Actor = new CpdActor(isRequester, isLineManager, isBudgetHolder);
        Figures = await budgets.FiguresAsync(School.Id, SchoolYear.Of(request.StartDate), ct);
        return isRequester || isLineManager || isBudgetHolder || scope.LeadsSchool(School.Id) ? null : Forbid();
    }
}
