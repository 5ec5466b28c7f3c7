using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Cpd;

/// <summary>What someone does to a request.</summary>
public enum CpdDecision
{
    LineManagerApproves,
    LineManagerDeclines,
    BudgetHolderApproves,
    BudgetHolderDeclines,
    PersonWithdraws,
    Recorded,
}

/// <summary>Who is acting on a request, as the rules need to know it.</summary>
public sealed record CpdActor(bool IsRequester, bool IsLineManager, bool IsBudgetHolder);

/// <summary>The next state of a request, or why the step is refused (nothing changes).</summary>
public sealed record CpdStep(CpdRequestStatus? Next, string? Refusal)
{
    public bool Allowed => Next is not null;

    public static CpdStep To(CpdRequestStatus next) => new(next, null);

    public static CpdStep Refuse(string why) => new(null, why);
}

/// <summary>
/// The approval states of a CPD request. The person asks; their line manager approves or declines; a request that costs
/// anything then goes to the school's CPD budget holder, who approves or declines the cost. A line manager who also holds
/// the budget approves both in one step. Nobody approves their own request. The person may withdraw until it is
/// recorded; an approved request is a commitment on the budget until it is recorded as an activity.
/// </summary>
public static class CpdRequestRules
{
    public static CpdStep Apply(CpdRequestStatus status, decimal cost, CpdDecision decision, CpdActor actor)
    {
        var deciding = decision is CpdDecision.LineManagerApproves or CpdDecision.LineManagerDeclines
            or CpdDecision.BudgetHolderApproves or CpdDecision.BudgetHolderDeclines;
        if (deciding && actor.IsRequester)
        {
            return CpdStep.Refuse("You cannot approve or decline your own request");
        }
        return decision switch
        {
            CpdDecision.LineManagerApproves or CpdDecision.LineManagerDeclines when !actor.IsLineManager =>
                CpdStep.Refuse("Only the person's line manager can decide at this stage"),
            CpdDecision.LineManagerApproves or CpdDecision.LineManagerDeclines when status != CpdRequestStatus.WithLineManager =>
                CpdStep.Refuse($"The request is no longer waiting for the line manager: it is {CpdCodes.RequestStatuses.Name(status).ToLowerInvariant()}"),
            CpdDecision.LineManagerApproves =>
                CpdStep.To(cost <= 0 || actor.IsBudgetHolder ? CpdRequestStatus.Approved : CpdRequestStatus.WithBudgetHolder),
            CpdDecision.LineManagerDeclines => CpdStep.To(CpdRequestStatus.Declined),

            CpdDecision.BudgetHolderApproves or CpdDecision.BudgetHolderDeclines when !actor.IsBudgetHolder =>
                CpdStep.Refuse("Only the school's CPD budget holder can approve the cost"),
            CpdDecision.BudgetHolderApproves or CpdDecision.BudgetHolderDeclines when status != CpdRequestStatus.WithBudgetHolder =>
                CpdStep.Refuse("The request is not waiting for the budget holder"),
            CpdDecision.BudgetHolderApproves => CpdStep.To(CpdRequestStatus.Approved),
            CpdDecision.BudgetHolderDeclines => CpdStep.To(CpdRequestStatus.Declined),

            CpdDecision.PersonWithdraws when !actor.IsRequester => CpdStep.Refuse("Only the person who asked can withdraw a request"),
            CpdDecision.PersonWithdraws when IsClosed(status) => CpdStep.Refuse("The request is already closed"),
            CpdDecision.PersonWithdraws => CpdStep.To(CpdRequestStatus.Withdrawn),

            CpdDecision.Recorded when status != CpdRequestStatus.Approved => CpdStep.Refuse("Only an approved request can be recorded as done"),
            CpdDecision.Recorded => CpdStep.To(CpdRequestStatus.Recorded),
            _ => CpdStep.Refuse("Unknown decision"),
        };
    }

    public static bool IsClosed(CpdRequestStatus status) =>
        status is CpdRequestStatus.Declined or CpdRequestStatus.Withdrawn or CpdRequestStatus.Recorded;

    /// <summary>Waiting for someone's decision: counted as "awaiting approval" on the budget, not yet committed.</summary>
    public static bool IsPending(CpdRequestStatus status) =>
        status is CpdRequestStatus.WithLineManager or CpdRequestStatus.WithBudgetHolder;
}
