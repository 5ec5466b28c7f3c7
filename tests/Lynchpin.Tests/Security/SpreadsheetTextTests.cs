namespace Lynchpin.Tests.Security;

/// <summary>The one helper every CSV and XLSX export writes its text through (issue 11: rota CSV cells were written raw).</summary>
public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=cmd", "'\t=cmd")]
    [InlineData("\r=cmd", "'\r=cmd")]
    [InlineData("Head of Maths", "Head of Maths")]
    [InlineData("A = B", "A = B")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Safe_TextStartingLikeAFormula_GetsAnApostrophe(string? text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Safe(text));

    [Fact]
    public void CsvField_ACommaOrQuote_IsQuotedAfterNeutralising() =>
        Assert.Equal("\"'=A1,\"\"x\"\"\"", SpreadsheetText.CsvField("=A1,\"x\""));

    [Fact]
    public void Csv_HeaderAndRows_AreCrlfLinesOfNeutralCells() =>
        Assert.Equal("a,b\r\n'@x,\"1,2\"\r\n", SpreadsheetText.Csv(["a", "b"], [["@x", "1,2"]]));
}
