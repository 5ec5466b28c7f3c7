using Lynchpin.Core.Privacy;

namespace Lynchpin.Tests.Privacy;

/// <summary>The ICO's count: one calendar month, to the last day of a shorter month, then the next working day.</summary>
public class SubjectAccessDueDateTests
{
    [Theory]
    [InlineData("2026-09-07", "2026-10-07")] // the same date next month, a Wednesday
    [InlineData("2028-01-31", "2028-02-29")] // no 31 February: the last day, in a leap year
    [InlineData("2027-01-31", "2027-03-01")] // 28 February 2027 is a Sunday: the Monday after
    [InlineData("2026-03-31", "2026-04-30")] // no 31 April
    [InlineData("2026-08-31", "2026-09-30")]
    [InlineData("2026-01-15", "2026-02-16")] // 15 February is a Sunday
    [InlineData("2026-02-14", "2026-03-16")] // 14 March is a Saturday
    [InlineData("2026-03-03", "2026-04-07")] // Good Friday, the weekend, then Easter Monday
    [InlineData("2026-07-31", "2026-09-01")] // 31 August is the summer bank holiday
    [InlineData("2026-11-25", "2026-12-29")] // Christmas Day, the weekend, then the substitute Boxing Day
    [InlineData("2027-12-01", "2028-01-04")] // 1 January 2028 is a Saturday; its substitute is Monday 3 January
    public void For_ReceivedOn_IsDueOn(string received, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            SubjectAccessDueDate.For(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void BankHolidays_HaveEightEachYear_AllOnWeekdays()
    {
        foreach (var year in EnglishBankHolidays.Dates.GroupBy(d => d.Year))
        {
            Assert.Equal(8, year.Count());
            Assert.All(year, d => Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d} is at a weekend"));
        }
    }
}
