using Lynchpin.Core.Pupils;
using Lynchpin.Core.Schools;
using Lynchpin.Tests.Schools;

namespace Lynchpin.Tests.Pupils;

public class PepScheduleTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly DateOnly EnteredCare = D("2025-10-06");   // a Monday

    [Fact]
    public void FirstPepDue_WeekdaysAndTheSchoolsTermDates_CountDifferentlyAcrossHalfTerm()
    {
        Assert.Equal(D("2025-10-20"), PepSchedule.FirstPepDue(EnteredCare, TermCalendar.Weekdays));
        // Mon 6 Oct with the school's dates: Tue 7 … Fri 24 Oct is 14 school days, so the 10th is Mon 20 Oct too.
        Assert.Equal(D("2025-10-20"), PepSchedule.FirstPepDue(EnteredCare, TermCalendarTests.Northfield2025()));
        // Entering care on Thu 23 Oct: the half term does not count at the school (13 Nov) but does as weekdays (6 Nov).
        Assert.Equal(D("2025-11-13"), PepSchedule.FirstPepDue(D("2025-10-23"), TermCalendarTests.Northfield2025()));
        Assert.Equal(D("2025-11-06"), PepSchedule.FirstPepDue(D("2025-10-23"), TermCalendar.Weekdays));
    }

    [Fact]
    public void Evaluate_NoPepTheDayAfterTheDeadline_IsOverdueByOneDay()
    {
        var result = PepSchedule.Evaluate(EnteredCare, [], TermCalendar.Weekdays, today: D("2025-10-21"));

        Assert.True(result.IsOverdue);
        Assert.Equal(1, result.DaysOverdue);
        Assert.Equal(D("2025-10-20"), result.NextDue);
        var first = Assert.Single(result.Requirements);
        Assert.Equal(PepRequirementStatus.Missed, first.Status);
    }

    [Fact]
    public void Evaluate_NoPepOnTheDeadline_IsDueNotOverdue()
    {
        var result = PepSchedule.Evaluate(EnteredCare, [], TermCalendar.Weekdays, today: D("2025-10-20"));

        Assert.False(result.IsOverdue);
        Assert.Equal(PepRequirementStatus.Due, Assert.Single(result.Requirements).Status);
    }

    [Fact]
    public void Evaluate_FirstPepInTimeThenNoneInSpring_IsOverdueFromTheEndOfSpring()
    {
        // Default terms: the first PEP in the autumn term, so the next is owed in spring (1 Jan to 31 Mar).
        var peps = new[] { D("2025-10-15") };

        var inSpring = PepSchedule.Evaluate(EnteredCare, peps, TermCalendar.Weekdays, today: D("2026-02-01"));
        var afterSpring = PepSchedule.Evaluate(EnteredCare, peps, TermCalendar.Weekdays, today: D("2026-04-10"));

        Assert.False(inSpring.IsOverdue);
        Assert.Equal(D("2026-03-31"), inSpring.NextDue);
        Assert.Equal([PepRequirementStatus.Met, PepRequirementStatus.Due], inSpring.Requirements.Select(r => r.Status));
        Assert.True(afterSpring.IsOverdue);
        Assert.Equal(10, afterSpring.DaysOverdue);   // 31 Mar to 10 Apr
        Assert.Equal([PepRequirementStatus.Met, PepRequirementStatus.Missed, PepRequirementStatus.Due],
            afterSpring.Requirements.Select(r => r.Status));
    }

    [Fact]
    public void Evaluate_OneEachTerm_IsNeverOverdue()
    {
        var peps = new[] { D("2025-10-15"), D("2026-02-10"), D("2026-06-15") };

        var result = PepSchedule.Evaluate(EnteredCare, peps, TermCalendar.Weekdays, today: D("2026-08-20"));

        Assert.False(result.IsOverdue);
        Assert.Equal(D("2026-12-20"), result.NextDue);   // the summer PEP's next term is autumn 2026, to 20 December
        Assert.All(result.Requirements, r => Assert.Equal(PepRequirementStatus.Met, r.Status));
        Assert.Equal(3, result.Requirements.Count);
    }

    [Fact]
    public void Evaluate_FirstPepLate_IsMarkedLateAndTermsFollowFromIt()
    {
        var result = PepSchedule.Evaluate(EnteredCare, [D("2025-10-22")], TermCalendar.Weekdays, today: D("2025-11-01"));

        Assert.Equal(PepRequirementStatus.Late, result.Requirements[0].Status);
        Assert.Equal(D("2025-10-22"), result.Requirements[0].HeldOn);
        Assert.False(result.IsOverdue);
        Assert.Equal(D("2026-03-31"), result.NextDue);
    }

    [Fact]
    public void Evaluate_PepInTheEasterHoliday_CountsForTheSpringTerm()
    {
        var calendar = TermCalendarTests.Northfield2025();
        var peps = new[] { D("2025-10-15"), D("2026-04-02") };

        var result = PepSchedule.Evaluate(EnteredCare, peps, calendar, today: D("2026-05-01"));

        var spring = result.Requirements.Single(r => r.Label.StartsWith("Spring", StringComparison.Ordinal));
        Assert.Equal(PepRequirementStatus.Met, spring.Status);
        Assert.Equal(D("2026-07-22"), result.NextDue);   // the summer term's last day
        Assert.False(result.IsOverdue);
    }

    [Fact]
    public void Evaluate_PepsBeforeEnteringCare_DoNotCount()
    {
        var result = PepSchedule.Evaluate(EnteredCare, [D("2025-09-20")], TermCalendar.Weekdays, today: D("2025-10-25"));

        Assert.True(result.IsOverdue);
        Assert.Equal(PepRequirementStatus.Missed, result.Requirements[0].Status);
    }

    [Fact]
    public void Evaluate_Since_LeavesOutOldRequirementsButKeepsTheDeadline()
    {
        var result = PepSchedule.Evaluate(D("2020-01-06"), [D("2020-01-10")], TermCalendar.Weekdays, today: D("2026-02-01"),
            since: D("2025-09-01"));

        Assert.True(result.IsOverdue);
        Assert.Equal(D("2020-07-20"), result.NextDue);   // held in spring 2019/20, so owed again by the end of summer
        Assert.Equal(["Autumn term 2025/26 PEP", "Spring term 2025/26 PEP"], result.Requirements.Select(r => r.Label));
    }
}
