using System.Globalization;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pay;

namespace Lynchpin.Tests.Pay;

public class ContractsTests
{
    [Theory]
    [InlineData("37", StaffCategory.Support, "1")]
    [InlineData("18.5", StaffCategory.Support, "0.5")]
    [InlineData("40", StaffCategory.Support, "1")]
    [InlineData("26", StaffCategory.Teaching, "0.8")]
    [InlineData(null, StaffCategory.Teaching, "1")]
    public void Fte_HoursOverFullTimeAtMostOne(string? hours, StaffCategory category, string expected)
    {
        var fte = Contracts.Fte(hours is null ? null : decimal.Parse(hours, CultureInfo.InvariantCulture), category);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), fte);
    }

    [Fact]
    public void FteBySchool_FederationBusinessManager_SplitByHours()
    {
        // 37 hours: 15 at the other school, so 22 at her own. FTE 1 split 22/37 and 15/37.
        var shares = Contracts.FteBySchool(ownSchoolId: 1, 37m, StaffCategory.Support, new Dictionary<int, decimal> { [2] = 15m });

        Assert.Equal(0.5946m, Math.Round(shares[1], 4));
        Assert.Equal(0.4054m, Math.Round(shares[2], 4));
        Assert.Equal(1m, shares.Values.Sum());
    }

    [Fact]
    public void FteBySchool_PartTimeAcrossThreeSchools_AddsUpToTheirFte()
    {
        // 24 hours (FTE 24/37): 12 at their own school, 8 and 4 elsewhere.
        var shares = Contracts.FteBySchool(1, 24m, StaffCategory.Support, new Dictionary<int, decimal> { [2] = 8m, [3] = 4m });

        Assert.Equal(12m / 37m, shares[1]);
        Assert.Equal(8m / 37m, shares[2]);
        Assert.Equal(4m / 37m, shares[3]);
    }

    [Fact]
    public void HoursBySchool_OthersTakeMoreThanTheContract_OwnSchoolHasNone()
    {
        var hours = Contracts.HoursBySchool(1, 10m, StaffCategory.Support, new Dictionary<int, decimal> { [2] = 12m });

        Assert.Equal(0m, hours[1]);
        Assert.Equal(12m, hours[2]);
    }

    [Fact]
    public void ActualPay_TermTimeOnly_PaidForTheirWeeksPlusHoliday()
    {
        // £26,000 FTE, 27.75 of 37 hours (0.75), 39 weeks plus 5.6 of holiday paid: 26,000 × 0.75 × 44.6 / 52 = 16,725.
        Assert.Equal(16725m, Contracts.ActualPay(26000m, Contracts.Fte(27.75m, StaffCategory.Support), 39m));
        Assert.Equal(40000m, Contracts.ActualPay(40000m, 1m, null));
        Assert.Equal(40000m, Contracts.ActualPay(40000m, 1m, 52m));
    }

    [Theory]
    [InlineData("39", "44.6")]
    [InlineData("48", "52")]
    [InlineData("52", "52")]
    [InlineData(null, "52")]
    public void PaidWeeks_TermTimeGetsHolidayOnTop_NeverMoreThanAYear(string? contracted, string paid)
    {
        Assert.Equal(decimal.Parse(paid, CultureInfo.InvariantCulture),
            Contracts.PaidWeeks(contracted is null ? null : decimal.Parse(contracted, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2020-01-01", null, true)]
    [InlineData("2026-08-31", null, true)]
    [InlineData("2026-09-01", null, false)]
    [InlineData("2019-01-01", "2025-09-01", true)]
    [InlineData("2019-01-01", "2025-08-31", false)]
    public void InPostDuringYear_AnyDayFromSeptemberToAugust(string start, string? leaving, bool expected)
    {
        Assert.Equal(expected, Contracts.InPostDuringYear(DateOnly.Parse(start), leaving is null ? null : DateOnly.Parse(leaving), 2025));
    }
}
