using Lynchpin.Core.Coaching;

namespace Lynchpin.Tests.Coaching;

public class ImpactSentencesTests
{
    /// <summary>Words that would say why a figure moved. None may appear, whatever the figures.</summary>
    private static readonly string[] Causal =
        ["caus", "because", "due to", "thanks to", "led to", "leads to", "result", "impact of", "improved by", "helped", "made pupils", "effect of", "drove", "boost"];

    private static readonly CohortFigure Current = new(2025, 12, 94.1m, new Interval(90.24, 97.96));
    private static readonly CohortFigure Baseline = new(2023, 10, 88.0m, null);
    private static readonly ReferenceFigure[] Reference =
    [
        new("national", null, "England", 2023, 86.7m, null),
        new("local-authority", "E99999999", "Exampleshire", 2025, null, "c"),
    ];

    [Fact]
    public void Describe_RiseOutsideTheInterval_GivesFiguresNAndIntervalAndNoCause()
    {
        var sentences = ImpactSentences.Describe(ImpactMeasure.Attendance, "Northfield Academy", Current, Baseline, Reference);

        Assert.Equal(
        [
            "In 2025/26, attendance for the 12 pupils flagged looked-after at Northfield Academy was 94.1 % (95 % interval 90.2 % to 98.0 %).",
            "In 2023/24, the year before coaching began, it was 88.0 % for 10 pupils.",
            "That is 6.1 percentage points higher than the baseline.",
            "The baseline lies outside this year's interval, so chance alone would rarely give a difference this size; the figures do not say what did.",
            "The two years' pupils are not all the same children.",
            "In England, the published figure for children looked after for 12 months was 86.7 % in 2023/24.",
            "In Exampleshire, the published figure for 2025/26 is suppressed (c).",
            ImpactSentences.NotWhy,
        ], sentences);
    }

    [Fact]
    public void Describe_BaselineInsideTheInterval_SaysChanceCouldExplainIt()
    {
        var sentences = ImpactSentences.Describe(ImpactMeasure.Attendance, "Brookside", Current, Baseline with { Value = 92.0m }, []);

        Assert.Contains("The baseline lies inside this year's interval: with so few pupils, a difference this size could arise by chance alone.", sentences);
        Assert.Contains("No published figures for these years have been imported.", sentences);
    }

    [Fact]
    public void Describe_TooFewPupils_SaysSoAndGivesNoFigure()
    {
        var sentences = ImpactSentences.Describe(ImpactMeasure.PersistentAbsence, "Brookside", new CohortFigure(2025, 3, null, null),
            new CohortFigure(2023, 4, null, null), []);

        Assert.Equal("In 2025/26, 3 pupils flagged looked-after at Brookside had attendance recorded: too few to compare.", sentences[0]);
        Assert.Equal("In 2023/24, the year before coaching began, there were 4 pupils: too few to compare.", sentences[1]);
        Assert.DoesNotContain(sentences, s => s.Contains("percentage points", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_AnyFigures_NeverClaimACause()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var measure = ImpactMeasures.InOrder[random.Next(3)];
            var n = random.Next(0, 40);
            var value = Math.Round((decimal)(random.NextDouble() * 100), 1);
            var current = new CohortFigure(2025, n, n < 5 ? null : value, n < 5 ? null : new Interval((double)value - 5, (double)value + 5));
            var baseline = random.Next(3) == 0 ? null : new CohortFigure(2023, random.Next(0, 40), Math.Round((decimal)(random.NextDouble() * 100), 1), null);
            var uncoached = new CohortFigure(2025, random.Next(0, 40), value, null);

            var sentences = ImpactSentences.Describe(measure, "A school", current, baseline, Reference, uncoached);

            foreach (var sentence in sentences)
            {
                Assert.DoesNotContain(Causal, word => sentence.Contains(word, StringComparison.OrdinalIgnoreCase));
            }
            Assert.Equal(ImpactSentences.NotWhy, sentences[^1]);
        }
    }
}
