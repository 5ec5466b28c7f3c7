using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Tests.Observations;

public class TimetableValuesTests
{
    [Theory]
    [InlineData("", TimetableWeek.Every)]
    [InlineData("A", TimetableWeek.A)]
    [InlineData("b", TimetableWeek.B)]
    [InlineData("Week A", TimetableWeek.A)]
    [InlineData("wk b", TimetableWeek.B)]
    public void TryParseWeek_AcceptedSpelling_ReadsTheWeek(string text, TimetableWeek expected)
    {
        Assert.True(TimetableValues.TryParseWeek(text, out var week));
        Assert.Equal(expected, week);
    }

    [Theory]
    [InlineData("C")]
    [InlineData("week")]
    [InlineData("AB")]
    [InlineData("1")]
    public void TryParseWeek_OtherText_IsRefused(string text) => Assert.False(TimetableValues.TryParseWeek(text, out _));

    [Theory]
    [InlineData("Monday", DayOfWeek.Monday)]
    [InlineData("Mon", DayOfWeek.Monday)]
    [InlineData("MON", DayOfWeek.Monday)]
    [InlineData("tues", DayOfWeek.Tuesday)]
    [InlineData("Weds", DayOfWeek.Wednesday)]
    [InlineData("Thurs", DayOfWeek.Thursday)]
    [InlineData("fri", DayOfWeek.Friday)]
    public void TryParseDay_SchoolDay_ReadsTheDay(string text, DayOfWeek expected)
    {
        Assert.True(TimetableValues.TryParseDay(text, out var day, out var schoolDay));
        Assert.Equal(expected, day);
        Assert.True(schoolDay);
    }

    [Fact]
    public void TryParseDay_Saturday_ReadsButIsNotASchoolDay()
    {
        Assert.True(TimetableValues.TryParseDay("Sat", out var day, out var schoolDay));
        Assert.Equal(DayOfWeek.Saturday, day);
        Assert.False(schoolDay);
    }

    [Theory]
    [InlineData("M")]
    [InlineData("Tu")]
    [InlineData("Funday")]
    [InlineData("1")]
    public void TryParseDay_AmbiguousOrUnknown_IsRefused(string text) => Assert.False(TimetableValues.TryParseDay(text, out _, out _));

    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData("9:05", 9, 5)]
    [InlineData("13:45:00", 13, 45)]
    [InlineData("1899-12-30 10:15:00", 10, 15)]
    public void TryParseTime_AcceptedSpelling_ReadsTheTime(string text, int hour, int minute)
    {
        Assert.True(TimetableValues.TryParseTime(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("9am")]
    [InlineData("25:00")]
    [InlineData("09:00:30")]
    [InlineData("")]
    public void TryParseTime_OtherText_IsRefused(string text) => Assert.False(TimetableValues.TryParseTime(text, out _));

    [Theory]
    [InlineData("", false, "")]
    [InlineData("9", false, "9")]
    [InlineData("Y9", false, "9")]
    [InlineData("Year 10", false, "10")]
    [InlineData("yr7", false, "7")]
    [InlineData("Reception", false, "R")]
    [InlineData("r", false, "R")]
    [InlineData("Nursery", false, "N")]
    [InlineData("13", false, "13")]
    [InlineData("5/6", true, "5/6")]
    [InlineData("Y5 / Y6", true, "5/6")]
    public void TryParseYearGroup_Accepted_IsStoredInOneForm(string text, bool allowMixed, string expected)
    {
        Assert.True(TimetableValues.TryParseYearGroup(text, allowMixed, out var year));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData("14", true)]
    [InlineData("0", true)]
    [InlineData("Year", true)]
    [InlineData("5/6", false)]
    [InlineData("5/5", true)]
    [InlineData("KS3", true)]
    public void TryParseYearGroup_Refused(string text, bool allowMixed) => Assert.False(TimetableValues.TryParseYearGroup(text, allowMixed, out _));

    [Theory]
    [InlineData(true, RoleFamily.Business, "School Business Manager", ObserverKind.Slt)]
    [InlineData(true, RoleFamily.Teaching, "Deputy Headteacher", ObserverKind.Slt)]
    [InlineData(false, RoleFamily.Pastoral, "Achievement Coordinator (Year 9)", ObserverKind.Pastoral)]
    [InlineData(false, RoleFamily.Inclusion, "Family Liaison Officer", ObserverKind.Pastoral)]
    [InlineData(false, RoleFamily.LearningSupport, "Teaching Assistant", ObserverKind.Support)]
    [InlineData(false, RoleFamily.Site, "Site Manager", ObserverKind.Support)]
    [InlineData(false, RoleFamily.Teaching, "Head of Science", ObserverKind.MiddleLeader)]
    [InlineData(false, RoleFamily.Teaching, "Second in Mathematics", ObserverKind.MiddleLeader)]
    [InlineData(false, RoleFamily.Teaching, "SENCo", ObserverKind.MiddleLeader)]
    [InlineData(false, RoleFamily.Teaching, "Teacher of English", ObserverKind.Teacher)]
    [InlineData(false, RoleFamily.Teaching, "Teacher of Leadership Studies", ObserverKind.Teacher)]
    public void ObserverKindsOf_StaffRecord_GivesTheDocumentedKind(bool slt, RoleFamily family, string jobTitle, ObserverKind expected) =>
        Assert.Equal(expected, ObserverKinds.Of(slt, family, jobTitle));
}
