using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Tests.Observations.Rota;

/// <summary>
/// The rota and its checker with a school's term dates: autumn term 2 Sep to 18 Dec 2026 with half term 26-30 Oct, spring
/// term from 4 Jan 2027, and an INSET day on Mon 4 Jan. The Christmas holiday and half term have no school days.
/// </summary>
public class TermCalendarTests
{
    private static readonly DateOnly HalfTermMonday = new(2026, 10, 26);
    private static readonly DateOnly ChristmasDay = new(2026, 12, 25);

    private static readonly CalendarRange[] Terms =
    [
        new(new DateOnly(2026, 9, 2), new DateOnly(2026, 12, 18), CalendarDayKind.Term, "Autumn term"),
        new(HalfTermMonday, new DateOnly(2026, 10, 30), CalendarDayKind.Holiday, "October half term"),
        new(new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 26), CalendarDayKind.Term, "Spring term"),
        new(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 4), CalendarDayKind.Inset),
    ];

    private static readonly SchoolCalendar Calendar = new(null, [], Terms);

    private static TimetableEntry Lesson(DayOfWeek day, string period, string staff) =>
        new(TimetableWeek.Every, day, period, new TimeOnly(8 + int.Parse(period), 0), new TimeOnly(9 + int.Parse(period), 0), staff, "9" + staff, "Maths", "9", "R1");

    /// <summary>Five teachers with a lesson every period 1-3 of every weekday; observers as given.</summary>
    private static RotaProblem Problem(DateOnly from, DateOnly to, SchoolCalendar calendar, params Observer[] observers)
    {
        var teachers = new[] { "T1", "T2", "T3", "T4", "T5" };
        var timetable = teachers.SelectMany(t => Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .SelectMany(d => new[] { "1", "2", "3" }.Select(p => Lesson(d, p, t)))).ToList();
        return new RotaProblem(calendar, from, to, timetable, [], observers, teachers.Select(t => new Observee(t, t)).ToList(),
            new RotaSettings { Workers = 1, TimeLimit = TimeSpan.FromSeconds(5), MaxVisitsPerObservee = 20 });
    }

    [Theory]
    [InlineData("2026-09-01", false)] // before the autumn term
    [InlineData("2026-09-02", true)]
    [InlineData("2026-10-26", false)] // half term
    [InlineData("2026-11-02", true)]
    [InlineData("2026-12-18", true)]
    [InlineData("2026-12-21", false)] // Christmas holiday: outside the terms of a year that has them
    [InlineData("2026-12-25", false)]
    [InlineData("2027-01-04", false)] // INSET
    [InlineData("2027-01-05", true)]
    [InlineData("2027-09-06", true)] // 2027/28 has no term dates: every weekday counts
    public void IsSchoolDay_FollowsTheTermsHolidaysAndInsetDays(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsSchoolDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void Solve_OverChristmas_PlansOnlyInTermAndTheCheckerAgrees()
    {
        // Arrange: 14 Dec 2026 to 8 Jan 2027 holds five school days before Christmas and four after the INSET day.
        var problem = Problem(new DateOnly(2026, 12, 14), new DateOnly(2027, 1, 8), Calendar, new Observer("S1", "Sam Bell", ObserverKind.Slt, 6));

        // Act
        var result = RotaSolver.Solve(problem);

        // Assert
        Assert.Equal(6, result.Visits.Count);
        Assert.All(result.Visits, v => Assert.True(Calendar.IsSchoolDay(v.Date), $"{v.Date} is not a school day"));
        Assert.Empty(RotaChecker.Check(problem, result.Visits));
        Assert.DoesNotContain(result.Messages, m => m.Text.Contains("no term dates", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_VisitsInAHolidayOnAnInsetDayOrInThePast_AreEachReported()
    {
        // Arrange: "now" is Wednesday 16 December 2026 at noon.
        var problem = Problem(new DateOnly(2026, 12, 14), new DateOnly(2027, 1, 8), Calendar, new Observer("S1", "Sam Bell", ObserverKind.Slt, 6))
            with { NotBefore = new DateTime(2026, 12, 16, 12, 0, 0) };
        Visit Visit(DateOnly date, string period) => new Lesson(date, TimetableWeek.Every, Lesson(date.DayOfWeek, period, "T1")).VisitBy("S1");

        // Act
        var violations = RotaChecker.Check(problem,
        [
            Visit(ChristmasDay, "1"),
            Visit(new DateOnly(2027, 1, 4), "1"),
            Visit(new DateOnly(2026, 12, 15), "2"),
            Visit(new DateOnly(2026, 12, 17), "1"),
        ]);

        // Assert
        Assert.Equal(
            [
                (RotaRule.OutsideTerm, "Fri 25 Dec 2026 is outside the school's term dates."),
                (RotaRule.OutsideTerm, "Mon 4 Jan 2027 is an INSET day."),
                (RotaRule.InThePast, "Sam Bell (S1)'s visit in period 2 on Tue 15 Dec 2026 is in the past."),
            ],
            violations.Select(v => (v.Rule, v.Message)));
    }

    [Fact]
    public void Solve_WithoutTermDates_KeepsToWeekdaysAndSaysSo()
    {
        // Arrange
        var problem = Problem(new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 27), new SchoolCalendar(null), new Observer("S1", "Sam Bell", ObserverKind.Slt, 3));

        // Act
        var result = RotaSolver.Solve(problem);

        // Assert
        Assert.Equal(3, result.Visits.Count);
        Assert.All(result.Visits, v => Assert.False(SchoolCalendar.IsWeekend(v.Date)));
        Assert.Contains(result.Messages, m => m.ObserverRef is null
            && m.Text == "The calendar has no term dates for 2026/27, so every weekday counts as a school day: enter the term dates and holidays so that no visit lands in a holiday.");
    }

    [Fact]
    public void Solve_SixTermWeeks_SpreadsTheVisitsOverEveryWeek()
    {
        // Arrange: 2 Nov to 13 Dec 2026, six weeks of term; 30 visits from three observers.
        var problem = Problem(new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 13), Calendar,
            new Observer("S1", "Sam Bell", ObserverKind.Slt, 10), new Observer("S2", "Ana Ruiz", ObserverKind.MiddleLeader, 10),
            new Observer("S3", "Jo Ward", ObserverKind.Support, 10));

        // Act
        var result = RotaSolver.Solve(problem);

        // Assert: no term week below half the mean (5 a week)
        Assert.Equal(30, result.Visits.Count);
        var weeks = result.Measures.Weeks.Where(w => w.SchoolDays > 0).ToList();
        Assert.Equal(6, weeks.Count);
        Assert.All(weeks, w => Assert.True(w.Visits * 2 >= 5, $"the week of {w.Monday} has {w.Visits} visits"));
        Assert.Equal(0, result.Measures.WeeksShort);
    }

    [Fact]
    public void Weeks_HolidayWeekHasNoShareAndAnEmptyTermWeekIsShort()
    {
        // Arrange: 19 Oct to 8 Nov: a term week, half term, a term week; all four visits in the first week.
        var problem = Problem(new DateOnly(2026, 10, 19), new DateOnly(2026, 11, 8), Calendar, new Observer("S1", "Sam Bell", ObserverKind.Slt, 4));
        var visits = new[] { 19, 20, 21, 22 }.Select(d => new Lesson(new DateOnly(2026, 10, d), TimetableWeek.Every,
            Lesson(new DateOnly(2026, 10, d).DayOfWeek, "1", "T1")).VisitBy("S1")).ToList();

        // Act
        var weeks = RotaChecker.Weeks(problem, visits);

        // Assert
        Assert.Equal(
            [(new DateOnly(2026, 10, 19), 5, 4, false), (HalfTermMonday, 0, 0, false), (new DateOnly(2026, 11, 2), 5, 0, true)],
            weeks.Select(w => (w.Monday, w.SchoolDays, w.Visits, w.Short)));
    }
}
