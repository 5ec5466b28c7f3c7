using System.Globalization;
using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Outcomes;

/// <summary>A figure for one year, with its published 95 % interval if it has one.</summary>
public sealed record YearFigure(int Year, decimal? Value, decimal? Low = null, decimal? High = null)
{
    public bool HasInterval => Low is not null && High is not null;
}

/// <summary>
/// Plain sentences about how a figure changed from year to year. They state what the numbers show and how sure they are
/// (an interval that crosses zero, a change within the interval), and never say why: the figures sit beside each other,
/// and nothing here can tell what made one move.
/// </summary>
public static class OutcomeSentences
{
    /// <summary>Words a sentence must never use: each claims a cause the figures cannot show.</summary>
    public static readonly IReadOnlyList<string> CausalWords = ["because", "caused", "led to", "due to", "result of", "thanks to", "drove", "impact of"];

    /// <summary>
    /// One sentence for each pair of consecutive years with figures, and one for each interval that crosses zero
    /// (for a measure whose average is zero, such as Progress 8).
    /// </summary>
    public static IReadOnlyList<string> Changes(string label, IReadOnlyList<YearFigure> figures, string format = "0.00", bool zeroIsAverage = false)
    {
        var sentences = new List<string>();
        var known = figures.Where(f => f.Value is not null).OrderBy(f => f.Year).ToList();
        foreach (var f in known.Where(f => zeroIsAverage && f.HasInterval && f.Low <= 0 && f.High >= 0))
        {
            sentences.Add($"In {SchoolYear.Name(f.Year)} the interval of {label} ({N(f.Low, format)} to {N(f.High, format)}) crosses zero: the figure cannot be told apart from the national average.");
        }
        for (var i = 1; i < known.Count; i++)
        {
            var (before, after) = (known[i - 1], known[i]);
            var change = after.Value!.Value - before.Value!.Value;
            var moved = change == 0 ? "stayed at" : change > 0 ? "rose from" : "fell from";
            var text = change == 0
                ? $"{Capital(label)} {moved} {N(after.Value, format)} from {SchoolYear.Name(before.Year)} to {SchoolYear.Name(after.Year)}."
                : $"{Capital(label)} {moved} {N(before.Value, format)} in {SchoolYear.Name(before.Year)} to {N(after.Value, format)} in {SchoolYear.Name(after.Year)} ({Signed(change, format)}).";
            if (change != 0 && after.HasInterval)
            {
                var half = (after.High!.Value - after.Low!.Value) / 2;
                text += Math.Abs(change) <= half
                    ? $" The change is within the {SchoolYear.Name(after.Year)} interval (±{N(half, format)}), so it may be no more than chance."
                    : $" The change is larger than the {SchoolYear.Name(after.Year)} interval (±{N(half, format)}).";
            }
            sentences.Add(text);
        }
        return sentences;
    }

    private static string N(decimal? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    private static string Signed(decimal value, string format) => (value > 0 ? "+" : "") + value.ToString(format, CultureInfo.InvariantCulture);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
