namespace Lynchpin.Tests.Audit;

/// <summary>Cells that a spreadsheet would run as a formula are written as text (issue 11: CSV cells were written raw).</summary>
public class CsvCellsTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain text", "plain text")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Neutral_FormulaStarts_GetAnApostrophe(string? text, string expected) =>
        Assert.Equal(expected, CsvCells.Neutral(text));

    [Fact]
    public void Quoted_ACommaOrQuote_IsQuotedAfterNeutralising() =>
        Assert.Equal("\"'=A1,\"\"x\"\"\"", CsvCells.Quoted("=A1,\"x\""));
}
