using System.Globalization;

namespace Lynchpin.Core.Observations.Rota;

/// <summary>A school day in a range, with the timetable week it falls in.</summary>
public sealed record SchoolDay(DateOnly Date, TimetableWeek Week);

/// <summary>A lesson on a date: a timetable row that takes place on a school day.</summary>
public sealed record Lesson(DateOnly Date, TimetableWeek Week, TimetableEntry Entry)
{
    public string Period => Entry.Period;

    public string StaffRef => Entry.StaffRef;

    public Visit VisitBy(string observerRef) => new(
        Date, Week, Entry.Period, Entry.Start, Entry.End, observerRef, Entry.StaffRef,
        Entry.Class, Entry.Subject, Entry.YearGroup, Entry.Room);
}

/// <summary>
/// When week A starts and which dates are blocked (INSET, exams, trips). Weeks alternate A, B, A… from the
/// week holding <see cref="WeekAStarts"/>, through holidays too: a school that restarts on week A after a
/// holiday sets the date again for the new term. Without a week-A date every week is <see cref="TimetableWeek.Every"/>
/// (a one-week timetable).
/// </summary>
public sealed class SchoolCalendar(DateOnly? weekAStarts, IEnumerable<DateOnly>? blocked = null)
{
    public DateOnly? WeekAStarts { get; } = weekAStarts;

    public IReadOnlySet<DateOnly> Blocked { get; } = (blocked ?? []).ToHashSet();

    public TimetableWeek WeekOf(DateOnly date)
    {
        if (WeekAStarts is not { } start)
        {
            return TimetableWeek.Every;
        }
        var weeks = Math.Floor((Monday(date).DayNumber - Monday(start).DayNumber) / 7.0);
        return (long)weeks % 2 == 0 ? TimetableWeek.A : TimetableWeek.B;
    }

    public bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsSchoolDay(DateOnly date) => !IsWeekend(date) && !Blocked.Contains(date);

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
