using Lynchpin.Core.Coaching;

namespace Lynchpin.Tests.Coaching;

public class IntervalsTests
{
    [Fact]
    public void Wilson_TwoOfTen_MatchesTheHandCalculation()
    {
        // p = 0.2, z² = 3.8415, z²/n = 0.38415, denominator 1.38415;
        // centre = (0.2 + 0.19207) / 1.38415 = 0.28326;
        // half = 1.95996 / 1.38415 · √(0.016 + 0.0096037) = 1.41601 · 0.16001 = 0.22658;
        // 0.28326 ∓ 0.22658 = 0.05668 to 0.50984.
        var interval = Intervals.Wilson(2, 10)!.Value;

        Assert.Equal(5.67, interval.Low, 2);
        Assert.Equal(50.98, interval.High, 2);
    }

    [Fact]
    public void Wilson_NoneOfFive_StartsAtZeroAndIsNotAPoint()
    {
        // p = 0: centre = (z²/2n) / (1 + z²/n) = 0.38415 / 1.76829 = 0.21724, half the same, so 0 to 0.43448.
        var interval = Intervals.Wilson(0, 5)!.Value;

        Assert.Equal(0, interval.Low, 6);
        Assert.Equal(43.45, interval.High, 2);
    }

    [Fact]
    public void Wilson_AllOfFive_EndsAtOneHundred()
    {
        var interval = Intervals.Wilson(5, 5)!.Value;

        Assert.Equal(100, interval.High, 6);
        Assert.Equal(56.55, interval.Low, 2);
    }

    [Fact]
    public void Wilson_NoPupils_IsNull()
    {
        Assert.Null(Intervals.Wilson(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Intervals.Wilson(6, 5));
    }

    [Fact]
    public void RatioOfSums_EqualSessions_IsTheTIntervalOfThePupilsRates()
    {
        // 90, 95, 100, 80, 85 of 100 each: R = 450/500 = 0.9; residuals 0, 5, 10, −10, −5, squares sum to 250;
        // SE = √(5/4 · 250) / 500 = 17.678 / 500 = 0.035355 — the same as s/√n of the rates (s = 0.079057).
        // t(4) = 2.776, half-width 0.098146: 80.19 % to 99.81 %.
        var interval = Intervals.RatioOfSums([(90, 100), (95, 100), (100, 100), (80, 100), (85, 100)])!.Value;

        Assert.Equal(80.19, interval.Low, 2);
        Assert.Equal(99.81, interval.High, 2);
    }

    [Fact]
    public void RatioOfSums_UnequalSessions_WeighsPupilsBySessions()
    {
        // Σa = 850, Σp = 980, R = 0.867347. Residuals aᵢ − R·pᵢ: 6.531, −14.796, 13.776, 13.265, −18.776;
        // squares 42.65 + 218.92 + 189.78 + 175.97 + 352.54 = 979.82; SE = √(1.25 · 979.82) / 980 = 0.035711;
        // half-width 2.776 · 0.035711 = 0.099134: 76.82 % to 96.65 %.
        var interval = Intervals.RatioOfSums([(180, 200), (150, 190), (300, 330), (100, 100), (120, 160)])!.Value;

        Assert.Equal(76.82, interval.Low, 2);
        Assert.Equal(96.65, interval.High, 2);
    }

    [Fact]
    public void RatioOfSums_IsFarWiderThanTreatingSessionsAsIndependent()
    {
        // The reason for the choice: Wilson over the 980 sessions claims about ±2 points; the pupils vary by ±10.
        var pupils = new[] { (180, 200), (150, 190), (300, 330), (100, 100), (120, 160) };
        var byPupil = Intervals.RatioOfSums(pupils)!.Value;
        var bySession = Intervals.Wilson(850, 980)!.Value;

        Assert.True(byPupil.High - byPupil.Low > 4 * (bySession.High - bySession.Low));
    }

    [Fact]
    public void RatioOfSums_EveryoneAtFullAttendance_IsAPointAtOneHundred()
    {
        var interval = Intervals.RatioOfSums([(100, 100), (50, 50), (80, 80)])!.Value;

        Assert.Equal((100.0, 100.0), (interval.Low, interval.High));
    }

    [Fact]
    public void RatioOfSums_OnePupil_IsNull()
    {
        Assert.Null(Intervals.RatioOfSums([(90, 100)]));
        Assert.Null(Intervals.RatioOfSums([(90, 100), (0, 0)]));
    }

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(4, 2.776)]
    [InlineData(30, 2.042)]
    [InlineData(40, 2.021)]
    [InlineData(60, 2.000)]
    [InlineData(120, 1.980)]
    [InlineData(100000, 1.960)]
    public void TQuantile975_MatchesPublishedTables(int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, Intervals.TQuantile975(degreesOfFreedom), 3);
    }
}
