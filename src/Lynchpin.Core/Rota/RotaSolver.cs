using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Lynchpin.Core.Rota;

/// <summary>
/// Builds the rota with OR-Tools CP-SAT: one yes/no per (observer, lesson) pair the observer is free for, the hard
/// rules as constraints, and the goals in order in one objective whose weights make each goal outrank everything
/// below it (see docs/decisions/0004-rota.md).
/// </summary>
public static class RotaSolver
{
    public const string VisitsGoal = "Visits made";
    public const string ObserveesGoal = "Different observees seen";
    public const string FocusGoal = "Visits in the observer's focus year group";
    public const string SpreadGoal = "Spread (different days, periods and subjects per observer)";
    public const string PairsGoal = "Different observer–observee pairs";

    public static RotaResult Solve(RotaProblem problem, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var index = new RotaIndex(problem);
        var messages = Diagnose(index);
        var observers = problem.Observers;
        var settings = problem.Settings;

        // Pairs: the model's decisions.
        var pairObserver = new List<int>();
        var pairLesson = new List<int>();
        var reachable = new int[observers.Count];
        for (var o = 0; o < observers.Count; o++)
        {
            reachable[o] = index.Reachable(o);
            if (reachable[o] == 0)
            {
                continue;
            }
            foreach (var l in index.Candidates[o])
            {
                pairObserver.Add(o);
                pairLesson.Add(l);
            }
        }
        var greedy = GreedyRota.Build(index);
        if (pairObserver.Count == 0)
        {
            return Result(RotaStatus.Optimal, [], 0, 0, clock.Elapsed, [], problem, messages, 0);
        }

        var model = new CpModel();
        var x = new BoolVar[pairObserver.Count];
        for (var p = 0; p < x.Length; p++)
        {
            x[p] = model.NewBoolVar("");
        }
        var pairs = Enumerable.Range(0, x.Length);

        // An observer makes at most one visit per (date, period) and at most their visits.
        foreach (var group in pairs.GroupBy(p => (pairObserver[p], index.LessonSlot[pairLesson[p]])).Where(g => g.Count() > 1))
        {
            model.AddAtMostOne(group.Select(p => x[p]));
        }
        foreach (var group in pairs.GroupBy(p => pairObserver[p]))
        {
            if (group.Count() > reachable[group.Key])
            {
                model.Add(LinearExpr.Sum(group.Select(p => x[p])) <= reachable[group.Key]);
            }
        }
        // A lesson holds at most so many observers; an observee has at most N visits.
        foreach (var group in pairs.GroupBy(p => pairLesson[p]).Where(g => g.Count() > settings.MaxObserversPerLesson))
        {
            if (settings.MaxObserversPerLesson == 1)
            {
                model.AddAtMostOne(group.Select(p => x[p]));
            }
            else
            {
                model.Add(LinearExpr.Sum(group.Select(p => x[p])) <= settings.MaxObserversPerLesson);
            }
        }
        var byObservee = pairs.GroupBy(p => index.Lessons[pairLesson[p]].StaffRef).ToList();
        foreach (var group in byObservee.Where(g => g.Count() > settings.MaxVisitsPerObservee))
        {
            model.Add(LinearExpr.Sum(group.Select(p => x[p])) <= settings.MaxVisitsPerObservee);
        }

        // Goals. "Distinct" counts are literals that may be true only if some visit in their group is made.
        var hinted = greedy.Select(g => (g.Observer, g.Lesson)).ToHashSet();
        var hint = new bool[x.Length];
        for (var p = 0; p < x.Length; p++)
        {
            hint[p] = hinted.Contains((pairObserver[p], pairLesson[p]));
        }
        List<BoolVar> Distinct<TKey>(IEnumerable<IGrouping<TKey, int>> groups)
        {
            var literals = new List<BoolVar>();
            foreach (var group in groups)
            {
                var seen = model.NewBoolVar("");
                model.AddBoolOr(group.Select(p => (ILiteral)x[p])).OnlyEnforceIf(seen);
                model.AddHint(seen, group.Any(p => hint[p]));
                literals.Add(seen);
            }
            return literals;
        }
        string Subject(int p) => index.Lessons[pairLesson[p]].Entry.Subject;
        var visits = x.ToList();
        var observeesSeen = Distinct(byObservee);
        var focus = pairs.Where(p => RotaMeasures.IsFocus(observers[pairObserver[p]], index.Lessons[pairLesson[p]].Entry.YearGroup))
            .Select(p => x[p]).ToList();
        var spread = Distinct(pairs.GroupBy(p => (pairObserver[p], index.Lessons[pairLesson[p]].Date)))
            .Concat(Distinct(pairs.GroupBy(p => (pairObserver[p], index.Lessons[pairLesson[p]].Period))))
            .Concat(Distinct(pairs.GroupBy(p => (pairObserver[p], Subject(p)))))
            .ToList();
        var distinctPairs = Distinct(pairs.GroupBy(p => (pairObserver[p], index.Lessons[pairLesson[p]].StaffRef)));
        for (var p = 0; p < x.Length; p++)
        {
            model.AddHint(x[p], hint[p]);
        }

        // Ranges: the most each goal can reach, from counting alone; they set the weights.
        var totalReachable = reachable.Sum();
        var focusReachable = Enumerable.Range(0, observers.Count).Sum(o => Math.Min(reachable[o],
            index.Candidates[o].Where(l => RotaMeasures.IsFocus(observers[o], index.Lessons[l].Entry.YearGroup))
                .Select(l => index.LessonSlot[l]).Distinct().Count()));
        var spreadReachable = Enumerable.Range(0, observers.Count).Sum(o =>
            Math.Min(reachable[o], index.Candidates[o].Select(l => index.Lessons[l].Date).Distinct().Count())
            + Math.Min(reachable[o], index.Candidates[o].Select(l => index.Lessons[l].Period).Distinct().Count())
            + Math.Min(reachable[o], index.Candidates[o].Select(l => index.Lessons[l].Entry.Subject).Distinct().Count()));
        var pairsReachable = Enumerable.Range(0, observers.Count).Sum(o =>
            Math.Min(reachable[o], index.Candidates[o].Select(l => index.Lessons[l].StaffRef).Distinct().Count()));
        var goals = new (string Name, List<BoolVar> Literals, long Range)[]
        {
            (VisitsGoal, visits, totalReachable),
            (ObserveesGoal, observeesSeen, Math.Min(observeesSeen.Count, totalReachable)),
            (FocusGoal, focus, focusReachable),
            (SpreadGoal, spread, spreadReachable),
            (PairsGoal, distinctPairs, pairsReachable),
        };
        var weights = Weights(goals.Select(g => g.Range).ToArray());
        var objective = LinearExpr.NewBuilder();
        for (var k = 0; k < goals.Length; k++)
        {
            foreach (var literal in goals[k].Literals)
            {
                objective.AddTerm(literal, weights[k]);
            }
        }
        model.Maximize(objective);

        var solver = new CpSolver();
        var seconds = Math.Max(0.05, (settings.TimeLimit - clock.Elapsed).TotalSeconds);
        var parameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{seconds:0.###} random_seed:{settings.Seed}");
        if (settings.Workers > 0)
        {
            parameters += string.Create(CultureInfo.InvariantCulture, $" num_workers:{settings.Workers}");
        }
        solver.StringParameters = parameters;
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model);
        }

        if (status is CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException("The rota model is invalid: " + model.Validate());
        }
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            messages.Add(new RotaMessage(null, status == CpSolverStatus.Infeasible
                ? "The solver found the rules cannot all be met; this is the simple rota instead."
                : "The solver found no rota in the time allowed; this is the simple rota instead. Allow more time for a better one."));
            return Result(status == CpSolverStatus.Infeasible ? RotaStatus.Infeasible : RotaStatus.Unknown,
                greedy.Select(g => g.Visit).ToList(), 0, (long)Math.Floor(solver.BestObjectiveBound), clock.Elapsed, [], problem, messages, x.Length);
        }

        var chosen = Enumerable.Range(0, x.Length).Where(p => solver.BooleanValue(x[p]))
            .Select(p => index.Lessons[pairLesson[p]].VisitBy(observers[pairObserver[p]].StaffRef))
            .OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.Period, StringComparer.Ordinal).ThenBy(v => v.ObserverRef, StringComparer.Ordinal)
            .ToList();
        var value = (long)Math.Round(solver.ObjectiveValue);
        var bound = (long)Math.Floor(solver.BestObjectiveBound + 1e-6);
        var goalResults = GoalResults(goals.Select(g => (g.Name, Value: (long)g.Literals.Count(solver.BooleanValue), g.Range)).ToArray(), weights, bound);

        var made = chosen.CountBy(v => v.ObserverRef).ToDictionary(StringComparer.Ordinal);
        var visitsProven = goalResults[0].Proven;
        for (var o = 0; o < observers.Count; o++)
        {
            var observer = observers[o];
            var got = made.GetValueOrDefault(observer.StaffRef);
            if (got < observer.Visits && reachable[o] >= observer.Visits)
            {
                messages.Add(new RotaMessage(observer.StaffRef, visitsProven
                    ? $"{Name(observer)} gets {got} of {observer.Visits} visits: the lessons {observer.Name} is free for are needed by other observers, or their teachers already have {settings.MaxVisitsPerObservee} visits."
                    : $"{Name(observer)} gets {got} of {observer.Visits} visits in the time allowed; a longer time limit may find more."));
            }
        }
        return Result(status == CpSolverStatus.Optimal ? RotaStatus.Optimal : RotaStatus.Feasible,
            chosen, value, bound, clock.Elapsed, goalResults, problem, messages, x.Length);
    }

    /// <summary>
    /// Mixed-radix weights: the lowest goal weighs 1 and each goal above weighs (range below + 1) × the weight below,
    /// so one unit of a goal is worth more than the largest possible change in all the goals below it together.
    /// </summary>
    internal static long[] Weights(long[] ranges)
    {
        var weights = new long[ranges.Length];
        weights[^1] = 1;
        for (var k = ranges.Length - 2; k >= 0; k--)
        {
            weights[k] = checked(weights[k + 1] * (ranges[k + 1] + 1));
        }
        // The solver reports the objective as a double: keep it exact.
        if (checked(weights[0] * (ranges[0] + 1)) > 1L << 52)
        {
            throw new InvalidOperationException("The rota is too large to weigh its goals exactly; shorten the range or the number of visits.");
        }
        return weights;
    }

    /// <summary>
    /// Reads each goal's proof out of the one bound: with mixed-radix weights, goals 1..k are proven best when the
    /// bound is less than their weighted value plus the weight of goal k.
    /// </summary>
    internal static List<RotaGoal> GoalResults((string Name, long Value, long Range)[] goals, long[] weights, long bound)
    {
        var results = new List<RotaGoal>();
        long prefix = 0;
        var proven = true;
        for (var k = 0; k < goals.Length; k++)
        {
            var upper = proven ? Math.Min(goals[k].Range, (bound - prefix) / weights[k]) : goals[k].Range;
            prefix += goals[k].Value * weights[k];
            proven = proven && bound - prefix < weights[k];
            results.Add(new RotaGoal(goals[k].Name, goals[k].Value, Math.Max(upper, goals[k].Value), proven, weights[k]));
        }
        return results;
    }

    private static RotaResult Result(RotaStatus status, List<Visit> visits, long objective, long bound, TimeSpan time,
        List<RotaGoal> goals, RotaProblem problem, List<RotaMessage> messages, int pairs) =>
        new(status, visits, objective, bound, time, goals, RotaMeasures.Of(problem, visits), messages, pairs);

    private static string Name(Observer observer) => RotaProblem.Named(observer.Name, observer.StaffRef);

    /// <summary>Why an observer cannot have every visit they ask for, worked out before solving.</summary>
    private static List<RotaMessage> Diagnose(RotaIndex index)
    {
        var problem = index.Problem;
        var messages = new List<RotaMessage>();
        var range = $"from {SchoolCalendar.Format(problem.From)} to {SchoolCalendar.Format(problem.To)}";
        if (problem.Calendar.WeekAStarts is null && problem.Timetable.Any(e => e.Week != TimetableWeek.Every))
        {
            messages.Add(new RotaMessage(null, "The timetable has week A and week B rows but the calendar does not say when week A starts, so they are left out."));
        }
        if (index.Lessons.Count == 0)
        {
            messages.Add(new RotaMessage(null, $"No lessons take place {range}: check the dates, the blocked dates and the timetable."));
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
                messages.Add(new RotaMessage(observer.StaffRef, $"{Name(observer)} asks for {observer.Visits} visit{(observer.Visits == 1 ? "" : "s")} but {why}."));
            }
            if (!string.IsNullOrEmpty(observer.FocusYearGroup) && slots > 0
                && !candidates.Any(l => RotaMeasures.IsFocus(observer, index.Lessons[l].Entry.YearGroup)))
            {
                messages.Add(new RotaMessage(observer.StaffRef,
                    $"{Name(observer)}'s focus year group ({observer.FocusYearGroup}) has no lessons when {observer.Name} is free {range}."));
            }
        }
        return messages;
    }
}
