using Lynchpin.Core.Cpd;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Tests.Cpd;

public class CpdRequestRulesTests
{
    private static readonly CpdActor Person = new(IsRequester: true, IsLineManager: false, IsBudgetHolder: false);
    private static readonly CpdActor LineManager = new(false, IsLineManager: true, IsBudgetHolder: false);
    private static readonly CpdActor BudgetHolder = new(false, false, IsBudgetHolder: true);
    private static readonly CpdActor ManagerHoldingBudget = new(false, IsLineManager: true, IsBudgetHolder: true);
    private static readonly CpdActor Colleague = new(false, false, false);

    [Fact]
    public void Apply_CostlyRequest_GoesFromLineManagerToBudgetHolderToApproved()
    {
        var afterManager = CpdRequestRules.Apply(CpdRequestStatus.WithLineManager, 250m, CpdDecision.LineManagerApproves, LineManager);
        var afterBudget = CpdRequestRules.Apply(afterManager.Next!.Value, 250m, CpdDecision.BudgetHolderApproves, BudgetHolder);
        var recorded = CpdRequestRules.Apply(afterBudget.Next!.Value, 250m, CpdDecision.Recorded, Colleague);

        Assert.Equal(CpdRequestStatus.WithBudgetHolder, afterManager.Next);
        Assert.Equal(CpdRequestStatus.Approved, afterBudget.Next);
        Assert.Equal(CpdRequestStatus.Recorded, recorded.Next);
    }

    [Fact]
    public void Apply_FreeRequest_IsApprovedByTheLineManagerAlone()
    {
        Assert.Equal(CpdRequestStatus.Approved, CpdRequestRules.Apply(CpdRequestStatus.WithLineManager, 0m, CpdDecision.LineManagerApproves, LineManager).Next);
    }

    [Fact]
    public void Apply_LineManagerWhoHoldsTheBudget_ApprovesBothInOneStep()
    {
        Assert.Equal(CpdRequestStatus.Approved, CpdRequestRules.Apply(CpdRequestStatus.WithLineManager, 400m, CpdDecision.LineManagerApproves, ManagerHoldingBudget).Next);
    }

    [Theory]
    [InlineData(CpdDecision.LineManagerDeclines, CpdRequestStatus.WithLineManager)]
    [InlineData(CpdDecision.BudgetHolderDeclines, CpdRequestStatus.WithBudgetHolder)]
    public void Apply_Decline_ClosesTheRequest(CpdDecision decision, CpdRequestStatus from)
    {
        var actor = decision == CpdDecision.LineManagerDeclines ? LineManager : BudgetHolder;

        var step = CpdRequestRules.Apply(from, 100m, decision, actor);

        Assert.Equal(CpdRequestStatus.Declined, step.Next);
        Assert.True(CpdRequestRules.IsClosed(step.Next!.Value));
    }

    [Fact]
    public void Apply_NobodyApprovesTheirOwnRequest_EvenAsBudgetHolder()
    {
        var self = new CpdActor(IsRequester: true, IsLineManager: true, IsBudgetHolder: true);

        var step = CpdRequestRules.Apply(CpdRequestStatus.WithLineManager, 100m, CpdDecision.LineManagerApproves, self);

        Assert.False(step.Allowed);
        Assert.Equal("You cannot approve or decline your own request", step.Refusal);
    }

    [Theory]
    [InlineData(CpdRequestStatus.WithLineManager, CpdDecision.BudgetHolderApproves)]
    [InlineData(CpdRequestStatus.WithBudgetHolder, CpdDecision.LineManagerApproves)]
    [InlineData(CpdRequestStatus.Approved, CpdDecision.LineManagerDeclines)]
    [InlineData(CpdRequestStatus.Declined, CpdDecision.Recorded)]
    [InlineData(CpdRequestStatus.WithBudgetHolder, CpdDecision.Recorded)]
    public void Apply_OutOfTurn_IsRefused(CpdRequestStatus status, CpdDecision decision)
    {
        var actor = new CpdActor(false, IsLineManager: true, IsBudgetHolder: true);

        Assert.False(CpdRequestRules.Apply(status, 100m, decision, actor).Allowed);
    }

    [Fact]
    public void Apply_SomeoneElse_CannotDecide()
    {
        Assert.False(CpdRequestRules.Apply(CpdRequestStatus.WithLineManager, 100m, CpdDecision.LineManagerApproves, Colleague).Allowed);
        Assert.False(CpdRequestRules.Apply(CpdRequestStatus.WithBudgetHolder, 100m, CpdDecision.BudgetHolderApproves, LineManager).Allowed);
    }

    [Theory]
    [InlineData(CpdRequestStatus.WithLineManager, true)]
    [InlineData(CpdRequestStatus.WithBudgetHolder, true)]
    [InlineData(CpdRequestStatus.Approved, true)]
    [InlineData(CpdRequestStatus.Recorded, false)]
    [InlineData(CpdRequestStatus.Declined, false)]
    public void Apply_PersonMayWithdrawUntilClosed(CpdRequestStatus status, bool allowed)
    {
        var step = CpdRequestRules.Apply(status, 100m, CpdDecision.PersonWithdraws, Person);

        Assert.Equal(allowed, step.Allowed);
        Assert.Equal(allowed ? CpdRequestStatus.Withdrawn : null, step.Next);
        Assert.False(CpdRequestRules.Apply(status, 100m, CpdDecision.PersonWithdraws, LineManager).Allowed);
    }
}
