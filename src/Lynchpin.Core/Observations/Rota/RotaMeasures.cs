namespace Lynchpin.Core.Observations.Rota;

/// <summary>
/// How well a rota meets the goals, worked out from its visits alone, so the solver's rota, the greedy one and a
/// leader's edited one are measured alike. Spread counts distinct weeks, days, periods and subjects per observer
/// (a repeat is a visit that adds nothing new); pairs are distinct observer–observee pairs. <see cref="Weeks"/> is the
/// checker's spread measure: visits per week of the range, and which weeks fall short of half an even share.
/// </summary>
public sealed record RotaMeasures(
    int VisitsRequested,
    int VisitsMade,
    int Shortfall,
    int MaxObserverShortfall,
    int ObserversShort,
    int DistinctObservees,
    int Observees,
    int FocusVisits,
    int FocusVisitsRequested,
    int DistinctObserverDays,
    int DistinctObserverPeriods,
    int DistinctObserverSubjects,
    int DistinctObserverWeeks,
    int DistinctPairs,
    int MinVisitsPerObservee,
    int MaxVisitsPerObservee,
    IReadOnlyDictionary<ObserverKind, int> VisitsByKind,
    int Observers,
    int DistinctSubjects,
    IReadOnlyList<RotaWeek> Weeks)
{
    public int Spread => DistinctObserverWeeks + DistinctObserverDays + DistinctObserverPeriods + DistinctObserverSubjects;

    /// <summary>Weeks with school days that have fewer than half an even share of the visits.</summary>
    public int WeeksShort => Weeks.Count(w => w.Short);

    /// <summary>Weeks of the range with school days in them.</summary>
    public int TermWeeks => Weeks.Count(w => w.SchoolDays > 0);

    public int RepeatedPairs => VisitsMade - DistinctPairs;

    /// <summary>Most visits to one observee minus fewest (observees never visited count as 0).</summary>
    public int ObserveeSpread => MaxVisitsPerObservee - MinVisitsPerObservee;

    /// <summary>The share of visits made by pastoral and support staff, 0 to 1.</summary>
    public double PastoralAndSupportShare => VisitsMade == 0
        ? 0
        : (double)(VisitsByKind.GetValueOrDefault(ObserverKind.Pastoral) + VisitsByKind.GetValueOrDefault(ObserverKind.Support)) / VisitsMade;

    public static RotaMeasures Of(RotaProblem problem, IReadOnlyCollection<Visit> visits)
    {
        var observers = problem.Observers.ToDictionary(o => o.StaffRef, StringComparer.Ordinal);
        var made = visits.CountBy(v => v.ObserverRef).ToDictionary(StringComparer.Ordinal);
        var shortfalls = problem.Observers.Select(o => Math.Max(0, o.Visits - made.GetValueOrDefault(o.StaffRef))).ToList();
        var perObservee = visits.CountBy(v => v.ObserveeRef).ToDictionary(StringComparer.Ordinal);
        var observeeCounts = problem.Observees.Select(o => perObservee.GetValueOrDefault(o.StaffRef)).ToList();
        var byKind = visits.Where(v => observers.ContainsKey(v.ObserverRef))
            .CountBy(v => observers[v.ObserverRef].Kind).ToDictionary();
        return new RotaMeasures(
            VisitsRequested: problem.Observers.Sum(o => Math.Max(0, o.Visits)),
            VisitsMade: visits.Count,
            Shortfall: shortfalls.Sum(),
            MaxObserverShortfall: shortfalls.DefaultIfEmpty().Max(),
            ObserversShort: shortfalls.Count(s => s > 0),
            DistinctObservees: visits.Select(v => v.ObserveeRef).Distinct(StringComparer.Ordinal).Count(),
            Observees: problem.Observees.Count,
            FocusVisits: visits.Count(v => observers.TryGetValue(v.ObserverRef, out var o) && IsFocus(o, v.YearGroup)),
            FocusVisitsRequested: problem.Observers.Where(o => !string.IsNullOrEmpty(o.FocusYearGroup)).Sum(o => Math.Max(0, o.Visits)),
            DistinctObserverDays: visits.Select(v => (v.ObserverRef, v.Date)).Distinct().Count(),
            DistinctObserverPeriods: visits.Select(v => (v.ObserverRef, v.Period)).Distinct().Count(),
            DistinctObserverSubjects: visits.Select(v => (v.ObserverRef, v.Subject)).Distinct().Count(),
            DistinctObserverWeeks: visits.Select(v => (v.ObserverRef, SchoolCalendar.Monday(v.Date))).Distinct().Count(),
            DistinctPairs: visits.Select(v => (v.ObserverRef, v.ObserveeRef)).Distinct().Count(),
            MinVisitsPerObservee: observeeCounts.DefaultIfEmpty().Min(),
            MaxVisitsPerObservee: observeeCounts.DefaultIfEmpty().Max(),
            VisitsByKind: byKind,
            Observers: problem.Observers.Count(o => o.Visits > 0),
            DistinctSubjects: visits.Select(v => v.Subject).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            Weeks: RotaChecker.Weeks(problem, visits));
    }

    internal static bool IsFocus(Observer observer, string yearGroup) =>
        !string.IsNullOrEmpty(observer.FocusYearGroup) && string.Equals(observer.FocusYearGroup, yearGroup, StringComparison.OrdinalIgnoreCase);
}
