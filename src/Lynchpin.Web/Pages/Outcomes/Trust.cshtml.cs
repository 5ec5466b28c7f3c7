using Lynchpin.Core.Outcomes;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Outcomes;

/// <summary>
/// Every school of a trust side by side for one year (its admins): published outcomes with intervals, the census mix and
/// Lynchpin's measures, sortable; the trust's figures weighted by pupils; one Lynchpin measure against one outcome.
/// </summary>
public class TrustModel(OutcomeReports reports) : TrustPageModel
{
    public TrustOutcomeReport Report { get; private set; } = null!;

    /// <summary>The columns the table sorts by: an outcome's or a Lynchpin measure's code, or "name".</summary>
    public string Sort { get; private set; } = "name";

    public bool Descending { get; private set; }

    public static IReadOnlyList<(string Code, string Label)> Outcomes { get; } =
        OutcomeReports.TrustOutcomes.Select(c => (c, OutcomeMeasures.Get(c).Label)).ToList();

    public static IReadOnlyList<(string Code, string Label)> CensusColumns { get; } =
        new[] { OutcomeMeasures.TeachersHeadcount, OutcomeMeasures.TasHeadcount, OutcomeMeasures.TaTeacherRatioFte }.Select(c => (c, OutcomeMeasures.Get(c).Label)).ToList();

    public IReadOnlyList<TrustOutcomeRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? year, string? x, string? y, string? sort, bool desc, CancellationToken ct)
    {
        var chosen = SchoolYear.Of(Today) - 1;
        if (year is not null && !SchoolYear.TryParse(year, out chosen))
        {
            ModelState.AddModelError("year", "The school year must be written like 2023 or 2023/24");
            chosen = SchoolYear.Of(Today) - 1;
        }
        var xCode = LynchpinMeasures.Labels.Any(l => l.Code == x) ? x! : LynchpinMeasures.ShareOnTrackCode;
        var yCode = Outcomes.Any(o => o.Code == y) ? y! : OutcomeMeasures.P8;
        Report = await reports.ForTrustAsync(Trust, chosen, xCode, yCode, ct);
        Sort = sort is not null && Known(sort) ? sort : "name";
        Descending = desc;
        var ordered = Sort == "name"
            ? Report.Schools.OrderBy(r => r.School.Name, StringComparer.OrdinalIgnoreCase)
            // Missing figures last, whichever way.
            : Report.Schools.OrderBy(r => Value(r, Sort) is null).ThenBy(r => desc ? -(Value(r, Sort) ?? 0) : Value(r, Sort) ?? 0);
        Rows = ordered.ThenBy(r => r.School.Name).ToList();
        return PageOrInvalid();
    }

    /// <summary>A school's figure in the column <paramref name="code"/>: a published outcome or census figure, or a Lynchpin measure.</summary>
    public static decimal? Value(TrustOutcomeRow? row, string code) => row is null ? null
        : LynchpinMeasures.Labels.Any(l => l.Code == code) ? row.Year.Measures.ByCode[code] : row.Year[code];

    private static bool Known(string code) => code == "name" || Outcomes.Any(o => o.Code == code) || CensusColumns.Any(c => c.Code == code)
        || LynchpinMeasures.Labels.Any(l => l.Code == code);
}
