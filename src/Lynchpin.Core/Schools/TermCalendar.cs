using Lynchpin.Core.Progression;

namespace Lynchpin.Core.Schools;

/// <summary>The three terms of an English school year.</summary>
public enum TermName
{
    Autumn,
    Spring,
    Summer,
}

/// <summary>
/// One term's dates, first and last day with pupils, and optionally its half-term break (the days off in the middle).
/// <paramref name="Year"/> is the school year it belongs to, named by its start (2025 is 2025/26).
/// </summary>
public sealed record TermDates(int Year, TermName Term, DateOnly Starts, DateOnly Ends, DateOnly? HalfTermStarts = null, DateOnly? HalfTermEnds = null)
{
    public string Label => $"{Term} term {SchoolYear.Name(Year)}";

    public bool Contains(DateOnly date) => date >= Starts && date <= Ends;

    public bool InHalfTerm(DateOnly date) => HalfTermStarts is { } from && HalfTermEnds is { } to && date >= from && date <= to;
}

/// <summary>
/// A school's terms and school days. Where the school has given its term dates for a year, a school day is a weekday in
/// one of its terms outside the half-term break; for a year without them, every weekday is a school day and the terms
/// are the usual ones (<see cref="DefaultTerms"/>). Bank holidays and INSET days are not known, so they count as school
/// days (a statutory deadline in school days is then never later than the true one).
/// </summary>
public sealed class TermCalendar
{
    private readonly Dictionary<int, IReadOnlyList<TermDates>> stored;

    public TermCalendar(IEnumerable<TermDates>? terms = null)
    {
        stored = (terms ?? []).GroupBy(t => t.Year)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TermDates>)g.OrderBy(t => t.Starts).ToList());
    }

    /// <summary>A calendar of weekdays and the usual terms, for a school that has given no term dates.</summary>
    public static TermCalendar Weekdays { get; } = new();

    public bool HasTermDates(int year) => stored.ContainsKey(year);

    /// <summary>
    /// The usual terms when a school has not given its own: autumn 1 September to 20 December, spring January to March,
    /// summer 1 April to 20 July (the split of the progression checkpoints' "end of term" dates). The days between count
    /// with the term before them.
    /// </summary>
    public static IReadOnlyList<TermDates> DefaultTerms(int year) =>
    [
        new(year, TermName.Autumn, new DateOnly(year, 9, 1), new DateOnly(year, 12, 20)),
        new(year, TermName.Spring, new DateOnly(year + 1, 1, 1), new DateOnly(year + 1, 3, 31)),
        new(year, TermName.Summer, new DateOnly(year + 1, 4, 1), new DateOnly(year + 1, 7, 20)),
    ];

    public IReadOnlyList<TermDates> TermsOf(int year) => stored.GetValueOrDefault(year) ?? DefaultTerms(year);

    public static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public bool IsSchoolDay(DateOnly date)
    {
        if (!IsWeekday(date))
        {
            return false;
        }
        // A date in early September before term starts belongs to the school year that is ending.
        var year = SchoolYear.Of(date);
        return !stored.TryGetValue(year, out var terms) || terms.Any(t => t.Contains(date) && !t.InHalfTerm(date));
    }

    /// <summary>
    /// The <paramref name="days"/>th school day after <paramref name="from"/> (which does not count): 10 school days after a
    /// Monday in term, with no break, is the Monday two weeks later.
    /// </summary>
    public DateOnly AddSchoolDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsSchoolDay(date))
            {
                counted++;
            }
        }
        return date;
    }

    /// <summary>The school days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public int SchoolDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (IsSchoolDay(date))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// The term a date falls in; a date in a holiday belongs to the term that has just ended (so work done in the Easter
    /// holiday counts for the spring term).
    /// </summary>
    public TermDates TermOf(DateOnly date)
    {
        var year = SchoolYear.Of(date);
        var candidates = TermsOf(year - 1).Concat(TermsOf(year));
        return candidates.Where(t => t.Starts <= date).MaxBy(t => t.Starts)!;
    }

    /// <summary>The term after <paramref name="term"/>: the next of its year, or the autumn term of the next year.</summary>
    public TermDates NextTerm(TermDates term)
    {
        var terms = TermsOf(term.Year);
        var later = terms.Where(t => t.Starts > term.Starts).MinBy(t => t.Starts);
        return later ?? TermsOf(term.Year + 1)[0];
    }

    /// <summary>The last day a date in <paramref name="term"/> may fall on: the day before the next term starts.</summary>
    public DateOnly LastDayOf(TermDates term) => NextTerm(term).Starts.AddDays(-1);

    /// <summary>
    /// What is wrong with one year's term dates as a school gave them, or nothing: each term must start before it ends, in
    /// its school year, with its break inside it, and the terms must not overlap or repeat.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyCollection<TermDates> terms)
    {
        var problems = new List<string>();
        foreach (var t in terms)
        {
            if (t.Ends < t.Starts)
            {
                problems.Add($"The {t.Label} ends ({Dates.Long(t.Ends)}) before it starts ({Dates.Long(t.Starts)})");
            }
            if (SchoolYear.Of(t.Starts) != t.Year)
            {
                problems.Add($"The {t.Label} starts on {Dates.Long(t.Starts)}, outside the school year {SchoolYear.Name(t.Year)}");
            }
            if ((t.HalfTermStarts is null) != (t.HalfTermEnds is null))
            {
                problems.Add($"The {t.Label} needs both the first and the last day of its half-term break, or neither");
            }
            else if (t.HalfTermStarts is { } from && t.HalfTermEnds is { } to && (to < from || from < t.Starts || to > t.Ends))
            {
                problems.Add($"The {t.Label}'s half-term break ({Dates.Long(from)} to {Dates.Long(to)}) must fall inside the term, first day first");
            }
        }
        foreach (var repeated in terms.GroupBy(t => (t.Year, t.Term)).Where(g => g.Count() > 1))
        {
            problems.Add($"The {repeated.First().Label} is given {repeated.Count()} times");
        }
        var ordered = terms.OrderBy(t => t.Starts).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Starts <= ordered[i - 1].Ends)
            {
                problems.Add($"The {ordered[i].Label} starts before the {ordered[i - 1].Label} ends");
            }
        }
        return problems;
    }
}
