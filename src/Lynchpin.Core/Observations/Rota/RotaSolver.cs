using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Lynchpin.Core.Observations.Rota;

/// <summary>
/// Builds the rota with OR-Tools CP-SAT: one yes/no per (observer, lesson) pair the observer is free for, the hard
/// rules as constraints, and the goals in order in one objective whose weights make each goal outrank everything
/// below it (see docs/decisions/0004-rota.md).
/// </summary>
public static class RotaSolver
{
    public const string VisitsGoal = "Visits made";
    public const string FairnessGoal = "Fair shares (the largest shortfall of any observer, counted down from its most)";
    public const string WeeksGoal = "Visits spread over the weeks (each week's even share, counted down by any shortfall)";
    public const string ObserveesGoal = "Different observees seen";
    public const string FocusGoal = "Visits in the observer's focus year group";
    public const string SpreadGoal = "Spread (different weeks, days, periods and subjects per observer)";
    public const string PairsGoal = "Different observer–observee pairs";

    public static RotaResult Solve(RotaProblem problem, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var index = new RotaIndex(problem);
        var messages = RotaStart.Diagnose(index);
        var observers = problem.Observers;
        var settings = problem.Settings;

        var reachable = Enumerable.Range(0, observers.Count).Select(index.Reachable).ToArray();
        var greedy = GreedyRota.Build(index);
        var start = RotaStart.FirstRota(index, reachable);
        var startMeasures = RotaMeasures.Of(problem, start.Select(s => index.Lessons[s.Lesson].VisitBy(observers[s.Observer].StaffRef)).ToList());
        var feasiblePairs = index.Candidates.Sum(c => c.Count);

        // Pairs: the model's decisions.
        var candidates = index.ModelCandidates(settings.MaxModelPairs, start, settings.Seed, out var sampled);
        var pairObserver = new List<int>();
        var pairLesson = new List<int>();
        for (var o = 0; o < observers.Count; o++)
        {
            if (reachable[o] == 0)
            {
                continue;
            }
            foreach (var l in candidates[o])
            {
                pairObserver.Add(o);
                pairLesson.Add(l);
            }
        }
        if (pairObserver.Count == 0)
        {
            var none = GoalNames.Select(n => new RotaGoal(n, 0, 0, true, 1)).ToList();
            return Result(RotaStatus.Optimal, [], 0, 0, clock.Elapsed, none, problem, messages, 0, 0, startMeasures);
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
        var hinted = start.ToHashSet();
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
        var spread = Distinct(pairs.GroupBy(p => (pairObserver[p], index.LessonWeek[pairLesson[p]])))
            .Concat(Distinct(pairs.GroupBy(p => (pairObserver[p], index.Lessons[pairLesson[p]].Date))))
            .Concat(Distinct(pairs.GroupBy(p => (pairObserver[p], index.Lessons[pairLesson[p]].Period))))
            .Concat(Distinct(pairs.GroupBy(p => (pairObserver[p], Subject(p)))))
            .ToList();
        var distinctPairs = Distinct(pairs.GroupBy(p => (pairObserver[p], index.Lessons[pairLesson[p]].StaffRef)));
        for (var p = 0; p < x.Length; p++)
        {
            model.AddHint(x[p], hint[p]);
        }

        // Ranges: the most each goal can reach, from counting alone; they set the weights.
        // Visits are bounded by what observers can make and by what observees can receive.
        var totalReachable = Math.Min(reachable.Sum(), Enumerable.Range(0, observers.Count).Where(o => reachable[o] > 0)
            .SelectMany(o => index.Candidates[o]).GroupBy(l => index.Lessons[l].StaffRef)
            .Sum(g => Math.Min(g.Count(), settings.MaxVisitsPerObservee)));
        var focusReachable = Enumerable.Range(0, observers.Count).Sum(o =>
        {
            var focusLessons = index.Candidates[o].Where(l => RotaMeasures.IsFocus(observers[o], index.Lessons[l].Entry.YearGroup)).ToList();
            return Math.Min(reachable[o], Math.Min(
                focusLessons.Select(l => index.LessonSlot[l]).Distinct().Count(),
                focusLessons.GroupBy(l => index.Lessons[l].StaffRef).Sum(g => Math.Min(g.Count(), settings.MaxVisitsPerObservee))));
        });
        var spreadReachable = Enumerable.Range(0, observers.Count).Sum(o =>
            Math.Min(reachable[o], index.Candidates[o].Select(l => index.LessonWeek[l]).Distinct().Count())
            + Math.Min(reachable[o], index.Candidates[o].Select(l => index.Lessons[l].Date).Distinct().Count())
            + Math.Min(reachable[o], index.Candidates[o].Select(l => index.Lessons[l].Period).Distinct().Count())
            + Math.Min(reachable[o], index.Candidates[o].Select(l => index.Lessons[l].Entry.Subject).Distinct().Count()));
        var pairsReachable = Enumerable.Range(0, observers.Count).Sum(o =>
            Math.Min(reachable[o], index.Candidates[o].Select(l => index.Lessons[l].StaffRef).Distinct().Count()));
        // Fairness: the largest shortfall of any observer below what they could reach, as small as possible.
        var maxReach = reachable.DefaultIfEmpty().Max();
        var deficit = reachable.Sum() - totalReachable;
        var servedObservers = reachable.Count(r => r > 0);
        var largestShortfall = model.NewIntVar(0, maxReach, "");
        foreach (var group in pairs.GroupBy(p => pairObserver[p]))
        {
            model.Add(largestShortfall >= reachable[group.Key] - LinearExpr.Sum(group.Select(p => x[p])));
        }
        var startMade = start.CountBy(s => s.Observer).ToDictionary();
        model.AddHint(largestShortfall, Enumerable.Range(0, observers.Count).Max(o => reachable[o] - startMade.GetValueOrDefault(o)));

        // Weeks: each week's even share of the visits by its school days; the goal counts the shares down by any shortfall,
        // so visits reach every week of term rather than crowding into the first.
        var weekTargets = WeekTargets(index, totalReachable);
        var candidateWeeks = Enumerable.Range(0, observers.Count).Where(o => reachable[o] > 0)
            .SelectMany(o => index.Candidates[o].Select(l => index.LessonWeek[l])).ToHashSet();
        var pairsByWeek = pairs.ToLookup(p => index.LessonWeek[pairLesson[p]]);
        var startWeeks = start.CountBy(s => index.LessonWeek[s.Lesson]).ToDictionary();
        var weekShortfalls = new List<IntVar>();
        foreach (var week in candidateWeeks.Where(w => weekTargets[w] > 0))
        {
            var target = weekTargets[week];
            var shortfall = model.NewIntVar(0, target, "");
            model.Add(shortfall >= target - LinearExpr.Sum(pairsByWeek[week].Select(p => x[p])));
            model.AddHint(shortfall, Math.Max(0, target - startWeeks.GetValueOrDefault(week)));
            weekShortfalls.Add(shortfall);
        }
        // A week no observer can reach has no share to miss.
        var weeksRange = candidateWeeks.Sum(w => (long)weekTargets[w]);

        var goals = new (string Name, List<BoolVar> Literals, long Range)[]
        {
            (VisitsGoal, visits, totalReachable),
            (FairnessGoal, [], maxReach - (deficit + servedObservers - 1) / Math.Max(1, servedObservers)),
            (WeeksGoal, [], weeksRange),
            (ObserveesGoal, observeesSeen, Math.Min(totalReachable, Enumerable.Range(0, observers.Count).Where(o => reachable[o] > 0)
                .SelectMany(o => index.Candidates[o].Select(l => index.Lessons[l].StaffRef)).Distinct().Count())),
            (FocusGoal, focus, Math.Min(focusReachable, totalReachable)),
            (SpreadGoal, spread, spreadReachable),
            (PairsGoal, distinctPairs, Math.Min(pairsReachable, totalReachable)),
        };
        var weights = Weights(goals.Select(g => g.Range).ToArray());
        // Every goal at its range: no rota can do better, whether or not the model holds every pair.
        var countingBound = goals.Select((g, k) => g.Range * weights[k]).Sum();
        var objective = LinearExpr.NewBuilder();
        for (var k = 0; k < goals.Length; k++)
        {
            foreach (var literal in goals[k].Literals)
            {
                objective.AddTerm(literal, weights[k]);
            }
        }
        objective.Add(weights[1] * maxReach).AddTerm(largestShortfall, -weights[1]);
        objective.Add(weights[2] * weeksRange);
        foreach (var shortfall in weekShortfalls)
        {
            objective.AddTerm(shortfall, -weights[2]);
        }
        var mondays = index.Lessons.Select((l, i) => (Monday: SchoolCalendar.Monday(l.Date), Week: index.LessonWeek[i])).Distinct().ToDictionary(w => w.Monday, w => w.Week);
        long[] Values(IReadOnlyCollection<Visit> rota, RotaMeasures m)
        {
            var made = rota.CountBy(v => v.ObserverRef).ToDictionary(StringComparer.Ordinal);
            var shortfall = Enumerable.Range(0, observers.Count).Max(o => Math.Max(0, reachable[o] - made.GetValueOrDefault(observers[o].StaffRef)));
            var perWeek = rota.Where(v => mondays.ContainsKey(SchoolCalendar.Monday(v.Date))).CountBy(v => mondays[SchoolCalendar.Monday(v.Date)]).ToDictionary();
            var weeksValue = weeksRange - candidateWeeks.Sum(w => Math.Max(0, weekTargets[w] - perWeek.GetValueOrDefault(w)));
            return [m.VisitsMade, maxReach - shortfall, weeksValue, m.DistinctObservees, m.FocusVisits, m.Spread, m.DistinctPairs];
        }
        model.Maximize(objective);

        var solver = new CpSolver();
        // What is left of the limit, less a little for handing the model over and reading the rota back.
        var seconds = Math.Max(0.05, (settings.TimeLimit - clock.Elapsed).TotalSeconds - 0.2);
        var parameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{seconds:0.###} random_seed:{settings.Seed}");
        if (settings.Workers > 0)
        {
            parameters += string.Create(CultureInfo.InvariantCulture, $" num_workers:{settings.Workers}");
        }
        solver.StringParameters = parameters;
        CpSolverStatus status;
        using (cancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model, new StopAt(countingBound));
        }

        if (status is CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException("The rota model is invalid: " + model.Validate());
        }
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            messages.Add(new RotaMessage(null, status == CpSolverStatus.Infeasible
                ? "The solver found the rules cannot all be met; this is the simple rota instead."
                : "The solver found no rota in the time allowed; this is Lynchpin's first rota instead, which keeps every rule and shares the visits over the weeks. Allow more time for a better one."));
            // The first rota, not the greedy one: it keeps every rule too and already aims at the goals (the weeks above all).
            var fallback = status == CpSolverStatus.Infeasible
                ? greedy.Select(g => g.Visit).ToList()
                : start.Select(s => index.Lessons[s.Lesson].VisitBy(observers[s.Observer].StaffRef))
                    .OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.Period, StringComparer.Ordinal).ThenBy(v => v.ObserverRef, StringComparer.Ordinal)
                    .ToList();
            var fallbackValues = Values(fallback, RotaMeasures.Of(problem, fallback));
            return Result(status == CpSolverStatus.Infeasible ? RotaStatus.Infeasible : RotaStatus.Unknown,
                fallback, fallbackValues.Select((v, k) => v * weights[k]).Sum(), countingBound, clock.Elapsed,
                GoalResults(goals.Select((g, k) => (g.Name, fallbackValues[k], g.Range)).ToArray(), weights, countingBound),
                problem, messages, feasiblePairs, x.Length, startMeasures);
        }

        var chosen = Enumerable.Range(0, x.Length).Where(p => solver.BooleanValue(x[p]))
            .Select(p => index.Lessons[pairLesson[p]].VisitBy(observers[pairObserver[p]].StaffRef))
            .OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.Period, StringComparer.Ordinal).ThenBy(v => v.ObserverRef, StringComparer.Ordinal)
            .ToList();
        // The goals are read from the rota itself (the model's "distinct" literals may lag behind in a rota that is not optimal).
        var measures = RotaMeasures.Of(problem, chosen);
        var values = Values(chosen, measures);
        var value = values.Select((v, k) => v * weights[k]).Sum();
        // The solver's bound holds only for the pairs it was given; a sampled model is bounded by counting alone.
        var bound = sampled ? countingBound : Math.Min(countingBound, (long)Math.Floor(solver.BestObjectiveBound + 1e-6));
        var goalResults = GoalResults(goals.Select((g, k) => (g.Name, values[k], g.Range)).ToArray(), weights, bound);
        var optimal = value >= bound || (!sampled && status == CpSolverStatus.Optimal);

        var made = chosen.CountBy(v => v.ObserverRef).ToDictionary(StringComparer.Ordinal);
        var visitsProven = goalResults[0].Proven;
        for (var o = 0; o < observers.Count; o++)
        {
            var observer = observers[o];
            var got = made.GetValueOrDefault(observer.StaffRef);
            if (got < observer.Visits && reachable[o] >= observer.Visits)
            {
                messages.Add(new RotaMessage(observer.StaffRef, visitsProven
                    ? $"{Name(observer)} gets {got} of {observer.Visits} visits: the lessons {observer.Name} is free for are needed by other observers, or their teachers already have {settings.MaxVisitsPerObservee} visit{(settings.MaxVisitsPerObservee == 1 ? "" : "s")}."
                    : $"{Name(observer)} gets {got} of {observer.Visits} visits in the time allowed; a longer time limit may find more."));
            }
        }
        return new RotaResult(optimal ? RotaStatus.Optimal : RotaStatus.Feasible, chosen, value, optimal ? value : bound, clock.Elapsed,
            goalResults, measures, messages, feasiblePairs, x.Length, startMeasures);
    }

    /// <summary>Stops the search once a rota reaches the counting bound: nothing can beat it.</summary>
    private sealed class StopAt(long bound) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            if (ObjectiveValue() >= bound - 0.5)
            {
                StopSearch();
            }
        }
    }

    private static readonly string[] GoalNames = [VisitsGoal, FairnessGoal, WeeksGoal, ObserveesGoal, FocusGoal, SpreadGoal, PairsGoal];

    /// <summary>
    /// Each week's even share of <paramref name="visits"/> by its school days, rounded down: with 70 visits over six
    /// full weeks, 11 a week. The first rota and the weeks goal aim at it.
    /// </summary>
    internal static int[] WeekTargets(RotaIndex index, long visits)
    {
        var days = index.WeekDays.Sum();
        return index.WeekDays.Select(d => days == 0 ? 0 : (int)(visits * d / days)).ToArray();
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
        List<RotaGoal> goals, RotaProblem problem, List<RotaMessage> messages, int feasiblePairs, int modelPairs, RotaMeasures start) =>
        new(status, visits, objective, bound, time, goals, RotaMeasures.Of(problem, visits), messages, feasiblePairs, modelPairs, start);

    private static string Name(Observer observer) => RotaProblem.Named(observer.Name, observer.StaffRef);
}
