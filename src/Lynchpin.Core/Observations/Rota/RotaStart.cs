namespace Lynchpin.Core.Observations.Rota;

/// <summary>What <see cref="RotaSolver"/> works out before it solves: why an observer cannot have every visit, and a first rota to start from.</summary>
internal static class RotaStart
{
    /// <summary>Why an observer cannot have every visit they ask for, worked out before solving.</summary>
    public static List<RotaMessage> Diagnose(RotaIndex index)
    {
        static string SchoolYearName(DateOnly date) => Progression.SchoolYear.Name(Progression.SchoolYear.Of(date));
        var problem = index.Problem;
        var messages = new List<RotaMessage>();
        var range = $"from {SchoolCalendar.Format(problem.From)} to {SchoolCalendar.Format(problem.To)}";
        if (problem.Calendar.WeekAStarts is null && problem.Timetable.Any(e => e.Week != TimetableWeek.Every))
        {
            messages.Add(new RotaMessage(null, "The timetable has week A and week B rows but the calendar does not say when week A starts, so they are left out."));
        }
        var yearsWithoutTerms = new List<DateOnly>();
        for (var date = problem.From; date <= problem.To; date = date.AddDays(1))
        {
            if (!problem.Calendar.HasTermDatesFor(date) && yearsWithoutTerms.All(d => SchoolYearName(d) != SchoolYearName(date)))
            {
                yearsWithoutTerms.Add(date);
            }
        }
        foreach (var date in yearsWithoutTerms)
        {
            messages.Add(new RotaMessage(null, $"The calendar has no term dates for {SchoolYearName(date)}, so every weekday counts as a school day: " +
                "enter the term dates and holidays so that no visit lands in a holiday."));
        }
        if (index.Lessons.Count == 0)
        {
            messages.Add(new RotaMessage(null, $"No lessons take place {range}: check the dates, the term dates, the blocked dates and the timetable."));
            return messages;
        }
        var limit = problem.Settings.MaxVisitsPerObservee;
        for (var o = 0; o < problem.Observers.Count; o++)
        {
            var observer = problem.Observers[o];
            if (observer.Visits <= 0)
            {
                continue;
            }
            var candidates = index.Candidates[o];
            var slots = candidates.Select(l => index.LessonSlot[l]).Distinct().Count();
            var observees = candidates.GroupBy(l => index.Lessons[l].StaffRef).ToList();
            var byObservee = observees.Sum(g => Math.Min(g.Count(), limit));
            string? why = null;
            if (slots == 0)
            {
                why = $"is teaching or on duty whenever lessons take place {range}";
            }
            else if (slots < observer.Visits)
            {
                why = $"is free during only {slots} lesson period{(slots == 1 ? "" : "s")} {range}";
            }
            else if (byObservee < observer.Visits)
            {
                why = $"can reach only {observees.Count} observee{(observees.Count == 1 ? "" : "s")} when free, at most {limit} visit{(limit == 1 ? "" : "s")} each";
            }
            if (why is not null)
            {
                messages.Add(new RotaMessage(observer.StaffRef, $"{RotaProblem.Named(observer.Name, observer.StaffRef)} asks for {observer.Visits} visit{(observer.Visits == 1 ? "" : "s")} but {why}."));
            }
            if (!string.IsNullOrEmpty(observer.FocusYearGroup) && slots > 0
                && !candidates.Any(l => RotaMeasures.IsFocus(observer, index.Lessons[l].Entry.YearGroup)))
            {
                messages.Add(new RotaMessage(observer.StaffRef,
                    $"{RotaProblem.Named(observer.Name, observer.StaffRef)}'s focus year group ({observer.FocusYearGroup}) has no lessons when {observer.Name} is free {range}."));
            }
        }
        return messages;
    }

    /// <summary>
    /// The solver's starting rota (its hint): observers in turn, those with the fewest free periods first, each takes
    /// the lesson that is best for the goals in their order — a week still short of its share, an observee nobody has
    /// seen, the focus year group, a new week, day, period and subject, a new pair. Much better than
    /// <see cref="GreedyRota"/>, which is only the baseline.
    /// </summary>
    public static List<(int Observer, int Lesson)> FirstRota(RotaIndex index, int[] reachable)
    {
        var weekTargets = RotaSolver.WeekTargets(index, reachable.Sum());
        var weekLoad = new int[weekTargets.Length];
        var problem = index.Problem;
        var settings = problem.Settings;
        var lessons = index.Lessons;
        // Small integer ids, so each of the many comparisons below is an array or set lookup.
        int[] Ids(Func<Lesson, object> key)
        {
            var ids = new Dictionary<object, int>();
            return lessons.Select(l => ids.TryGetValue(key(l), out var id) ? id : ids[key(l)] = ids.Count).ToArray();
        }
        var dateId = Ids(l => l.Date);
        var periodId = Ids(l => l.Period);
        var subjectId = Ids(l => l.Entry.Subject);
        var observeeId = Ids(l => l.StaffRef);
        var perLesson = new int[lessons.Count];
        var perObservee = new int[observeeId.DefaultIfEmpty(-1).Max() + 1];
        var used = new HashSet<(int Observer, int Kind, int Id)>();
        var made = new int[problem.Observers.Count];
        var order = Enumerable.Range(0, problem.Observers.Count)
            .OrderBy(o => index.Candidates[o].Select(l => index.LessonSlot[l]).Distinct().Count()).ToList();
        var chosen = new List<(int, int)>();
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var o in order)
            {
                if (made[o] >= reachable[o])
                {
                    continue;
                }
                var observer = problem.Observers[o];
                var best = -1;
                var bestScore = -1;
                foreach (var l in index.Candidates[o])
                {
                    var visits = perObservee[observeeId[l]];
                    if (perLesson[l] >= settings.MaxObserversPerLesson || visits >= settings.MaxVisitsPerObservee || used.Contains((o, 0, index.LessonSlot[l])))
                    {
                        continue;
                    }
                    var week = index.LessonWeek[l];
                    var score = (weekLoad[week] < weekTargets[week] ? 128 : 0)
                        + (visits == 0 ? 64 : 0)
                        + (RotaMeasures.IsFocus(observer, lessons[l].Entry.YearGroup) ? 32 : 0)
                        + (used.Contains((o, 5, week)) ? 0 : 16)
                        + (used.Contains((o, 1, dateId[l])) ? 0 : 8)
                        + (used.Contains((o, 2, periodId[l])) ? 0 : 4)
                        + (used.Contains((o, 3, subjectId[l])) ? 0 : 2)
                        + (used.Contains((o, 4, observeeId[l])) ? 0 : 1);
                    if (score > bestScore)
                    {
                        (best, bestScore) = (l, score);
                    }
                }
                if (best < 0)
                {
                    continue;
                }
                perLesson[best]++;
                perObservee[observeeId[best]]++;
                used.Add((o, 0, index.LessonSlot[best]));
                used.Add((o, 1, dateId[best]));
                used.Add((o, 2, periodId[best]));
                used.Add((o, 3, subjectId[best]));
                used.Add((o, 4, observeeId[best]));
                used.Add((o, 5, index.LessonWeek[best]));
                weekLoad[index.LessonWeek[best]]++;
                made[o]++;
                chosen.Add((o, best));
                progress = true;
            }
        }
        return chosen;
    }
}
