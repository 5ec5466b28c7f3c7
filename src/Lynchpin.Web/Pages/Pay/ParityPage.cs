using System.Globalization;
using System.Text.Json;
using Lynchpin.Core.Pay;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Pay;

/// <summary>
/// What the school and trust parity pages share: the year and base year from the query, the report (with pay figures only
/// when the viewer has pay access, which the report audits) and the chart's numbers.
/// </summary>
public static class ParityPage
{
    /// <summary>The year asked for (this school year by default) and the base year of the cumulative award (three years before).</summary>
    public static (int Year, int BaseYear, string? Error) Years(int? year, int? since, DateOnly today)
    {
        var thisYear = SchoolYear.Of(today);
        if (year is not null and (< 2000 or > 2100) || since is not null and (< 2000 or > 2100))
        {
            return (thisYear, thisYear - 3, "Choose a school year from the list");
        }
        var chosen = year ?? thisYear;
        var baseYear = since ?? chosen - 3;
        return baseYear > chosen ? (chosen, chosen - 3, "The base year must be before the year of the report") : (chosen, baseYear, null);
    }

    /// <summary>CPD hours per head of each group with people, for the chart beside the table.</summary>
    public static string ChartJson(ParityResult report) => JsonSerializer.Serialize(new
    {
        labels = report.Rows.Where(r => r.Headcount > 0).Select(r => r.Name).ToList(),
        values = report.Rows.Where(r => r.Headcount > 0).Select(r => r.CpdHoursPerHead ?? 0m).ToList(),
        valueLabel = "CPD hours per head",
    });

    public static string Percent(decimal? share) => share is decimal s ? (s * 100m).ToString("0.#", CultureInfo.GetCultureInfo("en-GB")) + "%" : "";

    public static string Money(decimal? value) => value is decimal v ? v.ToString("£#,##0", CultureInfo.GetCultureInfo("en-GB")) : "";
}
