using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pupils;

namespace Lynchpin.Core.Coaching;

/// <summary>One pupil's year: their sessions summed over the year's periods, the suspensions starting in it, and their authority.</summary>
public sealed record PupilYear(int PupilId, int Year, Sessions Sessions, int Suspensions, string? LaCode = null);

/// <summary>
/// A cohort's figure for a year: how many pupils, the value (a percentage) and its 95 % interval. Below
/// <see cref="ImpactCalculator.MinimumCohort"/> pupils the value and interval are withheld: too few to compare, and too
/// few to publish without pointing at a child.
/// </summary>
public sealed record CohortFigure(int Year, int N, decimal? Value, Interval? Interval)
{
    public bool TooFew => N < ImpactCalculator.MinimumCohort;

    public decimal? Low => Interval is { } i ? Math.Round((decimal)i.Low, 1) : null;

    public decimal? High => Interval is { } i ? Math.Round((decimal)i.High, 1) : null;
}

/// <summary>A published figure to compare with: England's or a local authority's, for a year; no value where it is suppressed.</summary>
public sealed record ReferenceFigure(string Scope, string? LaCode, string? AreaName, int Year, decimal? Value, string? Symbol)
{
    public const string National = "national";
    public const string LocalAuthority = "local-authority";
}

/// <summary>
/// The impact arithmetic, with the DfE's definitions:
/// <list type="bullet">
/// <item>The cohort of a year is the school's pupils ever flagged looked-after who have attendance in that year.</item>
/// <item>Attendance = Σ sessions attended ÷ Σ sessions possible over the cohort, as a percentage (reference: 100 − pt_overall).</item>
/// <item>Persistent absence = the share of the cohort missing 10 % or more of their own sessions (reference: pt_pupils_pa_10_exact).</item>
/// <item>Suspensions = the share of the cohort with one or more suspensions starting in the year (no reference column in
/// the absence file).</item>
/// <item>The baseline is the year before the school's first year in a coach's caseload.</item>
/// </list>
/// Values are rounded to one decimal, as the DfE publishes them.
/// </summary>
public static class ImpactCalculator
{
    public const int MinimumCohort = 5;

    /// <summary>The year before the school's first caseload year, or null if it has never been in one.</summary>
    public static int? BaselineYear(IEnumerable<int> caseloadYears) =>
        caseloadYears.Select(y => (int?)y).Min() is { } first ? first - 1 : null;

    /// <summary>The cohort's figure for <paramref name="year"/> from its pupils' years (other years' rows are ignored).</summary>
    public static CohortFigure Figure(ImpactMeasure measure, int year, IEnumerable<PupilYear> pupils)
    {
        var cohort = pupils.Where(p => p.Year == year && p.Sessions.Possible > 0)
            .GroupBy(p => p.PupilId)
            .Select(g => new PupilYear(g.Key, year, Sessions.Sum(g.Select(p => p.Sessions)), g.Sum(p => p.Suspensions), g.First().LaCode))
            .ToList();
        var n = cohort.Count;
        if (n < MinimumCohort)
        {
            return new CohortFigure(year, n, null, null);
        }
        return measure switch
        {
            ImpactMeasure.Attendance => new CohortFigure(year, n,
                Round(AttendanceMaths.CohortAttendance(cohort.Select(p => p.Sessions))),
                Intervals.RatioOfSums(cohort.Select(p => (p.Sessions.Attended, p.Sessions.Possible)).ToList())),
            ImpactMeasure.PersistentAbsence => Share(year, n, cohort.Count(p => AttendanceMaths.IsPersistentlyAbsent(p.Sessions))),
            ImpactMeasure.Suspensions => Share(year, n, cohort.Count(p => p.Suspensions > 0)),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
        };
    }

    /// <summary>
    /// The published figures for the measure in <paramref name="years"/>: England's, and each of <paramref name="laCodes"/>'
    /// authorities' (matched by either code), for looked-after children (12 months at 31 March), all phases. A year or
    /// authority the file does not have is left out; a suppressed figure is kept with no value.
    /// </summary>
    public static IReadOnlyList<ReferenceFigure> References(ImpactMeasure measure, IEnumerable<int> years, IEnumerable<string> laCodes,
        IEnumerable<OutcomeReference> published, LaCodes codes)
    {
        var column = measure switch
        {
            ImpactMeasure.Attendance => OutcomeReferenceRow.OverallAbsence,
            ImpactMeasure.PersistentAbsence => OutcomeReferenceRow.PersistentAbsence,
            _ => null,
        };
        if (column is null)
        {
            return [];
        }
        var wantedYears = years.Distinct().Order().ToList();
        var authorities = laCodes.Distinct().ToList();
        var rows = published.Where(r => r.Measure == column && r.SocialCareGroup == OutcomeReferenceRow.LookedAfterGroup
            && r.Phase == OutcomeReferenceRow.TotalPhase && wantedYears.Contains(r.Year)).ToList();
        var figures = new List<ReferenceFigure>();
        foreach (var year in wantedYears)
        {
            if (rows.FirstOrDefault(r => r.Year == year && r.Level == ReferenceLevel.National) is { } england)
            {
                figures.Add(ToFigure(ReferenceFigure.National, null, england, measure));
            }
            var local = rows.Where(r => r.Year == year && r.Level == ReferenceLevel.LocalAuthority
                    && authorities.Any(code => codes.SameAuthority(code, r.AreaCode) || (r.OldLaCode is not null && codes.SameAuthority(code, r.OldLaCode))))
                .OrderBy(r => r.AreaCode, StringComparer.Ordinal);
            figures.AddRange(local.Select(r => ToFigure(ReferenceFigure.LocalAuthority, r.AreaCode, r, measure)));
        }
        return figures;
    }

    public static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;

    private static CohortFigure Share(int year, int n, int count) =>
        new(year, n, Round(100m * count / n), Intervals.Wilson(count, n));

    private static ReferenceFigure ToFigure(string scope, string? laCode, OutcomeReference row, ImpactMeasure measure)
    {
        // The file gives absence; attendance is what is left of the sessions.
        var value = measure == ImpactMeasure.Attendance && row.Value is { } absence ? 100m - absence : row.Value;
        return new ReferenceFigure(scope, laCode, row.AreaName, row.Year, value, row.Symbol);
    }
}
