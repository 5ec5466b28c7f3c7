namespace Lynchpin.Core.Observations.Rota;

public enum RotaRule
{
    UnknownObserver,
    NotAnObservee,
    OutsideRange,
    NotASchoolDay,
    NoSuchLesson,
    OwnLesson,
    ObserverTeaching,
    ObserverOnDuty,
    ObserverDoubleBooked,
    LessonFull,
    ObserveeOverLimit,
    ObserverOverLimit,
}

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
}
