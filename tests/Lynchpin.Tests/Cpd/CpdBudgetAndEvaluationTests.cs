using Lynchpin.Core.Cpd;

namespace Lynchpin.Tests.Cpd;

public class CpdBudgetAndEvaluationTests
{
    [Fact]
    public void BudgetFigures_SpendAndCommitmentsComeOffTheAmount_PendingShownApart()
    {
        // £5,000; two courses done (£450 + £1,200), one approved and not yet done (£300), one waiting (£800).
        var figures = CpdBudgetFigures.From(5000m, [450m, 1200m], [300m], [800m]);

        Assert.Equal(1650m, figures.Spend);
        Assert.Equal(300m, figures.Committed);
        Assert.Equal(800m, figures.AwaitingApproval);
        Assert.Equal(3050m, figures.Remaining);
        Assert.False(figures.Overspent);
        Assert.False(figures.WouldOverspend(3050m));
        Assert.True(figures.WouldOverspend(3050.01m));
    }

    [Fact]
    public void BudgetFigures_MoreSpentThanTheAmount_IsOverspent()
    {
        var figures = CpdBudgetFigures.From(1000m, [900m], [200m], []);

        Assert.Equal(-100m, figures.Remaining);
        Assert.True(figures.Overspent);
    }

    [Fact]
    public void DueOn_SixWeeksAfterTheActivityEnds()
    {
        Assert.Equal(new DateOnly(2025, 11, 17), EvaluationReminders.DueOn(new DateOnly(2025, 10, 6)));
        Assert.Equal(new DateOnly(2025, 10, 27), EvaluationReminders.DueOn(new DateOnly(2025, 10, 6), delayWeeks: 3));
    }

    [Theory]
    [InlineData("2025-11-16", false, false, EvaluationState.NotYetDue)]
    [InlineData("2025-11-17", false, false, EvaluationState.Due)]
    [InlineData("2025-12-15", false, false, EvaluationState.Due)]
    [InlineData("2025-12-16", false, false, EvaluationState.Overdue)]
    [InlineData("2025-11-01", true, false, EvaluationState.WithLineManager)]
    [InlineData("2026-03-01", true, true, EvaluationState.Done)]
    public void State_ByTodayAndWhatIsDone(string today, bool evaluated, bool managerViewed, EvaluationState expected)
    {
        Assert.Equal(expected, EvaluationReminders.State(new DateOnly(2025, 10, 6), evaluated, managerViewed, DateOnly.Parse(today)));
    }
}
