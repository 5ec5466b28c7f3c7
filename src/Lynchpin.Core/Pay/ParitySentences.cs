using System.Globalization;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Pay;

/// <summary>
/// Plain sentences on where support staff and teaching staff differ most, for the top of the report: each measure's
/// difference between the two, largest (relative to the larger value) first, and the support family furthest behind in
/// CPD hours per head. Pay measures only when pay is shown and neither row is suppressed.
/// </summary>
public static class ParitySentences
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private sealed record Measure(string Words, Func<ParityRow, decimal?> Value, Func<decimal, string> Format, bool Pay = false);

    private static readonly IReadOnlyList<Measure> Measures =
    [
        new("CPD hours per head", r => r.CpdHoursPerHead, v => v.ToString("0.00", British)),
        new("CPD spend per head", r => r.CpdCostPerHead, Money),
        new("share holding a level-3 or higher qualification", r => r.Level3PlusShare, Percent),
        new("share with a coach or mentor", r => r.WithCoachShare, Percent),
        new("share with a pupil-progress objective", r => r.WithPupilProgressObjectiveShare, Percent),
        new("share at stage 3 or above of the profile", r => r.Stage3PlusShare, Percent),
        new("mean contracted weeks", r => r.MeanContractedWeeks, v => v.ToString("0.#", British)),
        new("mean FTE salary", r => r.Pay?.MeanFteSalary, Money, Pay: true),
        new("mean actual pay", r => r.Pay?.MeanActualPay, Money, Pay: true),
        new("cumulative pay award", r => r.Pay?.CumulativeAwardPercent, v => v.ToString("0.0", British) + "%", Pay: true),
    ];

    public static IReadOnlyList<string> For(IReadOnlyList<ParityRow> rows, int maxSentences = 3)
    {
        var teaching = rows.Single(r => r.Group == ParityReport.AllTeaching);
        var support = rows.Single(r => r.Group == ParityReport.AllSupport);
        if (teaching.Headcount == 0 || support.Headcount == 0)
        {
            return ["There are not both teaching and support staff to compare."];
        }

        var differences = Measures
            .Select(m => (Measure: m, Teaching: m.Value(teaching), Support: m.Value(support)))
            .Where(d => d.Teaching is not null && d.Support is not null && d.Teaching != d.Support)
            .Select(d => (d.Measure, T: d.Teaching!.Value, S: d.Support!.Value,
                Relative: Math.Abs(d.Teaching!.Value - d.Support!.Value) / Math.Max(Math.Abs(d.Teaching.Value), Math.Abs(d.Support.Value))))
            .OrderByDescending(d => d.Relative).ThenBy(d => Measures.ToList().IndexOf(d.Measure))
            .Take(maxSentences)
            .Select(d => $"{Capitalise(d.Measure.Words)}: support staff {d.Measure.Format(d.S)}, teaching staff {d.Measure.Format(d.T)} " +
                $"({(d.S < d.T ? "support staff lower" : "support staff higher")}).")
            .ToList();
        if (differences.Count == 0)
        {
            differences.Add("Support and teaching staff are level on every measure shown.");
        }

        var families = rows.Where(r => r.Headcount > 0 && r.CpdHoursPerHead is not null
            && RoleFamilies.TryParse(r.Group, out var f) && f.Category() == StaffCategory.Support).ToList();
        var lowest = families.OrderBy(r => r.CpdHoursPerHead).ThenBy(r => r.Group).FirstOrDefault();
        if (lowest is not null && teaching.CpdHoursPerHead is decimal t && lowest.CpdHoursPerHead < t)
        {
            differences.Add($"Fewest CPD hours per head: {lowest.Name.ToLowerInvariant()} staff, {lowest.CpdHoursPerHead!.Value.ToString("0.00", British)} " +
                $"against {t.ToString("0.00", British)} for teaching staff.");
        }
        return differences;
    }

    private static string Money(decimal value) => value.ToString("£#,##0.00", British);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#", British) + "%";

    private static string Capitalise(string words) => char.ToUpperInvariant(words[0]) + words[1..];
}
