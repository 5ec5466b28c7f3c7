using System.Diagnostics;
using System.Globalization;
using Lynchpin.Core.Observations.Rota;

// Times the rota solver on a generated secondary and on the real St Paul's timetable, beside the greedy rota:
//   dotnet run -c Release --project bench/Lynchpin.RotaBench -- generated
//   dotnet run -c Release --project bench/Lynchpin.RotaBench -- uk-sp-06 ../shared/data/timetables/UK-SP-06.xml
// Options: --seconds S (time limit, default 5), --workers N (repeatable; 0 = OR-Tools' default, all cores;
// default: 2 then 0), --max-per-observee N (default 2), --max-pairs N (model size before sampling), --csv FILE (write the last solver rota). Results and commands: docs/performance.md.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0 || args[0] is not ("generated" or "uk-sp-06") || (args[0] == "uk-sp-06" && args.Length < 2))
{
    Console.Error.WriteLine("usage: Lynchpin.RotaBench generated | uk-sp-06 FILE  [--seconds S] [--workers N]... [--max-per-observee N] [--max-pairs N] [--csv FILE]");
    return 2;
}
var seconds = 5.0;
var workers = new List<int>();
string? csvPath = null;
var maxPairs = new RotaSettings().MaxModelPairs;
var perObservee = new RotaSettings().MaxVisitsPerObservee;
for (var i = args[0] == "uk-sp-06" ? 2 : 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--workers": workers.Add(int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
        case "--csv": csvPath = args[++i]; break;
        case "--max-per-observee": perObservee = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--max-pairs": maxPairs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}
if (workers.Count == 0)
{
    workers = [2, 0];
}

var build = Stopwatch.StartNew();
Func<RotaSettings, RotaProblem> create;
if (args[0] == "generated")
{
    create = s => GeneratedSchool.Create(s);
}
else
{
    var xhstt = XhsttTimetable.Load(args[1]);
    Console.WriteLine($"{Path.GetFileName(args[1])}: solution group {xhstt.SolutionGroup}, {xhstt.Events} events, " +
        $"{xhstt.Entries.Count} timetable rows, {xhstt.Untimed} events without a time skipped, {xhstt.TeacherClashes} teacher clashes kept");
    create = s => xhstt.Problem(s);
}
var problem = create(new RotaSettings { TimeLimit = TimeSpan.FromSeconds(seconds), MaxModelPairs = maxPairs, MaxVisitsPerObservee = perObservee });
var lessons = problem.Calendar.Lessons(problem.Timetable, problem.From, problem.To).Count;
Console.WriteLine($"Case {args[0]}: {problem.Observees.Count} observees, {problem.Observers.Count} observers " +
    $"({problem.Observers.Count(o => o.Kind is ObserverKind.Pastoral or ObserverKind.Support)} pastoral/support), " +
    $"{problem.Timetable.Count} timetable rows, {problem.Duties.Count} duties, " +
    $"{problem.Calendar.SchoolDays(problem.From, problem.To).Count} school days, {lessons} dated rows; built in {build.ElapsedMilliseconds} ms");
Console.WriteLine();

var greedyClock = Stopwatch.StartNew();
var greedy = GreedyRota.Build(problem);
greedyClock.Stop();
var greedyMeasures = RotaMeasures.Of(problem, greedy);
Console.WriteLine("| run | status | objective | bound | gap | time (s) | pairs | visits made / asked | distinct observees | visits per observee min–max | observers short (most short) | focus visits | spread | repeated pairs | checker |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
Row("greedy", "—", "—", "—", "—", greedyClock.Elapsed, "—", greedyMeasures, RotaChecker.Check(problem, greedy).Count);

RotaResult? last = null;
foreach (var w in workers)
{
    var run = problem with { Settings = problem.Settings with { Workers = w } };
    var result = RotaSolver.Solve(run);
    last = result;
    Row($"CP-SAT {seconds:0.#} s, {(w == 0 ? "default workers" : $"{w} workers")}", result.Status.ToString(), result.Objective.ToString("N0"),
        result.BestBound.ToString("N0"), $"{result.Gap:P3}", result.WallTime, $"{result.ModelPairs:N0} of {result.FeasiblePairs:N0}", result.Measures,
        RotaChecker.Check(problem, result.Visits).Count);
    Row("  ↳ its starting rota (priority heuristic)", "—", "—", "—", "—", TimeSpan.Zero, "—", result.StartMeasures, -1);
    foreach (var goal in result.Goals)
    {
        Console.Error.WriteLine($"    {goal.Name}: {goal.Value} (at most {goal.UpperBound}){(goal.Proven ? ", proven" : "")}");
    }
    Console.Error.WriteLine($"    coverage vs greedy: {(double)result.Measures.DistinctObservees / Math.Max(1, greedyMeasures.DistinctObservees):0.00}×; " +
        $"pastoral and support share of visits {result.Measures.PastoralAndSupportShare:P0}");
    foreach (var message in result.Messages.Take(5))
    {
        Console.Error.WriteLine($"    message: {message.Text}");
    }
}
if (csvPath is not null && last is not null)
{
    using var writer = new StreamWriter(csvPath);
    RotaCsv.Write(writer, last.Visits);
}
return 0;

static void Row(string run, string status, string objective, string bound, string gap, TimeSpan time, string pairs, RotaMeasures m, int violations) =>
    Console.WriteLine($"| {run} | {status} | {objective} | {bound} | {gap} | {time.TotalSeconds:0.00} | {pairs} | {m.VisitsMade} / {m.VisitsRequested} | " +
        $"{m.DistinctObservees} of {m.Observees} | {m.MinVisitsPerObservee}–{m.MaxVisitsPerObservee} | {m.ObserversShort} ({m.MaxObserverShortfall}) | " +
        $"{m.FocusVisits} / {m.FocusVisitsRequested} | {m.Spread} | {m.RepeatedPairs} | {(violations switch { < 0 => "—", 0 => "passes", _ => $"{violations} violations" })} |");
