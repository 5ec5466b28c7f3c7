using System.Globalization;
using System.Text.Json;
using Lynchpin.Core.Outcomes;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Outcomes;

/// <summary>How the outcomes pages write figures and feed their charts (the numbers of the tables beside them).</summary>
public static class OutcomeView
{
    /// <summary>A figure as a cell: the number, or "–" and what the file had instead.</summary>
    public static string Cell(OutcomeYear year, string code)
    {
        if (!year.Figures.TryGetValue(code, out var figure))
        {
            return "–";
        }
        return figure.Value is { } v ? Number(v, OutcomeMeasures.Get(code)) : figure.Marker is { } m ? $"– ({m})" : "–";
    }

    /// <summary>A measure with its interval: "0.40 (0.16 to 0.64)".</summary>
    public static string WithInterval(OutcomeYear year, string code)
    {
        var measure = OutcomeMeasures.Get(code);
        var cell = Cell(year, code);
        return year[code] is not null && measure.Low is { } low && measure.High is { } high && year[low] is { } l && year[high] is { } h
            ? $"{cell} ({N(l)} to {N(h)})"
            : cell;
    }

    public static string Number(decimal value, OutcomeMeasure measure) =>
        measure.IsPercent ? $"{value.ToString("0.#", CultureInfo.InvariantCulture)}%" : N(value);

    public static string N(decimal? value, string format = "0.##") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    public static string Count(decimal? value, int n) => value is null ? "–" : $"{N(value)} (n = {n})";

    /// <summary>The school chart: each progress measure with its interval (floating bars), and the share on track.</summary>
    public static string SchoolChartJson(SchoolOutcomeReport report) => JsonSerializer.Serialize(new
    {
        labels = report.Years.Select(y => SchoolYear.Name(y.Year)),
        series = report.ProgressMeasures.Select(code => new
        {
            label = OutcomeMeasures.Get(code).Label,
            values = report.Years.Select(y => y.Headline(code).Value),
            intervals = report.Years.Select(y => y.Headline(code) is { HasInterval: true } f ? new[] { f.Low, f.High } : null),
        }),
        measure = new
        {
            label = "Staff with a pupil-progress objective on track at the final review (%)",
            values = report.Years.Select(y => y.Measures.ShareOnTrack),
        },
    });

    public static string ScatterJson(TrustOutcomeReport report, string xLabel, string yLabel) => JsonSerializer.Serialize(new
    {
        xLabel,
        yLabel,
        points = report.Points.Select(p => new { x = p.X, y = p.Y, label = p.School.Name }),
    });

    public static string Correlation(Correlation c) => c.R is not { } r
        ? $"With {c.N} {(c.N == 1 ? "school" : "schools")} having both figures, no correlation can be worked out."
        : c.Low is { } low && c.High is { } high
            ? $"Across {c.N} schools, Pearson's r = {r.ToString("0.00", CultureInfo.InvariantCulture)} (95 % interval {low.ToString("0.00", CultureInfo.InvariantCulture)} to {high.ToString("0.00", CultureInfo.InvariantCulture)}){(low <= 0 && high >= 0 ? "; the interval includes zero, so no association can be claimed" : "")}."
            : $"Across {c.N} schools, Pearson's r = {r.ToString("0.00", CultureInfo.InvariantCulture)}; too few schools for an interval.";
}
