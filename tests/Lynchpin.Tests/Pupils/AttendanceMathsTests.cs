using Lynchpin.Core.Pupils;

namespace Lynchpin.Tests.Pupils;

public class AttendanceMathsTests
{
    private static Sessions S(int possible, int attended) => new(possible, attended, possible - attended, 0);

    [Fact]
    public void CohortAttendance_SumsSessionsNotPupilsRates()
    {
        // Pupil A: 300 of 320 (93.75 %); pupil B: 9 of 10 (90 %). Sessions summed: 309 / 330 = 93.6363… %;
        // the mean of the two rates would be 91.875 %, which is not the DfE's figure.
        var rate = AttendanceMaths.CohortAttendance([S(320, 300), S(10, 9)]);

        Assert.Equal(309m * 100 / 330, rate);
        Assert.Equal(93.64m, Math.Round(rate!.Value, 2));
    }

    [Theory]
    [InlineData(100, 90, true)]    // exactly 10 % missed: persistent absence (the DfE's "10 % or more")
    [InlineData(100, 91, false)]   // 9 % missed
    [InlineData(330, 297, true)]   // 33 of 330 = 10 %
    [InlineData(331, 298, false)]  // 33 of 331 = 9.97 %: under the line, whatever rounding would say
    [InlineData(0, 0, false)]      // no possible sessions: not counted
    public void IsPersistentlyAbsent_TenPercentOrMoreMissed(int possible, int attended, bool expected)
    {
        Assert.Equal(expected, AttendanceMaths.IsPersistentlyAbsent(S(possible, attended)));
    }

    [Fact]
    public void PersistentAbsenceRate_ShareOfPupilsWithSessions()
    {
        // 2 of the 4 pupils with sessions miss 10 % or more; the pupil with none is not counted: 50 %.
        var rate = AttendanceMaths.PersistentAbsenceRate([S(100, 90), S(100, 95), S(200, 150), S(100, 100), S(0, 0)]);

        Assert.Equal(50m, rate);
    }

    [Fact]
    public void Sessions_YearSummedOverPeriods_ThenJudged()
    {
        // Autumn 95 of 140 (well below), spring and summer full: 95 + 120 + 130 = 345 of 390 → 11.5 % missed: persistent.
        var year = Sessions.Sum([new(140, 95, 30, 15), new(120, 120, 0, 0), new(130, 130, 0, 0)]);

        Assert.Equal(new Sessions(390, 345, 30, 15), year);
        Assert.True(AttendanceMaths.IsPersistentlyAbsent(year));
        Assert.Equal(345m * 100 / 390, AttendanceMaths.AttendanceRate(year));
        Assert.Equal(45m * 100 / 390, AttendanceMaths.AbsenceRate(year));
    }

    [Fact]
    public void Problem_CountsThatDoNotAddUp_AreRefusedWithTheSum()
    {
        Assert.Null(new Sessions(100, 90, 6, 4).Problem());
        Assert.Equal("sessions_attended (90) + authorised (6) + unauthorised (3) make 99, not sessions_possible (100)",
            new Sessions(100, 90, 6, 3).Problem());
        Assert.NotNull(new Sessions(100, -1, 100, 1).Problem());
    }

    [Fact]
    public void AttendanceRate_NoSessions_IsNull()
    {
        Assert.Null(AttendanceMaths.AttendanceRate(default));
        Assert.Null(AttendanceMaths.PersistentAbsenceRate([]));
    }
}
