using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Tests.Observations.Rota;

/// <summary>Week A starts on Wednesday 4 Nov 2026, so its week (Mon 2 Nov) is A, the next B, and so on.</summary>
public class RotaCalendarTests
{
    private static readonly SchoolCalendar Calendar = new(new DateOnly(2026, 11, 4), [new DateOnly(2026, 11, 10)]);

    [Theory]
    [InlineData("2026-11-02", TimetableWeek.A)]
    [InlineData("2026-11-06", TimetableWeek.A)]
    [InlineData("2026-11-09", TimetableWeek.B)]
    [InlineData("2026-11-16", TimetableWeek.A)]
    [InlineData("2026-11-29", TimetableWeek.B)] // a Sunday belongs to its Monday's week
    [InlineData("2026-10-30", TimetableWeek.B)] // the week before week A
    [InlineData("2026-10-23", TimetableWeek.A)]
    public void WeekOf_AlternatesWeeklyFromTheWeekAStartDate(string date, TimetableWeek expected)
    {
        Assert.Equal(expected, Calendar.WeekOf(DateOnly.Parse(date)));
    }

    [Fact]
    public void WeekOf_WithoutAWeekADate_IsEveryWeek()
    {
        Assert.Equal(TimetableWeek.Every, new SchoolCalendar(null).WeekOf(new DateOnly(2026, 11, 9)));
    }

    [Fact]
    public void SchoolDays_SkipWeekendsAndBlockedDates()
    {
        var days = Calendar.SchoolDays(new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 12));

        Assert.Equal(
            [
                new SchoolDay(new DateOnly(2026, 11, 5), TimetableWeek.A),
                new SchoolDay(new DateOnly(2026, 11, 6), TimetableWeek.A),
                new SchoolDay(new DateOnly(2026, 11, 9), TimetableWeek.B),
                new SchoolDay(new DateOnly(2026, 11, 11), TimetableWeek.B),
                new SchoolDay(new DateOnly(2026, 11, 12), TimetableWeek.B),
            ],
            days);
    }

    [Fact]
    public void Lessons_TakePlaceOnTheirDayInTheirWeek_InTimeOrder()
    {
        TimetableEntry Row(TimetableWeek week, DayOfWeek day, string period, int hour, string staff) =>
            new(week, day, period, new TimeOnly(hour, 0), new TimeOnly(hour + 1, 0), staff, "9A", "Maths", "9", "M1");
        var a = Row(TimetableWeek.A, DayOfWeek.Monday, "2", 10, "T1");
        var b = Row(TimetableWeek.B, DayOfWeek.Monday, "2", 10, "T2");
        var every = Row(TimetableWeek.Every, DayOfWeek.Monday, "1", 9, "T3");
        var tuesday = Row(TimetableWeek.Every, DayOfWeek.Tuesday, "1", 9, "T4");

        // Mon 2 Nov (A), Mon 9 Nov (B), Tue 10 Nov is blocked.
        var lessons = Calendar.Lessons([a, b, every, tuesday], new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 10));

        Assert.Equal(
            [
                ("2026-11-02", "T3"), ("2026-11-02", "T1"), ("2026-11-03", "T4"),
                ("2026-11-09", "T3"), ("2026-11-09", "T2"),
            ],
            lessons.Select(l => (l.Date.ToString("yyyy-MM-dd"), l.StaffRef)));
        Assert.All(lessons, l => Assert.Equal(Calendar.WeekOf(l.Date), l.Week));
    }
}
