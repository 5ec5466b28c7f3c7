using Lynchpin.Core.Progression;
using Lynchpin.Web.Pages.Progression.Profile;

namespace Lynchpin.Tests.Progression.Profile;

/// <summary>The profile's plain sentences on hand-made numbers: singular and plural, no change, no data.</summary>
public class ProfileSentencesTests
{
    private const int Year = 2025;

    private static CheckpointProfile Checkpoint(int number, int[] stages, int notAssessed = 0) =>
        new(new CheckpointInfo(number, SchoolYear.DefaultDate(Year, number)), new StageDistribution(stages, notAssessed));

    private static readonly int[] Nobody = [0, 0, 0, 0, 0, 0, 0];

    private static SchoolProfile Profile(params CheckpointProfile[] assessed) =>
        new(Year, SchoolYear.Checkpoints.Select(n => assessed.SingleOrDefault(c => c.Checkpoint.Number == n) ?? Checkpoint(n, Nobody, 5)).ToList());

    /// <summary>Movement with <paramref name="up"/> people 2→3, <paramref name="same"/> at 3→3 and <paramref name="down"/> 4→3.</summary>
    private static Transitions Moves(int from, int to, int up, int same, int down)
    {
        var matrix = Enumerable.Range(0, 7).Select(_ => new int[7]).ToArray();
        matrix[2][3] = up;
        matrix[3][3] = same;
        matrix[4][3] = down;
        return new Transitions(from, to, matrix);
    }

    private static CheckpointInfo Info(int number) => new(number, SchoolYear.DefaultDate(Year, number));

    /// <summary>The default framework's stage names.</summary>
    private static readonly IReadOnlyList<string> Names = DefaultFramework.Stages.Select(s => s.Name).ToList();

    /// <summary>After the year: every checkpoint is due.</summary>
    private static readonly DateOnly AfterTheYear = SchoolYear.End(Year);

    private static IReadOnlyList<string> Sentences(SchoolProfile profile, Transitions? movement, DateOnly? today = null) =>
        ProfileSentences.InYear(profile, movement, Names, today ?? AfterTheYear);

    private const string FewFour = "Only 4 people were assessed: with fewer than 5, one person more or less moves the mean and the shares a lot, so read them with care.";

    [Fact]
    public void InYear_NobodyAssessed_SaysSo()
    {
        Assert.Equal(["Nobody has been assessed in 2025/26 yet."], Sentences(Profile(), null));
    }

    [Fact]
    public void InYear_OnlyTheFirstCheckpoint_DescribesItAndSaysThereIsNoChangeYet()
    {
        // Arrange: 4 in post, all assessed: stages 3, 4, 4, 5
        var profile = Profile(Checkpoint(1, [0, 0, 0, 1, 2, 1, 0]));

        // Act
        var sentences = Sentences(profile, null);

        // Assert
        Assert.Equal(
        [
            "In the first six weeks of 2025/26, all 4 people in post were assessed.",
            FewFour,
            "The mean stage was 4.0; 100% of those assessed were at stages 3 to 5 and 25% at stages 5 to 6.",
            "Only the first six weeks has been assessed so far, so there is no change to show yet.",
        ], sentences);
    }

    [Fact]
    public void InYear_OnePersonInPost_IsSingular()
    {
        var sentences = Sentences(Profile(Checkpoint(2, [0, 1, 0, 0, 0, 0, 0])), null);

        Assert.Equal("At the end of autumn term 2025/26, the one person in post was assessed.", sentences[0]);
        Assert.Equal("Only 1 person was assessed: with fewer than 5, one person more or less moves the mean and the shares a lot, so read them with care.", sentences[1]);
        Assert.Equal("1 person was still below stage 3, at stage 1 (Mandatory requirements met): stage 2 (Non-negotiables met) is the next to secure with them.", sentences[3]);
    }

    [Fact]
    public void InYear_SomeNotAssessed_SaysHowManyOfThoseInPost()
    {
        var one = Sentences(Profile(Checkpoint(1, [0, 0, 0, 1, 0, 0, 0], notAssessed: 2)), null);
        var many = Sentences(Profile(Checkpoint(1, [0, 0, 0, 2, 0, 0, 0], notAssessed: 1)), null);

        Assert.Equal("In the first six weeks of 2025/26, 1 of the 3 people in post was assessed; 2 were not.", one[0]);
        Assert.Equal("In the first six weeks of 2025/26, 2 of the 3 people in post were assessed; 1 was not.", many[0]);
    }

    [Fact]
    public void InYear_FromTheFirstCheckpointToTheLatest_StatesMovementAndTheChangeOfEachMeasure()
    {
        // Arrange: ten in post. First six weeks, all assessed: mean 33/10 = 3.3, at 3-5 7/10, at 5-6 2/10.
        // End of spring term, nine assessed: mean 33/9 = 3.7, at 3-5 8/9 = 89%, at 5-6 2/9 = 22%.
        var first = Checkpoint(1, [0, 1, 1, 5, 1, 1, 1]);
        var latest = Checkpoint(3, [0, 0, 1, 3, 3, 2, 0], notAssessed: 1);
        var movement = Moves(1, 3, up: 6, same: 2, down: 1);

        // Act
        var sentences = Sentences(Profile(first, latest), movement);

        // Assert
        Assert.Equal(
        [
            "At the end of spring term 2025/26, 9 of the 10 people in post were assessed; 1 was not.",
            "The mean stage was 3.7; 89% of those assessed were at stages 3 to 5 and 22% at stages 5 to 6.",
            "1 person was still below stage 3, at stage 2 (Non-negotiables met): stage 3 (Establishing) is the next to secure with them.",
            "Since the first six weeks, 6 people moved up a stage and 1 moved down; 2 stayed at the same stage.",
            "Since the first six weeks, the mean stage rose from 3.3 to 3.7.",
            "The share at stages 3 to 5 rose from 70% to 89% and the share at stages 5 to 6 rose from 20% to 22%.",
        ], sentences);
    }

    [Fact]
    public void InYear_MeasuresThatFell_SayFell()
    {
        var sentences = Sentences(Profile(Checkpoint(1, [0, 0, 0, 0, 1, 1, 0]), Checkpoint(2, [0, 0, 0, 1, 1, 0, 0])), Moves(1, 2, 0, 1, 1));

        Assert.Equal("Since the first six weeks, the mean stage fell from 4.5 to 3.5.", sentences[4]);
        Assert.Equal("The share at stages 3 to 5 stayed at 100% and the share at stages 5 to 6 fell from 50% to 0%.", sentences[5]);
    }

    [Theory]
    [InlineData(14, 24, 2, "Since the first six weeks, 14 people moved up a stage and 2 moved down; 24 stayed at the same stage.")]
    [InlineData(1, 0, 1, "Since the first six weeks, 1 person moved up a stage and 1 moved down.")]
    [InlineData(0, 1, 3, "Since the first six weeks, nobody moved up a stage and 3 moved down; 1 stayed at the same stage.")]
    [InlineData(2, 0, 0, "Since the first six weeks, 2 people moved up a stage and nobody moved down.")]
    [InlineData(0, 3, 0, "Since the first six weeks, nobody has moved stage: all 3 people assessed at both checkpoints stayed at the same stage.")]
    [InlineData(0, 1, 0, "Since the first six weeks, nobody has moved stage: the one person assessed at both checkpoints stayed at the same stage.")]
    [InlineData(0, 0, 0, "Nobody was assessed at both the first six weeks and the end of autumn term, so there is no movement to show.")]
    public void Movement_CountsOfPeople_AreWordedForTheirNumber(int up, int same, int down, string expected)
    {
        Assert.Equal(expected, ProfileSentences.Movement("Since the first six weeks", Moves(1, 2, up, same, down), Info(1), Info(2)));
    }

    private static YearDistribution InYear(int year, int[] stages, int notAssessed = 0) =>
        new(year, new CheckpointInfo(4, SchoolYear.DefaultDate(year, 4)), new StageDistribution(stages, notAssessed));

    [Fact]
    public void YearOnYear_NoYearAssessed_SaysSo()
    {
        var years = new[] { InYear(2024, Nobody, 3), InYear(2025, Nobody, 4) };

        Assert.Equal(["Nobody has been assessed at the end of summer term in any of these years."], ProfileSentences.YearOnYear(years));
    }

    [Fact]
    public void YearOnYear_OneYearAssessed_SaysThereIsNothingToCompareWith()
    {
        var years = new[] { InYear(2024, Nobody, 3), InYear(2025, [0, 0, 0, 1, 1, 0, 0]) };

        Assert.Equal(
        [
            "At the end of summer term 2025/26, the mean stage was 3.5; no earlier year has assessments at this checkpoint to compare with.",
            "Only 2 people in 2025/26 were assessed: with fewer than 5, one person more or less moves these figures a lot, so read them with care.",
        ], ProfileSentences.YearOnYear(years));
    }

    [Fact]
    public void YearOnYear_TwoYears_ComparesTheLatestWithTheYearBefore()
    {
        // 2023/24: stages 2, 3, 5, 6 (mean 4.0); 2025/26: 3, 4, 4, 5 (mean 4.0); 2024/25, with nobody assessed, is passed over
        var years = new[] { InYear(2023, [0, 0, 1, 1, 0, 1, 1]), InYear(2024, Nobody, 4), InYear(2025, [0, 0, 0, 1, 2, 1, 0]) };

        var sentences = ProfileSentences.YearOnYear(years);

        Assert.Equal(
        [
            "At the end of summer term 2025/26, the mean stage was 4.0, the same as in 2023/24.",
            "The share at stages 3 to 5 was 100%, up from 50% in 2023/24; at stages 5 to 6 it was 25%, down from 50%.",
            "Only 4 people in 2023/24 and 4 people in 2025/26 were assessed: with fewer than 5, one person more or less moves these figures a lot, so read them with care.",
        ], sentences);
    }

    [Fact]
    public void YearOnYear_ThreeYearsWithADip_ComparesTheLastTwoAndStatesTheWholeSpan()
    {
        var years = new[] { InYear(2023, [0, 0, 0, 2, 2, 0, 0]), InYear(2024, [0, 0, 2, 2, 0, 0, 0]), InYear(2025, [0, 0, 0, 0, 2, 2, 0]) };

        var sentences = ProfileSentences.YearOnYear(years);

        Assert.Equal("At the end of summer term 2025/26, the mean stage was 4.5, up from 2.5 in 2024/25.", sentences[0]);
        Assert.Equal("Over the 3 years from 2023/24 to 2025/26, the mean stage rose from 3.5 to 4.5.", sentences[3]);
    }

    [Fact]
    public void InYear_FiveAllAtStage2_NamesThatStageAndTheNextOneNotTheMandatoryRequirements()
    {
        // The demo's case: five people below stage 3, every one at stage 2, so the non-negotiables are already met.
        var sentences = Sentences(Profile(Checkpoint(1, [0, 0, 5, 10, 3, 0, 0])), null);

        Assert.Equal("5 people were still below stage 3, all at stage 2 (Non-negotiables met): stage 3 (Establishing) is the next to secure with them.", sentences[2]);
        Assert.DoesNotContain(sentences, s => s.Contains("mandatory", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void InYear_BelowStage3AtTwoStages_NamesEachStageAndItsNext()
    {
        var sentences = Sentences(Profile(Checkpoint(1, [2, 0, 3, 5, 0, 0, 0])), null);

        Assert.Equal("5 people were still below stage 3: 2 at stage 0 (Not yet through the mandatory requirements) and 3 at stage 2 (Non-negotiables met); "
            + "the next to secure are stage 1 (Mandatory requirements met) and stage 3 (Establishing) respectively.", sentences[2]);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void InYear_FewerThanFiveAssessed_IsFlagged(int assessed, bool flagged)
    {
        var sentences = Sentences(Profile(Checkpoint(1, [0, 0, 0, assessed, 0, 0, 0], notAssessed: 20)), null);

        Assert.Equal(flagged, sentences.Any(s => s.StartsWith($"Only {assessed} people were assessed: with fewer than 5", StringComparison.Ordinal)));
    }

    [Fact]
    public void InYear_AnEarlyAssessmentAtACheckpointNotYetDue_IsNotTheLatestAndIsSaidApart()
    {
        // Arrange: today is before the end of autumn term; one person was assessed early for it, at stage 6
        var today = SchoolYear.DefaultDate(Year, 2).AddDays(-1);
        var profile = Profile(Checkpoint(1, [0, 0, 0, 5, 5, 0, 0]), Checkpoint(2, [0, 0, 0, 0, 0, 0, 1], notAssessed: 9));

        // Act
        var sentences = Sentences(profile, null, today);

        // Assert
        Assert.Equal("In the first six weeks of 2025/26, all 10 people in post were assessed.", sentences[0]);
        Assert.Equal("The mean stage was 3.5; 100% of those assessed were at stages 3 to 5 and 0% at stages 5 to 6.", sentences[1]);
        Assert.Equal("1 person was assessed early for the end of autumn term, which is not due until 19 December 2025; the sentences above do not count them.", sentences[^1]);
    }

    [Fact]
    public void InYear_NoCheckpointDueYet_SaysWhenTheFirstIs()
    {
        var sentences = Sentences(Profile(), null, new DateOnly(Year, 9, 2));

        Assert.Equal(["No checkpoint of 2025/26 is due yet: the first, the first six weeks, is on 10 October 2025."], sentences);
    }

    [Fact]
    public void Trust_TwoSchoolsOneNotYetDueAndOneWithFew_SaysHowManyWereAssessedAndFlagsBoth()
    {
        // Arrange: the end of autumn term; Brook set a later date than today
        var today = new DateOnly(2025, 12, 19);
        var schools = new List<SchoolDistribution>
        {
            new(1, 100001, "Ash Academy", new CheckpointInfo(2, today), new StageDistribution([0, 0, 1, 10, 5, 2, 0], 2)),
            new(2, 100002, "Brook Primary", new CheckpointInfo(2, today.AddDays(3)), new StageDistribution([0, 0, 0, 1, 0, 0, 0], 9)),
        };

        // Act
        var sentences = ProfileSentences.Trust(schools, Year, today);

        // Assert
        Assert.Equal(
        [
            "At the end of autumn term 2025/26, 19 of the 30 people in post across the trust were assessed: 18 of 20 at Ash Academy and 1 of 10 at Brook Primary.",
            "The end of autumn term is not yet due at Brook Primary (22 December 2025): those not assessed there are not behind.",
            "Fewer than 5 people were assessed at Brook Primary: one person more or less moves a mean or a share there a lot, so compare them with care.",
        ], sentences);
    }

    [Theory]
    [InlineData(1, "In the first six weeks of 2025/26")]
    [InlineData(2, "At the end of autumn term 2025/26")]
    [InlineData(4, "At the end of summer term 2025/26")]
    public void At_EachCheckpoint_ReadsAsPlainEnglish(int checkpoint, string expected)
    {
        Assert.Equal(expected, ProfileSentences.At(Info(checkpoint), Year));
    }
}
