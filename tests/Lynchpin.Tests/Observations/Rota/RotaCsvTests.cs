using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Tests.Observations.Rota;

public class RotaCsvTests
{
    [Fact]
    public void ToCsv_WritesTheHeaderAndOneRowPerVisit_QuotingWhereNeeded()
    {
        Visit[] visits =
        [
            new(new DateOnly(2026, 11, 3), TimetableWeek.B, "2", new TimeOnly(10, 0), new TimeOnly(11, 0), "AC9", "T1", "9A", "Maths", "9", "M1"),
            new(new DateOnly(2026, 11, 4), TimetableWeek.Every, "P3", new TimeOnly(11, 0), new TimeOnly(12, 0), "AC9", "T2", "10B, set 2", "Art \"studio\"", "10", "A1"),
        ];

        var csv = RotaCsv.ToCsv(visits);

        Assert.Equal(
            "date,week,day,period,observer_ref,observee_ref,class,subject,year_group,room\r\n" +
            "2026-11-03,B,Tue,2,AC9,T1,9A,Maths,9,M1\r\n" +
            "2026-11-04,,Wed,P3,AC9,T2,\"10B, set 2\",\"Art \"\"studio\"\"\",10,A1\r\n",
            csv);
    }

    [Fact]
    public void ToCsv_TextThatLooksLikeAFormula_IsWrittenAsText()
    {
        Visit[] visits =
        [
            new(new DateOnly(2026, 11, 3), TimetableWeek.B, "2", new TimeOnly(10, 0), new TimeOnly(11, 0), "AC9", "T1",
                "=HYPERLINK(\"http://evil.example\")", "+Maths", "-9", "@SUM(A1)"),
        ];

        var csv = RotaCsv.ToCsv(visits);

        Assert.EndsWith("2026-11-03,B,Tue,2,AC9,T1,\"'=HYPERLINK(\"\"http://evil.example\"\")\",'+Maths,'-9,'@SUM(A1)\r\n", csv);
    }
}
