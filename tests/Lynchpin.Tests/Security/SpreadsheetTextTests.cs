namespace Lynchpin.Tests.Security;

/// <summary>The one helper every CSV and XLSX export writes its text through.</summary>
public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=cmd", "'\t=cmd")]
    [InlineData("\r=cmd", "'\r=cmd")]
    [InlineData("Head of Maths", "Head of Maths")]
    [InlineData("A = B", "A = B")]
    [InlineData("", "")]
    public void Safe_TextStartingLikeAFormula_GetsAnApostrophe(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Safe(text));
}
