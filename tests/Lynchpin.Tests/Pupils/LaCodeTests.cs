using Lynchpin.Core.Pupils;

namespace Lynchpin.Tests.Pupils;

public class LaCodeTests
{
    [Theory]
    [InlineData("341", "341", LaCodeKind.Old)]
    [InlineData(" 999 ", "999", LaCodeKind.Old)]
    [InlineData("E08000012", "E08000012", LaCodeKind.New)]
    [InlineData("e09000033", "E09000033", LaCodeKind.New)]
    [InlineData("W06000015", "W06000015", LaCodeKind.New)]
    public void TryParse_OldAndNewCodes_AreRead(string text, string value, LaCodeKind kind)
    {
        Assert.True(LaCode.TryParse(text, out var code));
        Assert.Equal(new LaCode(value, kind), code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("34")]
    [InlineData("3411")]
    [InlineData("34A")]
    [InlineData("E0800001")]
    [InlineData("X08000012")]
    [InlineData("E0800001Z")]
    [InlineData("E92000001")]
    [InlineData("E12000002")]
    public void TryParse_OtherText_IsNotACode(string text)
    {
        Assert.False(LaCode.TryParse(text, out _));
        Assert.NotNull(LaCode.Problem("la_code", text));
    }

    [Fact]
    public void Problem_EnglandsCode_SaysItIsACountry()
    {
        Assert.Contains("country's or region's", LaCode.Problem("la_code", "E92000001"));
    }

    [Fact]
    public void SameAuthority_OldAndNewCodesOfAKnownPair_Match()
    {
        var codes = new LaCodes([("341", "E08000012"), ("999", "E99999999")]);

        Assert.True(codes.SameAuthority("341", "E08000012"));
        Assert.True(codes.SameAuthority("e08000012", "341"));
        Assert.True(codes.SameAuthority("341", "341"));
        Assert.False(codes.SameAuthority("341", "999"));
        Assert.False(codes.SameAuthority("341", "E99999999"));
        Assert.False(codes.SameAuthority(null, "341"));
        Assert.Equal("E08000012", codes.NewCodeOf("341"));
        Assert.Equal("341", codes.OldCodeOf("E08000012"));
    }

    [Fact]
    public void SameAuthority_NoPairKnown_OnlyTheSameCodeMatches()
    {
        Assert.True(LaCodes.None.SameAuthority("E08000012", "E08000012"));
        Assert.False(LaCodes.None.SameAuthority("341", "E08000012"));
        Assert.Equal("E08000012", LaCodes.None.NewCodeOf("E08000012"));
        Assert.Null(LaCodes.None.OldCodeOf("E08000012"));
    }
}
