using System.Text;

namespace Lynchpin.Core.Kernel;

/// <summary>
/// Text written into a CSV or XLSX export: the one way every export writes its cells. A value a person typed that starts
/// with = + - @, a tab or a carriage return would be read by Excel or LibreOffice as a formula (a link that sends data
/// away, a command); an apostrophe in front makes it text (OWASP's advice on CSV injection), a negative number included:
/// "-2" is written '-2 rather than telling numbers from formulas. Numbers the app writes itself are not text and are not
/// passed through here. CSV is RFC 4180: a cell with
/// a comma, a quote or a line break is quoted, lines end CRLF. (In an XLSX, ClosedXML stores the apostrophe as Excel's
/// quote prefix: the cell shows the text as typed.)
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The text, neutralised: an apostrophe in front when it would start a formula.</summary>
    public static string Safe(string? text) =>
        string.IsNullOrEmpty(text) ? ""
        : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text
        : text;

    /// <summary>One CSV cell: <see cref="Safe"/>, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string CsvField(string? text)
    {
        var cell = Safe(text);
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    /// <summary>One CSV line, its CRLF included.</summary>
    public static string CsvLine(IEnumerable<string?> fields) => string.Join(',', fields.Select(CsvField)) + "\r\n";

    /// <summary>A CSV table: its header then a line a row.</summary>
    public static string Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var csv = new StringBuilder(CsvLine(header));
        foreach (var row in rows)
        {
            csv.Append(CsvLine(row));
        }
        return csv.ToString();
    }
}
