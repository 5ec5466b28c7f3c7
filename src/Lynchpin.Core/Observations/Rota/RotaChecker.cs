namespace Lynchpin.Core.Observations.Rota;

public enum RotaRule
{
    UnknownObserver,
    NotAnObservee,
    OutsideRange,
    NotASchoolDay,
    OutsideTerm,
    InThePast,
    ObserverOnAnotherRota,
    NoSuchLesson,
    OwnLesson,
    ObserverTeaching,
    ObserverOnDuty,
    ObserverDoubleBooked,
    LessonFull,
    ObserveeOverLimit,
    ObserverOverLimit,
}

/// <summary>
/// One week of a rota's range: its school days and the visits in it. <see cref="Short"/> when it has fewer than half the
/// visits its days would get if the rota's visits were shared evenly over the term days (holiday weeks have none to get).
/// </summary>
public sealed record RotaWeek(DateOnly Monday, int SchoolDays, int Visits, bool Short);

/// <summary>A broken rule. <see cref="Visit"/> is the visit that breaks it (for a limit, the first one over it).</summary>
public sealed record RotaViolation(RotaRule Rule, string Message, Visit Visit);

/// <summary>
/// Checks every hard rule on any rota — the solver's, the greedy one, or one a leader has edited — straight from the
/// timetable, duties and calendar. It shares nothing with the solver's candidate lessons on purpose.
/// </summary>
public static class RotaChecker
{
    public static IReadOnlyList<RotaViolation> Check(RotaProblem problem, IEnumerable<Visit> rota)
    {
        var visits = rota.ToList();
        var calendar = problem.Calendar;
        var settings = problem.Settings;
        var observers = problem.Observers.ToDictionary(o => o.StaffRef, StringComparer.Ordinal);
        var observees = problem.Observees.Select(o => o.StaffRef).ToHashSet(StringComparer.Ordinal);
        var timetable = problem.Timetable.ToLookup(e => (e.StaffRef, e.Day, e.Period));
        var duties = problem.Duties.ToLookup(d => (d.StaffRef, d.Day, d.Period));
        var violations = new List<RotaViolation>();
        void Add(RotaRule rule, Visit visit, string message) => violations.Add(new RotaViolation(rule, message, visit));

        foreach (var v in visits)
        {
            var observer = problem.ObserverName(v.ObserverRef);
            var observee = problem.ObserveeName(v.ObserveeRef);
            var when = $"period {v.Period} on {SchoolCalendar.Format(v.Date)}";
            if (!observers.ContainsKey(v.ObserverRef))
            {
                Add(RotaRule.UnknownObserver, v, $"{observer} is not an observer on this rota.");
            }
            if (!observees.Contains(v.ObserveeRef))
            {
                Add(RotaRule.NotAnObservee, v, $"{observee} is not one of the staff whose lessons are visited.");
            }
            if (v.ObserverRef == v.ObserveeRef)
            {
                Add(RotaRule.OwnLesson, v, $"{observer} cannot visit their own lesson ({v.Class}, {when}).");
            }

            if (v.Date < problem.From || v.Date > problem.To)
            {
                Add(RotaRule.OutsideRange, v,
                    $"{SchoolCalendar.Format(v.Date)} is outside the rota ({SchoolCalendar.Format(problem.From)} to {SchoolCalendar.Format(problem.To)}).");
            }
            if (v.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                Add(RotaRule.NotASchoolDay, v, $"{SchoolCalendar.Format(v.Date)} is a weekend.");
                continue;
            }
            if (calendar.Blocked.Contains(v.Date))
            {
                Add(RotaRule.NotASchoolDay, v, $"{SchoolCalendar.Format(v.Date)} is blocked in the school calendar.");
                continue;
            }
            if (OutOfTerm(calendar, v.Date) is { } why)
            {
                Add(RotaRule.OutsideTerm, v, $"{SchoolCalendar.Format(v.Date)} is {why}.");
                continue;
            }
            if (problem.NotBefore is { } notBefore && v.Date.ToDateTime(v.Start) < notBefore)
            {
                Add(RotaRule.InThePast, v, $"{observer}'s visit in {when} is in the past.");
            }
            if (problem.Busy.FirstOrDefault(b => b.StaffRef == v.ObserverRef && b.Date == v.Date && b.Period == v.Period) is { } busy)
            {
                Add(RotaRule.ObserverOnAnotherRota, v, $"{observer} is already visiting in {when} ({busy.Why}).");
            }

            var week = calendar.WeekOf(v.Date);
            var weekText = week == TimetableWeek.Every ? "" : $" (week {week})";
            var lessonHappens = timetable[(v.ObserveeRef, v.Date.DayOfWeek, v.Period)]
                .Any(e => SchoolCalendar.TakesPlace(e.Week, week) && string.Equals(e.Class, v.Class, StringComparison.OrdinalIgnoreCase));
            if (!lessonHappens)
            {
                Add(RotaRule.NoSuchLesson, v, $"{observee} does not teach {v.Class} in {when}{weekText}.");
            }
            if (v.ObserverRef != v.ObserveeRef)
            {
                var own = timetable[(v.ObserverRef, v.Date.DayOfWeek, v.Period)].FirstOrDefault(e => SchoolCalendar.TakesPlace(e.Week, week));
                if (own is not null)
                {
                    Add(RotaRule.ObserverTeaching, v, $"{observer} is timetabled with {own.Class} ({own.Subject}) in {when}{weekText}.");
                }
            }
            var duty = duties[(v.ObserverRef, v.Date.DayOfWeek, v.Period)].FirstOrDefault(d => SchoolCalendar.TakesPlace(d.Week, week));
            if (duty is not null)
            {
                Add(RotaRule.ObserverOnDuty, v, $"{observer} is on duty ({duty.Name}) in {when}{weekText}.");
            }
        }

        foreach (var group in visits.GroupBy(v => (v.ObserverRef, v.Date, v.Period)).Where(g => g.Count() > 1))
        {
            var first = group.First();
            Add(RotaRule.ObserverDoubleBooked, group.ElementAt(1),
                $"{problem.ObserverName(first.ObserverRef)} has {group.Count()} visits in period {first.Period} on {SchoolCalendar.Format(first.Date)}; the most is one.");
        }

        var lessonKey = (Visit v) => (v.Date, v.Period, v.ObserveeRef, Class: v.Class.ToUpperInvariant());
        foreach (var group in visits.GroupBy(lessonKey).Where(g => g.Count() > settings.MaxObserversPerLesson))
        {
            var first = group.First();
            Add(RotaRule.LessonFull, group.ElementAt(settings.MaxObserversPerLesson),
                $"{first.Class} with {problem.ObserveeName(first.ObserveeRef)} in period {first.Period} on {SchoolCalendar.Format(first.Date)} " +
                $"has {group.Count()} observers; the most is {settings.MaxObserversPerLesson}.");
        }

        foreach (var group in visits.GroupBy(v => v.ObserveeRef).Where(g => g.Count() > settings.MaxVisitsPerObservee))
        {
            Add(RotaRule.ObserveeOverLimit, group.ElementAt(settings.MaxVisitsPerObservee),
                $"{problem.ObserveeName(group.Key)} has {group.Count()} visits; the most is {settings.MaxVisitsPerObservee}.");
        }

        foreach (var group in visits.GroupBy(v => v.ObserverRef))
        {
            if (observers.TryGetValue(group.Key, out var o) && group.Count() > o.Visits)
            {
                Add(RotaRule.ObserverOverLimit, group.ElementAt(Math.Max(0, o.Visits)),
                    $"{problem.ObserverName(group.Key)} has {group.Count()} visits but asked for {o.Visits}.");
            }
        }
        return violations;
    }

    /// <summary>
    /// Why a weekday is not a term day, straight from the calendar's ranges: a holiday, INSET day or closure, or outside
    /// the terms of a school year whose term dates are known. Null in term.
    /// </summary>
    private static string? OutOfTerm(SchoolCalendar calendar, DateOnly date)
    {
        foreach (var range in calendar.Ranges)
        {
            if (range.Kind != CalendarDayKind.Term && date >= range.Start && date <= range.End)
            {
                var what = range.Kind switch
                {
                    CalendarDayKind.Holiday => "in a holiday",
                    CalendarDayKind.Inset => "an INSET day",
                    _ => "a day the school is closed",
                };
                return range.Name is { Length: > 0 } name ? $"{what} ({name})" : what;
            }
        }
        var year = date.Month >= 9 ? date.Year : date.Year - 1;
        var terms = calendar.Ranges.Where(r => r.Kind == CalendarDayKind.Term && (r.Start.Month >= 9 ? r.Start.Year : r.Start.Year - 1) == year).ToList();
        return terms.Count > 0 && !terms.Any(t => date >= t.Start && date <= t.End) ? "outside the school's term dates" : null;
    }

    /// <summary>
    /// The spread measure, worked out on its own from the calendar: every week of the range with its school days (from
    /// <see cref="RotaProblem.NotBefore"/> on) and the visits in it, each week marked short when it has fewer than half
    /// the visits its school days would get from an even share.
    /// </summary>
    public static IReadOnlyList<RotaWeek> Weeks(RotaProblem problem, IEnumerable<Visit> rota)
    {
        var calendar = problem.Calendar;
        var first = problem.NotBefore is { } notBefore && DateOnly.FromDateTime(notBefore) > problem.From ? DateOnly.FromDateTime(notBefore) : problem.From;
        var days = new SortedDictionary<DateOnly, int>();
        for (var date = SchoolCalendar.Monday(problem.From); date <= problem.To; date = date.AddDays(1))
        {
            var monday = SchoolCalendar.Monday(date);
            days.TryAdd(monday, 0);
            var open = date >= first && date <= problem.To && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && !calendar.Blocked.Contains(date) && OutOfTerm(calendar, date) is null;
            days[monday] += open ? 1 : 0;
        }
        var visits = rota.CountBy(v => SchoolCalendar.Monday(v.Date)).ToDictionary();
        var made = visits.Where(v => days.ContainsKey(v.Key)).Sum(v => v.Value);
        var total = days.Values.Sum();
        // Short: visits < half of made × days / total, in whole numbers.
        return days.Select(d => new RotaWeek(d.Key, d.Value, visits.GetValueOrDefault(d.Key),
                d.Value > 0 && 2L * visits.GetValueOrDefault(d.Key) * total < (long)made * d.Value))
            .ToList();
    }
}
