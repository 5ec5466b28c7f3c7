namespace Lynchpin.Core.Observations.Rota;

/// <summary>
/// The lessons in a range that observers may visit and, per observer, the ones they could visit: shared by the
/// solver and the greedy rota. <see cref="RotaChecker"/> deliberately does not use it, so a mistake here cannot
/// hide from the checker.
/// </summary>
internal sealed class RotaIndex
{
    public RotaIndex(RotaProblem problem)
    {
        Problem = problem;
        var observees = problem.Observees.Select(o => o.StaffRef).ToHashSet(StringComparer.Ordinal);
        Lessons = problem.Calendar.Lessons(problem.Timetable, problem.From, problem.To)
            .Where(l => observees.Contains(l.StaffRef) && problem.IsPlannable(l.Date, l.Entry.Start))
            .ToList();

        // Weeks by their Monday, with the school days left in each: the spread goal shares the visits out by them.
        var firstDay = problem.NotBefore is { } notBefore && DateOnly.FromDateTime(notBefore) > problem.From
            ? DateOnly.FromDateTime(notBefore) : problem.From;
        var days = problem.Calendar.SchoolDays(firstDay, problem.To);
        var weekOf = new Dictionary<DateOnly, int>();
        foreach (var day in days)
        {
            weekOf.TryAdd(SchoolCalendar.Monday(day.Date), weekOf.Count);
        }
        WeekDays = new int[weekOf.Count];
        foreach (var day in days)
        {
            WeekDays[weekOf[SchoolCalendar.Monday(day.Date)]]++;
        }
        LessonWeek = Lessons.Select(l => weekOf[SchoolCalendar.Monday(l.Date)]).ToArray();
        var datedBusy = problem.Busy.Select(b => (b.StaffRef, b.Date, b.Period)).ToHashSet();

        var busy = new HashSet<(string Staff, TimetableWeek Week, DayOfWeek Day, string Period)>();
        foreach (var e in problem.Timetable)
        {
            busy.Add((e.StaffRef, e.Week, e.Day, e.Period));
        }
        foreach (var d in problem.Duties)
        {
            busy.Add((d.StaffRef, d.Week, d.Day, d.Period));
        }

        // A slot is a (date, period): an observer makes at most one visit in each.
        var slotOf = new Dictionary<(DateOnly, string), int>();
        LessonSlot = new int[Lessons.Count];
        for (var l = 0; l < Lessons.Count; l++)
        {
            var key = (Lessons[l].Date, Lessons[l].Period);
            if (!slotOf.TryGetValue(key, out var slot))
            {
                slot = slotOf.Count;
                slotOf.Add(key, slot);
            }
            LessonSlot[l] = slot;
        }
        SlotCount = slotOf.Count;

        Candidates = new List<int>[problem.Observers.Count];
        for (var o = 0; o < problem.Observers.Count; o++)
        {
            var observer = problem.Observers[o];
            var list = new List<int>();
            Candidates[o] = list;
            if (observer.Visits <= 0)
            {
                continue;
            }
            for (var l = 0; l < Lessons.Count; l++)
            {
                var lesson = Lessons[l];
                var day = lesson.Date.DayOfWeek;
                var isBusy = busy.Contains((observer.StaffRef, TimetableWeek.Every, day, lesson.Period))
                    || busy.Contains((observer.StaffRef, lesson.Week, day, lesson.Period))
                    || datedBusy.Contains((observer.StaffRef, lesson.Date, lesson.Period));
                if (!isBusy && lesson.StaffRef != observer.StaffRef)
                {
                    list.Add(l);
                }
            }
        }
    }

    public RotaProblem Problem { get; }

    /// <summary>Lessons led by an observee, in date and start-time order.</summary>
    public IReadOnlyList<Lesson> Lessons { get; }

    public int[] LessonSlot { get; }

    /// <summary>Each lesson's week (0 for the first week of the range with a school day).</summary>
    public int[] LessonWeek { get; }

    /// <summary>School days in each week, from the later of the range's start and <see cref="RotaProblem.NotBefore"/>.</summary>
    public int[] WeekDays { get; }

    public int SlotCount { get; }

    /// <summary>Per observer, the lessons they are free to visit (not teaching, on duty, on another rota, or their own).</summary>
    public IReadOnlyList<int>[] Candidates { get; }

    /// <summary>
    /// The candidates the solver's model gets. Up to <paramref name="budget"/> pairs in all, every candidate. Above
    /// it, a sample: in each period an observer is free, a few lessons — half of them in the observer's focus year
    /// group when they have one — picked by a fixed pseudo-random order that differs per observer, so that between
    /// them the observers still reach every observee, day, period and subject; plus the <paramref name="keep"/>
    /// pairs (the greedy rota, the solver's first hint).
    /// </summary>
    public List<int>[] ModelCandidates(int budget, IEnumerable<(int Observer, int Lesson)> keep, int seed, out bool sampled)
    {
        sampled = Candidates.Sum(c => c.Count) > budget;
        if (!sampled)
        {
            return Candidates.Select(c => c.ToList()).ToArray();
        }
        var observerSlots = Candidates.Sum(c => c.Select(l => LessonSlot[l]).Distinct().Count());
        var perSlot = Math.Max(2, budget / Math.Max(1, observerSlots));
        var kept = keep.ToLookup(k => k.Observer, k => k.Lesson);
        var result = new List<int>[Candidates.Length];
        for (var o = 0; o < Candidates.Length; o++)
        {
            var observer = Problem.Observers[o];
            var chosen = new HashSet<int>(kept[o]);
            foreach (var slot in Candidates[o].GroupBy(l => LessonSlot[l]))
            {
                var ordered = slot.OrderBy(l => Mix(seed, o, l)).ToList();
                var focus = ordered.Where(l => RotaMeasures.IsFocus(observer, Lessons[l].Entry.YearGroup)).Take((perSlot + 1) / 2).ToList();
                chosen.UnionWith(focus.Concat(ordered.Except(focus)).Take(perSlot));
            }
            result[o] = chosen.Order().ToList();
        }
        return result;
    }

    /// <summary>SplitMix64: a pseudo-random order that is the same on every run and machine.</summary>
    private static ulong Mix(int seed, int observer, int lesson)
    {
        var z = unchecked(((ulong)(uint)seed << 40) ^ ((ulong)(uint)observer << 24) ^ (uint)lesson) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>
    /// The most visits an observer could possibly make: their request, the periods they are free while lessons
    /// run, and the observees they can reach times the limit per observee.
    /// </summary>
    public int Reachable(int observer)
    {
        var candidates = Candidates[observer];
        var slots = candidates.Select(l => LessonSlot[l]).Distinct().Count();
        var byObservee = candidates.GroupBy(l => Lessons[l].StaffRef)
            .Sum(g => Math.Min(g.Count(), Problem.Settings.MaxVisitsPerObservee));
        return Math.Min(Math.Max(0, Problem.Observers[observer].Visits), Math.Min(slots, byObservee));
    }
}
