using Lynchpin.Core.Schools;

namespace Lynchpin.Tests.Schools;

public class TermCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A school's 2025/26 dates, with a week's half term in each term.</summary>
    public static TermCalendar Northfield2025() => new([
        new(2025, TermName.Autumn, D("2025-09-03"), D("2025-12-19"), D("2025-10-27"), D("2025-10-31")),
        new(2025, TermName.Spring, D("2026-01-05"), D("2026-03-27"), D("2026-02-16"), D("2026-02-20")),
        new(2025, TermName.Summer, D("2026-04-13"), D("2026-07-22"), D("2026-05-25"), D("2026-05-29")),
    ]);

    [Fact]
    public void AddSchoolDays_WeekdaysFromAMonday_IsTheMondayTwoWeeksLater()
    {
        // Tue 7 … Fri 10 (4), Mon 13 … Fri 17 (9), Mon 20 (10).
        Assert.Equal(D("2025-10-20"), TermCalendar.Weekdays.AddSchoolDays(D("2025-10-06"), 10));
    }

    [Fact]
    public void AddSchoolDays_AcrossAHalfTermInTheSchoolsDates_SkipsTheBreak()
    {
        // From Thu 23 Oct: Fri 24 (1); 27-31 Oct half term; Mon 3 … Fri 7 Nov (6); Mon 10 … Thu 13 Nov (10).
        Assert.Equal(D("2025-11-13"), Northfield2025().AddSchoolDays(D("2025-10-23"), 10));
        // Without term dates the break counts: Fri 24 (1), Mon 27 … Fri 31 (6), Mon 3 … Thu 6 Nov (10).
        Assert.Equal(D("2025-11-06"), TermCalendar.Weekdays.AddSchoolDays(D("2025-10-23"), 10));
    }

    [Fact]
    public void AddSchoolDays_FromTheSummerHolidayIntoATermWithDates_CountsFromTheFirstDayOfTerm()
    {
        var calendar = new TermCalendar([
            new(2024, TermName.Summer, D("2025-04-22"), D("2025-07-22")),
            new(2025, TermName.Autumn, D("2025-09-03"), D("2025-12-19")),
        ]);

        // Wed 3 … Fri 5 Sep (3), Mon 8 … Fri 12 (8), Mon 15 (9), Tue 16 (10).
        Assert.Equal(D("2025-09-16"), calendar.AddSchoolDays(D("2025-08-01"), 10));
        Assert.False(calendar.IsSchoolDay(D("2025-08-04")));
        Assert.True(calendar.IsSchoolDay(D("2025-09-03")));
    }

    [Fact]
    public void IsSchoolDay_YearWithoutDates_IsEveryWeekday()
    {
        var calendar = Northfield2025();

        Assert.True(calendar.IsSchoolDay(D("2026-10-27")));   // 2026/27 has no dates: a weekday is a school day
        Assert.False(calendar.IsSchoolDay(D("2025-10-27")));  // half term in 2025/26
        Assert.False(calendar.IsSchoolDay(D("2025-12-22")));  // Christmas holiday
        Assert.False(calendar.IsSchoolDay(D("2025-09-06")));  // a Saturday
        Assert.Equal(5, calendar.SchoolDaysBetween(D("2025-10-20"), D("2025-11-02")));
    }

    [Fact]
    public void TermOf_AHolidayDate_BelongsToTheTermJustEnded()
    {
        var calendar = Northfield2025();

        Assert.Equal(TermName.Spring, calendar.TermOf(D("2026-04-02")).Term);
        Assert.Equal(TermName.Autumn, calendar.TermOf(D("2025-12-30")).Term);
        Assert.Equal((2024, TermName.Summer), (calendar.TermOf(D("2025-09-01")).Year, calendar.TermOf(D("2025-09-01")).Term));
        Assert.Equal(D("2026-04-12"), calendar.LastDayOf(calendar.TermOf(D("2026-02-01"))));
    }

    [Fact]
    public void DefaultTerms_NoDates_SplitTheYearAtJanuaryAndApril()
    {
        var calendar = TermCalendar.Weekdays;

        Assert.Equal(TermName.Autumn, calendar.TermOf(D("2025-12-31")).Term);
        Assert.Equal(TermName.Spring, calendar.TermOf(D("2026-01-01")).Term);
        Assert.Equal(TermName.Summer, calendar.TermOf(D("2026-04-01")).Term);
        Assert.Equal(D("2026-03-31"), calendar.NextTerm(calendar.TermOf(D("2025-10-01"))).Ends);
        Assert.Equal((2026, TermName.Autumn), (calendar.NextTerm(calendar.TermOf(D("2026-06-01"))).Year, calendar.NextTerm(calendar.TermOf(D("2026-06-01"))).Term));
    }

    [Fact]
    public void Problems_BadDates_AreEachNamed()
    {
        var problems = TermCalendar.Problems([
            new(2025, TermName.Autumn, D("2025-12-19"), D("2025-09-03")),
            new(2025, TermName.Spring, D("2026-01-05"), D("2026-03-27"), D("2026-04-01"), D("2026-04-03")),
            new(2025, TermName.Summer, D("2026-03-20"), D("2026-07-22"), D("2026-05-25")),
            new(2025, TermName.Summer, D("2027-04-13"), D("2027-07-22")),
        ]);

        Assert.Contains(problems, p => p.Contains("ends (3 September 2025) before it starts"));
        Assert.Contains(problems, p => p.Contains("half-term break (1 April 2026 to 3 April 2026) must fall inside"));
        Assert.Contains(problems, p => p.Contains("needs both the first and the last day"));
        Assert.Contains(problems, p => p.Contains("outside the school year 2025/26"));
        Assert.Contains(problems, p => p.Contains("Summer term 2025/26 is given 2 times"));
        Assert.Contains(problems, p => p.Contains("Summer term 2025/26 starts before the Spring term 2025/26 ends"));
    }

    [Fact]
    public void Problems_GoodYear_None()
    {
        var calendar = Northfield2025();

        Assert.Empty(TermCalendar.Problems(calendar.TermsOf(2025).ToList()));
        Assert.True(calendar.HasTermDates(2025));
        Assert.False(calendar.HasTermDates(2026));
    }
}
