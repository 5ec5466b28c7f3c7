using Lynchpin.Core.Outcomes;

namespace Lynchpin.Tests.Outcomes;

/// <summary>The correlation, its interval and the trust's weighted figures, against sums done by hand.</summary>
public class OutcomeArithmeticTests
{
    [Fact]
    public void Pearson_FiveSchools_MatchesTheHandWorkedFigures()
    {
        // Arrange: x 1..5, y 2,4,5,4,5. Means 3 and 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6, so r = 6/√60 = 0.7746.
        // z = atanh(0.7746) = 1.0317, SE = 1/√(5-3) = 0.7071, z ± 1.96·SE = -0.3542 and 2.4176, tanh: -0.3401 and 0.9842.
        (double, double)[] pairs = [(1, 2), (2, 4), (3, 5), (4, 4), (5, 5)];

        // Act
        var c = OutcomeStatistics.Pearson(pairs);

        // Assert
        Assert.Equal(5, c.N);
        Assert.Equal(0.7746, c.R!.Value, 4);
        Assert.Equal(-0.3401, c.Low!.Value, 4);
        Assert.Equal(0.9842, c.High!.Value, 4);
    }

    [Fact]
    public void Pearson_ThreeSchools_HasRButNoInterval()
    {
        // Arrange: a perfect fall, r = -1; Fisher's z needs n > 3
        (double, double)[] pairs = [(10, 0.3), (20, 0.2), (30, 0.1)];

        // Act
        var c = OutcomeStatistics.Pearson(pairs);

        // Assert
        Assert.Equal(-1, c.R!.Value, 6);
        Assert.Null(c.Low);
        Assert.Null(c.High);
    }

    [Fact]
    public void Pearson_TwoSchoolsOrNoSpread_HasNoR()
    {
        // Act
        var two = OutcomeStatistics.Pearson([(1, 2), (2, 3)]);
        var flat = OutcomeStatistics.Pearson([(1, 2), (1, 3), (1, 4), (1, 5)]);

        // Assert
        Assert.Null(two.R);
        Assert.Null(flat.R);
        Assert.Equal(4, flat.N);
    }

    [Fact]
    public void WeightedByPupils_LeavesOutSchoolsWithoutAFigure()
    {
        // Arrange: (0.2 × 100 + -0.1 × 300) / 400 = -10 / 400 = -0.025; the school with no P8 and the one with no pupils are left out
        (decimal?, decimal?)[] schools = [(0.2m, 100m), (-0.1m, 300m), (null, 50m), (0.5m, null)];

        // Act
        var trust = OutcomeStatistics.WeightedByPupils(schools);

        // Assert
        Assert.Equal(-0.025m, trust);
        Assert.Null(OutcomeStatistics.WeightedByPupils([(null, 100m)]));
    }
}

/// <summary>The sentences of change: what they say about intervals, and that none claims a cause.</summary>
public class OutcomeSentencesTests
{
    private static readonly YearFigure[] Progress8 =
    [
        new(2021, -0.14m, -0.38m, 0.10m),
        new(2022, -0.01m, -0.25m, 0.23m),
        new(2023, 0.45m, 0.21m, 0.69m),
        new(2024, null),
    ];

    [Fact]
    public void Changes_Progress8_SaysWhenAnIntervalCrossesZeroAndWhenAChangeIsWithinIt()
    {
        // Act
        var sentences = OutcomeSentences.Changes("Progress 8", Progress8, zeroIsAverage: true);

        // Assert
        Assert.Contains("In 2021/22 the interval of Progress 8 (-0.38 to 0.10) crosses zero: the figure cannot be told apart from the national average.", sentences);
        Assert.Contains(sentences, s => s.StartsWith("In 2022/23 the interval", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.StartsWith("In 2023/24 the interval", StringComparison.Ordinal));
        // -0.14 to -0.01 is +0.13, within the 2022/23 half-width of 0.24; -0.01 to 0.45 is +0.46, beyond it.
        Assert.Contains("Progress 8 rose from -0.14 in 2021/22 to -0.01 in 2022/23 (+0.13). The change is within the 2022/23 interval (±0.24), so it may be no more than chance.", sentences);
        Assert.Contains("Progress 8 rose from -0.01 in 2022/23 to 0.45 in 2023/24 (+0.46). The change is larger than the 2023/24 interval (±0.24).", sentences);
        Assert.Equal(4, sentences.Count); // two crossings, two changes; the missing 2024 figure says nothing
    }

    [Fact]
    public void Changes_AnyFigures_NeverUseCausalWords()
    {
        // Arrange
        var shares = new[] { new YearFigure(2021, 40m), new YearFigure(2022, 40m), new YearFigure(2023, 25m) };

        // Act
        var sentences = OutcomeSentences.Changes("Progress 8", Progress8, zeroIsAverage: true)
            .Concat(OutcomeSentences.Changes("the share of staff on track (%)", shares, "0")).ToList();

        // Assert
        Assert.Contains("The share of staff on track (%) stayed at 40 from 2021/22 to 2022/23.", sentences);
        Assert.Contains("The share of staff on track (%) fell from 40 in 2022/23 to 25 in 2023/24 (-15).", sentences);
        foreach (var sentence in sentences)
        {
            foreach (var word in new[] { "because", "caused", "led to", "due to", "result of" })
            {
                Assert.DoesNotContain(word, sentence, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
