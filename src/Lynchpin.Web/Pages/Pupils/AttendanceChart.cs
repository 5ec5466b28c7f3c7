using System.Text.Json;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Web.Pages.Pupils;

/// <summary>
/// A line chart of attendance (%) with the 90 % persistent-absence line, as the JSON wwwroot/js/attendance-charts.js
/// draws. The page shows the same numbers in a table beside it.
/// </summary>
public static class AttendanceChart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public sealed record Series(string Label, IReadOnlyList<decimal?> Data);

    // System.Text.Json escapes <, > and & by default, so the JSON is safe inside a <script> block.
    /// <param name="type">"line" for a measure over time; "bar" for schools side by side, which have no order to join.</param>
    public static string Json(IReadOnlyList<string> labels, IReadOnlyList<Series> series, string type = "line") =>
        JsonSerializer.Serialize(new { labels, series, line = AttendanceMaths.PersistentAbsenceLine, type }, Options);
}
