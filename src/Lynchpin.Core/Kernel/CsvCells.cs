namespace Lynchpin.Core.Kernel;

/// <summary>Cells of a CSV file that people open in a spreadsheet.</summary>
public static class CsvCells
{
    /// <summary>
    /// The text with a leading apostrophe when it starts as a formula would (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return): a spreadsheet then shows it as text rather than running it (OWASP's advice on CSV injection).
    /// </summary>
    public static string Neutral(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A neutral cell, quoted when it holds a comma, a quote or a line break (RFC 4180).</summary>
    public static string Quoted(string? text)
    {
        var cell = Neutral(text);
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
