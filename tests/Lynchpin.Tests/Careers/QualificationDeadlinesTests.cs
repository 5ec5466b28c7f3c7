using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Tests.Careers;

public class QualificationDeadlinesTests
{
    private static PersonQualification Row(string code, bool held = false, bool inProgress = false, DateOnly? requiredBy = null, DateOnly? gainedOn = null) =>
        new() { QualificationCode = code, Held = held, InProgress = inProgress, RequiredBy = requiredBy, GainedOn = gainedOn, UpdatedByName = "test" };

    [Fact]
    public void FromRole_SencoAppointedInSeptember2024_NeedsNpqsencoWithinThreeYears()
    {
        var deadlines = QualificationDeadlines.FromRole("SENCo", new DateOnly(2024, 9, 1), BuiltInCareers.Requirements);

        Assert.Equal(("NPQSENCO", new DateOnly(2027, 9, 1)), Assert.Single(deadlines));
    }

    [Fact]
    public void FromRole_MatchesWholeWordsOnly_AndNeedsAStartDate()
    {
        Assert.Empty(QualificationDeadlines.FromRole("Cookery teacher", new DateOnly(2024, 9, 1), BuiltInCareers.Requirements));
        Assert.Single(QualificationDeadlines.FromRole("Cook", new DateOnly(2024, 9, 1), BuiltInCareers.Requirements));
        Assert.Empty(QualificationDeadlines.FromRole("SENCo", null, BuiltInCareers.Requirements));
    }

    [Theory]
    [InlineData(false, "2027-09-01", "2027-09-02", DeadlineState.Overdue)]
    [InlineData(false, "2027-09-01", "2027-09-01", DeadlineState.DueSoon)]
    [InlineData(false, "2027-09-01", "2027-06-03", DeadlineState.DueSoon)]
    [InlineData(false, "2027-09-01", "2027-06-02", DeadlineState.Due)]
    [InlineData(true, "2027-09-01", "2028-01-01", DeadlineState.Met)]
    public void State_ByDeadlineAndToday(bool held, string dueBy, string today, DeadlineState expected)
    {
        Assert.Equal(expected, QualificationDeadlines.State(held, DateOnly.Parse(dueBy), DateOnly.Parse(today)));
    }

    [Fact]
    public void For_RecordedDeadlineReplacesTheRolesAndInProgressIsShown()
    {
        var recorded = new[] { Row("NPQSENCO", inProgress: true, requiredBy: new DateOnly(2027, 7, 31)) };
        var fromRole = QualificationDeadlines.FromRole("SENCo", new DateOnly(2024, 9, 1), BuiltInCareers.Requirements);

        var deadline = Assert.Single(QualificationDeadlines.For(recorded, fromRole, new DateOnly(2027, 8, 1)));

        Assert.Equal(new DateOnly(2027, 7, 31), deadline.DueBy);
        Assert.False(deadline.FromRole);
        Assert.Equal(DeadlineState.Overdue, deadline.State);
        Assert.True(deadline.InProgress);
    }

    [Fact]
    public void For_RoleDeadlineMetWhenHeld()
    {
        var recorded = new[] { Row("NPQSENCO", held: true, gainedOn: new DateOnly(2026, 7, 1)) };
        var fromRole = QualificationDeadlines.FromRole("SENCo", new DateOnly(2024, 9, 1), BuiltInCareers.Requirements);

        var deadline = Assert.Single(QualificationDeadlines.For(recorded, fromRole, new DateOnly(2028, 1, 1)));

        Assert.True(deadline.FromRole);
        Assert.Equal(DeadlineState.Met, deadline.State);
    }

    [Theory]
    [InlineData("2025-11-01", ExpiryState.ExpiringSoon)]
    [InlineData("2025-10-11", ExpiryState.Current)]
    [InlineData("2026-01-09", ExpiryState.ExpiringSoon)]
    [InlineData("2026-01-10", ExpiryState.Expired)]
    public void Expiries_FirstAidLastsThreeYears(string today, ExpiryState expected)
    {
        var recorded = new[] { Row("FAW", held: true, gainedOn: new DateOnly(2023, 1, 10)), Row("TA-L3", held: true, gainedOn: new DateOnly(2020, 7, 1)) };

        var expiry = Assert.Single(QualificationDeadlines.Expiries(recorded, QualificationCatalogue.BuiltIn, DateOnly.Parse(today)));

        Assert.Equal(new DateOnly(2026, 1, 10), expiry.ExpiresOn);
        Assert.Equal(expected, expiry.State);
    }
}
