using Lynchpin.Core.Schools;

namespace Lynchpin.Core.Coaching;

/// <summary>
/// Planned visits for a school's year, spread evenly over the school days of its terms (so each term gets its share by
/// its length), and the caseload's size rules.
/// </summary>
public static class VisitPlanner
{
    /// <summary>Coaches visit each school 12 to 18 times a year.</summary>
    public const int UsualVisitsLow = 12;
    public const int UsualVisitsHigh = 18;

    /// <summary>A coach works with about eleven schools; more is allowed with a warning.</summary>
    public const int UsualCaseload = 11;

    /// <summary>
    /// <paramref name="visits"/> dates on school days of the year's terms, the i-th at the middle of the i-th equal share of
    /// the school days, skipping dates already taken (a visit already planned or made) by moving to the next free school day.
    /// </summary>
    public static IReadOnlyList<DateOnly> Spread(int year, int visits, TermCalendar calendar, IReadOnlySet<DateOnly>? taken = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(visits);
        var days = calendar.TermsOf(year)
            .SelectMany(t => Enumerable.Range(0, t.Ends.DayNumber - t.Starts.DayNumber + 1).Select(t.Starts.AddDays))
            .Where(calendar.IsSchoolDay)
            .Where(d => taken is null || !taken.Contains(d))
            .ToList();
        if (days.Count == 0 || visits == 0)
        {
            return [];
        }
        var dates = new List<DateOnly>();
        for (var i = 0; i < visits && i < days.Count; i++)
        {
            var index = (int)Math.Floor((i + 0.5) * days.Count / visits);
            dates.Add(days[Math.Min(index, days.Count - 1)]);
        }
        return dates.Distinct().ToList();
    }

    /// <summary>What a coach should be told about a caseload of <paramref name="schools"/> schools, or null.</summary>
    public static string? CaseloadWarning(int schools) => schools > UsualCaseload
        ? $"{schools} schools is more than the usual {UsualCaseload}: check the coach has time for {UsualVisitsLow} or more visits to each"
        : null;

    /// <summary>What to say about a school's planned visits outside the usual 12 to 18, or null.</summary>
    public static string? VisitsWarning(int planned) => planned is < UsualVisitsLow or > UsualVisitsHigh
        ? $"{planned} visits is outside the usual {UsualVisitsLow} to {UsualVisitsHigh} a year"
        : null;
}
