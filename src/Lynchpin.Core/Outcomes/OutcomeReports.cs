using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Outcomes;

/// <summary>A published figure as stored: a number, or missing with the file's marker.</summary>
public sealed record Figure(decimal? Value, string? Marker);

/// <summary>One school year of a school: its published figures by measure code, and Lynchpin's measures of its staff.</summary>
public sealed record OutcomeYear(int Year, IReadOnlyDictionary<string, Figure> Figures, LynchpinMeasures Measures)
{
    public decimal? this[string code] => Figures.TryGetValue(code, out var f) ? f.Value : null;

    /// <summary>Support staff (TAs, other support and auxiliary) as a percentage of the census workforce, by headcount.</summary>
    public decimal? SupportShare => this[OutcomeMeasures.WorkforceHeadcount] is > 0 and var all
        && this[OutcomeMeasures.TasHeadcount] is { } tas && this[OutcomeMeasures.SupportHeadcount] is { } other
            ? Math.Round(100 * (tas + other + (this[OutcomeMeasures.AuxiliaryHeadcount] ?? 0)) / all, 1)
            : null;

    public YearFigure Headline(string code) => OutcomeMeasures.Get(code) is { Low: { } low, High: { } high }
        ? new YearFigure(Year, this[code], this[low], this[high])
        : new YearFigure(Year, this[code]);
}

/// <summary>A school's outcomes year by year beside its Lynchpin measures, and the sentences that describe the changes.</summary>
/// <param name="Stage">Which performance tables the school has figures in (KS4 before KS2); null for none.</param>
public sealed record SchoolOutcomeReport(School School, OutcomeFile? Stage, IReadOnlyList<OutcomeYear> Years, IReadOnlyList<string> Sentences)
{
    /// <summary>The progress measures with intervals the school's stage has: Progress 8, or KS2 reading, writing and maths.</summary>
    public IReadOnlyList<string> ProgressMeasures => Stage == OutcomeFile.Ks2
        ? [OutcomeMeasures.ReadProgress, OutcomeMeasures.WritingProgress, OutcomeMeasures.MathsProgress]
        : [OutcomeMeasures.P8];
}

/// <summary>One school of a trust in the comparison.</summary>
public sealed record TrustOutcomeRow(School School, OutcomeYear Year);

/// <summary>A trust's schools side by side for one year, the trust's figures weighted by pupils, and one scatter.</summary>
public sealed record TrustOutcomeReport(int Year, IReadOnlyList<TrustOutcomeRow> Schools, IReadOnlyDictionary<string, decimal?> TrustFigures,
    string X, string Y, IReadOnlyList<(School School, double X, double Y)> Points, Correlation Correlation);

/// <summary>Reads the outcomes pages' and the API's figures: published outcomes beside Lynchpin's measures.</summary>
public class OutcomeReports(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>The measures the trust figures are weighted by: the pupils the measure counts.</summary>
    public static string PupilsFor(string code) => OutcomeMeasures.Get(code).File switch
    {
        OutcomeFile.Ks4 => OutcomeMeasures.Ks4Pupils,
        OutcomeFile.Ks2 => OutcomeMeasures.Ks2Pupils,
        OutcomeFile.Attendance => OutcomeMeasures.Enrolments,
        _ => OutcomeMeasures.Ks4Pupils,
    };

    /// <summary>The outcomes the trust comparison shows and weighs, in column order.</summary>
    public static IReadOnlyList<string> TrustOutcomes { get; } =
    [
        OutcomeMeasures.P8, OutcomeMeasures.Att8, OutcomeMeasures.Basics94, OutcomeMeasures.RwmExpected, OutcomeMeasures.ReadProgress,
        OutcomeMeasures.MathsProgress, OutcomeMeasures.OverallAbsence, OutcomeMeasures.PersistentAbsence,
    ];

    public async Task<SchoolOutcomeReport> ForSchoolAsync(School school, CancellationToken ct)
    {
        var figures = await db.SchoolOutcomes.AsNoTracking().Where(o => o.SchoolId == school.Id).ToListAsync(ct);
        var years = figures.Select(f => f.Year).Distinct().OrderBy(y => y).ToList();
        if (years.Count == 0)
        {
            var last = SchoolYear.Of(clock.Today) - 1;
            years = [last - 2, last - 1, last];
        }
        var measures = await LynchpinMeasures.ForAsync(db, [school.Id], years, ct);
        var rows = years.Select(y => new OutcomeYear(y, Figures(figures.Where(f => f.Year == y)), measures[(school.Id, y)])).ToList();
        var stage = figures.Any(f => OutcomeMeasures.Get(f.Measure).File == OutcomeFile.Ks4) ? OutcomeFile.Ks4
            : figures.Any(f => OutcomeMeasures.Get(f.Measure).File == OutcomeFile.Ks2) ? OutcomeFile.Ks2 : (OutcomeFile?)null;
        var report = new SchoolOutcomeReport(school, stage, rows, []);
        return report with { Sentences = Sentences(report) };
    }

    public async Task<TrustOutcomeReport> ForTrustAsync(Trust trust, int year, string x, string y, CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => s.TrustId == trust.Id).OrderBy(s => s.Name).ToListAsync(ct);
        var ids = schools.Select(s => s.Id).ToList();
        var figures = await db.SchoolOutcomes.AsNoTracking().Where(o => ids.Contains(o.SchoolId) && o.Year == year).ToListAsync(ct);
        var measures = await LynchpinMeasures.ForAsync(db, ids, [year], ct);
        var rows = schools.Select(s => new TrustOutcomeRow(s, new OutcomeYear(year, Figures(figures.Where(f => f.SchoolId == s.Id)), measures[(s.Id, year)]))).ToList();
        var trustFigures = TrustOutcomes.ToDictionary(code => code,
            code => OutcomeStatistics.WeightedByPupils(rows.Select(r => (r.Year[code], r.Year[PupilsFor(code)]))) is { } v ? Math.Round(v, 2) : (decimal?)null);
        var points = rows
            .Select(r => (r.School, X: r.Year.Measures.ByCode.GetValueOrDefault(x), Y: r.Year[y]))
            .Where(p => p.X is not null && p.Y is not null)
            .Select(p => (p.School, (double)p.X!.Value, (double)p.Y!.Value))
            .ToList();
        var correlation = OutcomeStatistics.Pearson(points.Select(p => (p.Item2, p.Item3)).ToList());
        return new TrustOutcomeReport(year, rows, trustFigures, x, y, points, correlation);
    }

    private static Dictionary<string, Figure> Figures(IEnumerable<SchoolOutcome> figures) =>
        figures.ToDictionary(f => f.Measure, f => new Figure(f.Value, f.Marker));

    /// <summary>Sentences for the school's progress measures and attainment, and for its Lynchpin measures.</summary>
    private static IReadOnlyList<string> Sentences(SchoolOutcomeReport report)
    {
        var sentences = new List<string>();
        foreach (var code in report.ProgressMeasures)
        {
            sentences.AddRange(OutcomeSentences.Changes(OutcomeMeasures.Get(code).Label, report.Years.Select(y => y.Headline(code)).ToList(), zeroIsAverage: true));
        }
        var attainment = report.Stage == OutcomeFile.Ks2 ? OutcomeMeasures.RwmExpected : OutcomeMeasures.Att8;
        sentences.AddRange(OutcomeSentences.Changes(OutcomeMeasures.Get(attainment).Label, report.Years.Select(y => y.Headline(attainment)).ToList(), "0.0"));
        sentences.AddRange(OutcomeSentences.Changes("the mean profile stage at checkpoint 4",
            report.Years.Select(y => new YearFigure(y.Year, y.Measures.MeanStage)).ToList(), "0.0"));
        sentences.AddRange(OutcomeSentences.Changes("the share of staff with a pupil-progress objective on track at the final review (%)",
            report.Years.Select(y => new YearFigure(y.Year, y.Measures.ShareOnTrack)).ToList(), "0"));
        if (sentences.Count > 0)
        {
            sentences.Add("These figures are set side by side; they show what changed, not why.");
        }
        return sentences;
    }
}
