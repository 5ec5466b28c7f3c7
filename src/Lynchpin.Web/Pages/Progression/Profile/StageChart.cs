using System.Text.Json;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Progression.Profile;

/// <summary>
/// A stacked bar chart of people per stage, as the JSON that wwwroot/js/profile-charts.js draws:
/// one bar per label, one series per stage 0-6 and one for "Not assessed". The page puts the same numbers in a table.
/// </summary>
public static class StageChart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="stageNames">The framework's names of stages 0 to 6.</param>
    /// <param name="percent">Bars as percentages of those in post (to compare schools of different sizes) rather than people.</param>
    /// <param name="horizontal">Bars along the page, for long labels such as school names.</param>
    public static string Json(IReadOnlyList<string> labels, IReadOnlyList<StageDistribution> bars, IReadOnlyList<string> stageNames,
        bool percent = false, bool horizontal = false)
    {
        double Value(StageDistribution d, int count) => percent ? Math.Round(d.PercentOfInPost(count), 1) : count;

        var series = Enumerable.Range(0, StageDistribution.StageCount)
            .Select(stage => new Series($"{stage} {stageNames[stage]}", bars.Select(d => Value(d, d.Stages[stage])).ToList()))
            .Append(new Series("Not assessed", bars.Select(d => Value(d, d.NotAssessed)).ToList()))
            .ToList();
        // System.Text.Json escapes <, > and & by default, so the JSON is safe inside a <script> block.
        return JsonSerializer.Serialize(new Chart(labels, series, percent ? "% of staff in post" : "People", percent, horizontal), Options);
    }

    private sealed record Series(string Label, IReadOnlyList<double> Data);

    private sealed record Chart(IReadOnlyList<string> Labels, IReadOnlyList<Series> Series, string ValueLabel, bool Percent, bool Horizontal);
}
