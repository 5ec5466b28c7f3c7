using System.Globalization;

namespace Lynchpin.Core.Kernel;

/// <summary>
/// Writes CSV the way every export should: RFC 4180 quoting, CRLF lines, and text that a spreadsheet would run as a
/// formula (starting with =, +, -, @, tab or carriage return) prefixed with an apostrophe so it stays text.
/// </summary>
public static class CsvText
{
    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    /// <summary>A table: its header row then one line a row.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Line(header) + string.Concat(rows.Select(Line));
}
