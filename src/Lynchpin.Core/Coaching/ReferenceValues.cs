using System.Globalization;

namespace Lynchpin.Core.Coaching;

/// <summary>A published figure: a number, or the symbol the statistics put in its place (then no number).</summary>
public readonly record struct ReferenceValue(decimal? Value, string? Symbol)
{
    public bool IsSuppressed => Value is null;

    /// <summary>How a page shows it: the number, or what the symbol means.</summary>
    public string Display(string format = "0.0") => Value is { } v
        ? v.ToString(format, CultureInfo.InvariantCulture)
        : ReferenceValues.Meaning(Symbol);
}

/// <summary>
/// Reads the cells of the DfE's files as Explore Education Statistics publishes them. Numbers are plain decimals; a value
/// that is not published is one of the EES symbols, kept as missing: <c>c</c> (confidential, suppressed to protect
/// individuals), <c>low</c> (rounds to 0 but is not 0), <c>x</c> (not available), <c>z</c> (not applicable), <c>u</c>
/// (low reliability) and <c>:</c> (not available, older files).
/// </summary>
public static class ReferenceValues
{
    public static IReadOnlyList<string> Symbols { get; } = ["c", "low", "x", "z", "u", ":"];

    public static string SymbolList { get; } = "c, low, x, z, u or :";

    public static bool TryParse(string text, out ReferenceValue value)
    {
        var trimmed = text.Trim();
        if (Symbols.FirstOrDefault(s => string.Equals(s, trimmed, StringComparison.OrdinalIgnoreCase)) is { } symbol)
        {
            value = new ReferenceValue(null, symbol);
            return true;
        }
        if (decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            value = new ReferenceValue(number, null);
            return true;
        }
        value = default;
        return false;
    }

    public static string Meaning(string? symbol) => symbol switch
    {
        "c" => "suppressed (c)",
        "low" => "fewer than 0.5 (low)",
        "x" => "not available (x)",
        "z" => "not applicable (z)",
        "u" => "low reliability (u)",
        ":" => "not available (:)",
        _ => "not published",
    };

    /// <summary>
    /// The school year an EES <c>time_period</c> names, by its start: 202324 is 2023 (2023/24). Six digits whose last two are
    /// the year after the first four.
    /// </summary>
    public static bool TryParseTimePeriod(string text, out int year)
    {
        year = 0;
        var t = text.Trim();
        if (t.Length != 6 || !t.All(char.IsAsciiDigit))
        {
            return false;
        }
        var start = int.Parse(t[..4], CultureInfo.InvariantCulture);
        var end = int.Parse(t[4..], CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end)
        {
            return false;
        }
        year = start;
        return true;
    }
}
