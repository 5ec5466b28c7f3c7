using Lynchpin.Core.Pupils;

namespace Lynchpin.Tests.Pupils;

public class PupilFlagsTests
{
    [Fact]
    public void ParseList_SemicolonSeparatedCodesInAnyCase_GivesTheFlags()
    {
        var (flags, problem) = PupilFlags.ParseList(" Looked-After ; pupil-premium;;ehcp;pupil-premium ");

        Assert.Null(problem);
        Assert.Equal([PupilFlag.LookedAfter, PupilFlag.Ehcp, PupilFlag.PupilPremium], flags.Order());
    }

    [Fact]
    public void ParseList_Empty_IsNoFlags()
    {
        var (flags, problem) = PupilFlags.ParseList("");

        Assert.Null(problem);
        Assert.Empty(flags);
    }

    [Fact]
    public void ParseList_UnknownCodes_NamesEachAndListsTheCodes()
    {
        var (_, problem) = PupilFlags.ParseList("looked-after;cla;fsm");

        Assert.NotNull(problem);
        Assert.Contains("\"cla\", \"fsm\" are not flags", problem);
        Assert.Contains(PupilFlags.AllCodes, problem);
    }

    [Fact]
    public void ParseList_InCareAndPreviouslyInCare_IsRefused()
    {
        var (_, problem) = PupilFlags.ParseList("looked-after;previously-looked-after");

        Assert.Contains("both", problem);
    }

    [Fact]
    public void Format_EveryFlag_RoundTripsThroughParseList()
    {
        var all = Enum.GetValues<PupilFlag>().Where(f => f != PupilFlag.PreviouslyLookedAfter).ToHashSet();

        var (flags, problem) = PupilFlags.ParseList(PupilFlags.Format(all));

        Assert.Null(problem);
        Assert.Equal(all.Order(), flags.Order());
        Assert.Equal("looked-after;child-in-need;child-protection;sen-support;ehcp;pupil-premium", PupilFlags.Format(all));
    }
}
