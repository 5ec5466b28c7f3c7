using System.Globalization;

namespace Lynchpin.Core.Observations.Rota;

/// <summary>A school day in a range, with the timetable week it falls in.</summary>
public sealed record SchoolDay(DateOnly Date, TimetableWeek Week);

/// <summary>A lesson on a date: a timetable row that takes place on a school day.</summary>
public sealed record Lesson(DateOnly Date, TimetableWeek Week, TimetableEntry Entry)
{
    public string Period => Entry.Period;

    public string StaffRef => Entry.StaffRef;

    /// <summary>When the lesson starts, in the school's own time.</summary>
    public DateTime Starts => Date.ToDateTime(Entry.Start);

    public Visit VisitBy(string observerRef) => new(
        Date, Week, Entry.Period, Entry.Start, Entry.End, observerRef, Entry.StaffRef,
        Entry.Class, Entry.Subject, Entry.YearGroup, Entry.Room);
}

/// <summary>What a range of dates in the school's calendar is: term, or a time the school is closed to pupils.</summary>
public enum CalendarDayKind
{
    Term,
    Holiday,
    Inset,
    Closure,
}

/// <summary>A range of dates, both included, of one kind: "Autumn term", "Half term", an INSET day, a closure.</summary>
public sealed record CalendarRange(DateOnly Start, DateOnly End, CalendarDayKind Kind, string? Name = null)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>
/// The school's calendar as the rota sees it: its term dates and closures, when week A starts and which dates are
/// blocked (exams, trips). A school day is a weekday in term that is not a holiday, INSET day, closure or blocked.
/// For a school year with no term dates every weekday counts as term (the rota says so). Weeks alternate A, B, A… from
/// the week holding <see cref="WeekAStarts"/>, through holidays too: a school that restarts on week A after a holiday
/// sets the date again for the new term. Without a week-A date every week is <see cref="TimetableWeek.Every"/>.
/// </summary>
public sealed class SchoolCalendar(DateOnly? weekAStarts, IEnumerable<DateOnly>? blocked = null, IEnumerable<CalendarRange>? ranges = null)
{
    public DateOnly? WeekAStarts { get; } = weekAStarts;

    public IReadOnlySet<DateOnly> Blocked { get; } = (blocked ?? []).ToHashSet();

    /// <summary>Term dates and closures, in date order.</summary>
    public IReadOnlyList<CalendarRange> Ranges { get; } = (ranges ?? []).OrderBy(r => r.Start).ThenBy(r => r.Kind).ToList();

    public TimetableWeek WeekOf(DateOnly date)
    {
        if (WeekAStarts is not { } start)
        {
            return TimetableWeek.Every;
        }
        var weeks = Math.Floor((Monday(date).DayNumber - Monday(start).DayNumber) / 7.0);
        return (long)weeks % 2 == 0 ? TimetableWeek.A : TimetableWeek.B;
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Whether the school has entered its term dates for the school year (September to August) holding the date.</summary>
    public bool HasTermDatesFor(DateOnly date)
    {
        var year = date.Month >= 9 ? date.Year : date.Year - 1;
        return Ranges.Any(r => r.Kind == CalendarDayKind.Term && (r.Start.Month >= 9 ? r.Start.Year : r.Start.Year - 1) == year);
    }

    /// <summary>The range that closes the school on the date (a holiday, INSET day or closure), if any.</summary>
    public CalendarRange? ClosedBy(DateOnly date) => Ranges.FirstOrDefault(r => r.Kind != CalendarDayKind.Term && r.Contains(date));

    /// <summary>In term: inside a term range, or any weekday of a year without term dates; and not closed.</summary>
    public bool IsInTerm(DateOnly date) =>
        ClosedBy(date) is null && (!HasTermDatesFor(date) || Ranges.Any(r => r.Kind == CalendarDayKind.Term && r.Contains(date)));

    public bool IsSchoolDay(DateOnly date) => !IsWeekend(date) && !Blocked.Contains(date) && IsInTerm(date);

    /// <summary>The school days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public IReadOnlyList<SchoolDay> SchoolDays(DateOnly from, DateOnly to)
    {
        var days = new List<SchoolDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (IsSchoolDay(date))
            {
                days.Add(new SchoolDay(date, WeekOf(date)));
            }
        }
        return days;
    }

    /// <summary>Every timetable row that takes place on a school day in the range, in date then start-time order.</summary>
    public IReadOnlyList<Lesson> Lessons(IEnumerable<TimetableEntry> timetable, DateOnly from, DateOnly to)
    {
        var byDay = timetable.ToLookup(e => e.Day);
        return SchoolDays(from, to)
            .SelectMany(d => byDay[d.Date.DayOfWeek]
                .Where(e => TakesPlace(e.Week, d.Week))
                .OrderBy(e => e.Start).ThenBy(e => e.Period, StringComparer.Ordinal)
                .Select(e => new Lesson(d.Date, d.Week, e)))
            .ToList();
    }

    /// <summary>A row for every week takes place in both; a week A row only in week A.</summary>
    public static bool TakesPlace(TimetableWeek row, TimetableWeek week) => row == TimetableWeek.Every || row == week;

    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    internal static string Format(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
