namespace Lynchpin.Core.Cpd;

/// <summary>
/// A school's CPD budget for a year: spend is the cost of activities starting in the year; commitments the cost of
/// approved requests not yet recorded; requests still waiting for a decision are shown apart (not yet committed).
/// </summary>
public sealed record CpdBudgetFigures(decimal Amount, decimal Spend, decimal Committed, decimal AwaitingApproval)
{
    public decimal Remaining => Amount - Spend - Committed;

    public bool Overspent => Remaining < 0;

    /// <summary>Whether approving a cost would take the budget below nothing (the budget holder is warned, not stopped).</summary>
    public bool WouldOverspend(decimal cost) => Remaining - cost < 0;

    public static CpdBudgetFigures From(decimal amount, IEnumerable<decimal> spend, IEnumerable<decimal> committed, IEnumerable<decimal> awaiting) =>
        new(amount, spend.Sum(), committed.Sum(), awaiting.Sum());
}
