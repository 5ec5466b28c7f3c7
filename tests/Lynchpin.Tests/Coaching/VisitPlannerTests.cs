using Lynchpin.Core.Coaching;
using Lynchpin.Core.Schools;
using Lynchpin.Tests.Schools;

namespace Lynchpin.Tests.Coaching;

public class VisitPlannerTests
{
    [Fact]
    public void Spread_TwelveVisitsOverTheSchoolsTerms_FallOnSchoolDaysFourATerm()
    {
        var calendar = TermCalendarTests.Northfield2025();

        var dates = VisitPlanner.Spread(2025, 12, calendar);

        Assert.Equal(12, dates.Count);
        Assert.All(dates, d => Assert.True(calendar.IsSchoolDay(d), $"{d} is not a school day"));
        Assert.Equal(dates.Order(), dates);
        // 73 + 55 + 68 = 196 school days in 12 shares of 16.3: autumn gets shares 1-4 (to day 73), spring 5-8, summer 9-12.
        Assert.Equal([4, 4, 4], calendar.TermsOf(2025).Select(t => dates.Count(t.Contains)));
        Assert.Equal(new DateOnly(2025, 9, 15), dates[0]);   // the middle of the first share: the 9th school day
    }

    [Fact]
    public void Spread_DatesTaken_AreSkipped()
    {
        var calendar = TermCalendarTests.Northfield2025();
        var first = VisitPlanner.Spread(2025, 3, calendar);

        var again = VisitPlanner.Spread(2025, 3, calendar, first.ToHashSet());

        Assert.Empty(again.Intersect(first));
        Assert.Equal(3, again.Count);
    }

    [Fact]
    public void Spread_NoTermDates_UsesWeekdaysOfTheUsualTerms()
    {
        var dates = VisitPlanner.Spread(2025, 18, TermCalendar.Weekdays);

        Assert.Equal(18, dates.Count);
        Assert.All(dates, d => Assert.True(TermCalendar.IsWeekday(d)));
        Assert.DoesNotContain(dates, d => d.Month == 8);
        Assert.True(dates[0] >= new DateOnly(2025, 9, 1) && dates[^1] <= new DateOnly(2026, 7, 20));
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    public void CaseloadWarning_MoreThanEleven_Warns(int schools, bool warns)
    {
        Assert.Equal(warns, VisitPlanner.CaseloadWarning(schools) is not null);
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    [InlineData(18, false)]
    [InlineData(19, true)]
    public void VisitsWarning_OutsideTwelveToEighteen_Warns(int visits, bool warns)
    {
        Assert.Equal(warns, VisitPlanner.VisitsWarning(visits) is not null);
    }
}
