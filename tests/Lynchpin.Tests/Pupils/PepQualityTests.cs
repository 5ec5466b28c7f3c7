using Lynchpin.Core.Pupils;

namespace Lynchpin.Tests.Pupils;

public class PepQualityTests
{
    private static readonly DateOnly Meeting = new(2026, 2, 10);

    private static PepTargetFacts Smart(decimal? cost = null, string? who = "Designated teacher") =>
        new("Reads at age-related expectations", "Reading opens the curriculum", "Daily 1:1 reading with a TA", who, Meeting.AddDays(60), cost);

    private static PepFacts Good() => new(
        Meeting, "\"I like maths best. I want to go to football club.\"",
        [Smart(cost: 300m), Smart(), Smart()], Meeting.AddDays(90), PreviousTargets: 3, PreviousTargetsEvaluated: 3);

    [Fact]
    public void Check_PepMeetingEveryCheck_IsGreenWithFivePassedReasons()
    {
        var result = PepQuality.Check(Good());

        Assert.Equal(Rag.Green, result.Rating);
        Assert.Equal(5, result.Checks.Count);
        Assert.All(result.Checks, c => Assert.True(c.Passed));
        Assert.Contains(result.Checks, c => c.Reason == "3 SMART targets");
    }

    [Fact]
    public void Check_NoChildsVoice_IsRedWhateverElsePassesAndSaysWhy()
    {
        var result = PepQuality.Check(Good() with { ChildViews = "  " });

        Assert.Equal(Rag.Red, result.Rating);
        var failed = Assert.Single(result.Failed);
        Assert.Equal(PepQuality.ChildsVoice, failed.Name);
        Assert.Contains("in their words", failed.Reason);
    }

    [Fact]
    public void Check_TwoSmartTargets_IsAmberAndNamesWhatTheThirdLacks()
    {
        var pep = Good() with { Targets = [Smart(cost: 300m), Smart(), Smart(who: null) with { ByWhen = Meeting }] };

        var result = PepQuality.Check(pep);

        Assert.Equal(Rag.Amber, result.Rating);
        var failed = Assert.Single(result.Failed);
        Assert.Equal(PepQuality.SmartTargets, failed.Name);
        Assert.Equal("2 SMART targets, 3 needed: target 3 lacks who, a date after the meeting", failed.Reason);
    }

    [Fact]
    public void Check_PreviousTargetsPartlyEvaluatedAndNoPupilPremiumPlus_IsAmberWithBothReasons()
    {
        var pep = Good() with { Targets = [Smart(), Smart(), Smart()], PreviousTargetsEvaluated = 1 };

        var result = PepQuality.Check(pep);

        Assert.Equal(Rag.Amber, result.Rating);
        Assert.Equal(["2 of the 3 previous targets not evaluated", "No target says what pupil premium plus pays for"],
            result.Failed.Select(c => c.Reason));
    }

    [Fact]
    public void Check_ThreeFailures_IsRed()
    {
        var pep = Good() with { Targets = [Smart()], NextPepOn = null };

        var result = PepQuality.Check(pep);

        Assert.Equal(Rag.Red, result.Rating);
        Assert.Equal([PepQuality.SmartTargets, PepQuality.PupilPremiumPlus, PepQuality.NextDate], result.Failed.Select(c => c.Name));
    }

    [Fact]
    public void Check_FirstPep_HasNoPreviousTargetsToEvaluate()
    {
        var result = PepQuality.Check(Good() with { PreviousTargets = 0, PreviousTargetsEvaluated = 0 });

        var previous = result.Checks.Single(c => c.Name == PepQuality.PreviousTargets);
        Assert.True(previous.Passed);
        Assert.Equal("No earlier targets to evaluate", previous.Reason);
    }

    [Fact]
    public void Check_NextDateOnTheMeetingDay_IsNotANextDate()
    {
        var result = PepQuality.Check(Good() with { NextPepOn = Meeting });

        Assert.Equal(PepQuality.NextDate, Assert.Single(result.Failed).Name);
    }
}
