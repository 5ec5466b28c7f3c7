using System.Text;
using CsCheck;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Tests.Observations.Rota;

/// <summary>
/// Random small schools: up to 4 teachers and 3 observers (some of them teachers), 1-3 periods a day, one- or
/// two-week timetables, duties, a blocked day, 1-14 calendar days from Mon 2 Nov 2026, both limits at 1 or 2.
/// </summary>
public class RotaProperties
{
    private static readonly string Seed = new PCG(1, 20261102).ToString();

    private static readonly Gen<(int Teachers, int Observers, int Periods, int Days)> Sizes =
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 14]);

    private static readonly Gen<(bool TwoWeeks, int PerObservee, int PerLesson, int Blocked)> Options =
        Gen.Select(Gen.Bool, Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[-1, 13]);

    private static readonly Gen<RotaProblem> Problems =
        Gen.Select(Sizes, Options).SelectMany((size, options) =>
            Gen.Select(
                    Gen.Int[0, 4].Array[(size.Teachers + size.Observers) * (options.TwoWeeks ? 2 : 1) * 5 * size.Periods],
                    Gen.Int[0, 4].Array[size.Observers],
                    Gen.Bool.Array[size.Observers])
                .Select((cells, visits, teaches) => Build(size.Teachers, size.Observers, size.Periods, size.Days,
                    options.TwoWeeks, options.PerObservee, options.PerLesson, options.Blocked, cells, visits, teaches)));

    [Fact]
    public void Solve_RandomSmallSchools_RotaKeepsEveryRuleAndCoversAtLeastAsManyAsTheGreedyRota()
    {
        Problems.Array[60].Sample(problems =>
        {
            var better = 0;
            foreach (var problem in problems)
            {
                var result = RotaSolver.Solve(problem);
                var greedy = GreedyRota.Build(problem);
                var greedyMeasures = RotaMeasures.Of(problem, greedy);

                Assert.Equal(RotaStatus.Optimal, result.Status);
                Assert.Empty(RotaChecker.Check(problem, result.Visits));
                Assert.Empty(RotaChecker.Check(problem, greedy));
                Assert.True(result.Measures.VisitsMade >= greedyMeasures.VisitsMade, "visits");
                Assert.True(result.Measures.DistinctObservees >= greedyMeasures.DistinctObservees, "distinct observees");
                Assert.Equal(result.Measures.VisitsMade, result.Goals.Single(g => g.Name == RotaSolver.VisitsGoal).Value);
                Assert.Equal(result.Measures.DistinctObservees, result.Goals.Single(g => g.Name == RotaSolver.ObserveesGoal).Value);
                better += result.Measures.DistinctObservees > greedyMeasures.DistinctObservees ? 1 : 0;
            }
            // Not vacuous: the random schools include some where the greedy rota falls short.
            Assert.True(better > 0, "the solver never beat the greedy rota");
        }, seed: Seed, iter: 1, threads: 1, print: problems => string.Join("\n\n", problems.Select(Describe)));
    }

    /// <summary>The same schools, sampled down to a handful of pairs: the rota must still keep every rule.</summary>
    [Fact]
    public void Solve_RandomSmallSchoolsWithASampledModel_RotaKeepsEveryRule()
    {
        Problems.Array[25].Sample(problems =>
        {
            foreach (var problem in problems)
            {
                var sampled = problem with { Settings = problem.Settings with { MaxModelPairs = 6 } };
                var result = RotaSolver.Solve(sampled);

                Assert.Empty(RotaChecker.Check(sampled, result.Visits));
                Assert.True(result.BestBound >= result.Objective);
            }
        }, seed: Seed, iter: 1, threads: 1, print: problems => string.Join("\n\n", problems.Select(Describe)));
    }

    /// <summary>A random school from a plain <see cref="System.Random"/>, for tests that need one larger case.</summary>
    internal static RotaProblem Random(Random random, int teachers, int observers, int periods, int days)
    {
        var cells = Enumerable.Range(0, (teachers + observers) * 2 * 5 * periods).Select(_ => random.Next(5)).ToArray();
        return Build(teachers, observers, periods, days, true, 2, 1, -1, cells,
            Enumerable.Range(0, observers).Select(_ => random.Next(1, 5)).ToArray(),
            Enumerable.Range(0, observers).Select(_ => random.Next(2) == 0).ToArray());
    }

    private static readonly string[] Subjects = ["Maths", "English", "Art"];

    /// <summary>
    /// Each cell is one person's (week, day, period): 0 free, 1-3 a lesson in Year 6+n (for observer-only staff, a
    /// support row), 4 a duty.
    /// </summary>
    private static RotaProblem Build(int teachers, int observers, int periods, int days, bool twoWeeks, int perObservee, int perLesson,
        int blocked, int[] cells, int[] visits, bool[] teaches)
    {
        var start = new DateOnly(2026, 11, 2);
        var weeks = twoWeeks ? new[] { TimetableWeek.A, TimetableWeek.B } : [TimetableWeek.Every];
        string StaffRef(int s) => s < teachers ? $"T{s + 1}" : $"S{s - teachers + 1}";
        var observerRefs = Enumerable.Range(0, observers).Select(i => teaches[i] && i < teachers ? StaffRef(i) : StaffRef(teachers + i)).ToList();
        var timetable = new List<TimetableEntry>();
        var duties = new List<Duty>();
        var cell = 0;
        for (var s = 0; s < teachers + observers; s++)
        {
            foreach (var week in weeks)
            {
                for (var day = 0; day < 5; day++)
                {
                    for (var p = 0; p < periods; p++)
                    {
                        var value = cells[cell++];
                        var dayOfWeek = (DayOfWeek)(day + 1);
                        var period = (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        if (value is >= 1 and <= 3)
                        {
                            var year = (6 + value).ToString(System.Globalization.CultureInfo.InvariantCulture);
                            timetable.Add(new TimetableEntry(week, dayOfWeek, period, new TimeOnly(9 + p, 0), new TimeOnly(10 + p, 0),
                                StaffRef(s), $"{year}{(char)('A' + s)}", Subjects[(s + value) % 3], year, $"R{s}"));
                        }
                        else if (value == 4)
                        {
                            duties.Add(new Duty(week, dayOfWeek, period, StaffRef(s), "Duty"));
                        }
                    }
                }
            }
        }
        var kinds = Enum.GetValues<ObserverKind>();
        var observerList = Enumerable.Range(0, observers).Select(i => new Observer(observerRefs[i], $"Observer {i + 1}", kinds[i % kinds.Length],
            visits[i], i % 2 == 0 ? (7 + i / 2 % 3).ToString(System.Globalization.CultureInfo.InvariantCulture) : null)).ToList();
        var observees = Enumerable.Range(0, teachers).Select(s => new Observee(StaffRef(s), $"Teacher {s + 1}")).ToList();
        return new RotaProblem(
            new SchoolCalendar(start, blocked >= 0 ? [start.AddDays(blocked)] : []),
            start, start.AddDays(days - 1), timetable, duties, observerList, observees,
            new RotaSettings { MaxVisitsPerObservee = perObservee, MaxObserversPerLesson = perLesson, Workers = 1, TimeLimit = TimeSpan.FromSeconds(2) });
    }

    private static string Describe(RotaProblem p)
    {
        var text = new StringBuilder();
        text.AppendLine($"{p.From:yyyy-MM-dd}..{p.To:yyyy-MM-dd} blocked {string.Join(',', p.Calendar.Blocked)} per observee {p.Settings.MaxVisitsPerObservee} per lesson {p.Settings.MaxObserversPerLesson}");
        foreach (var e in p.Timetable)
        {
            text.AppendLine($"  {e.Week} {e.Day} P{e.Period} {e.StaffRef} {e.Class} {e.Subject} Y{e.YearGroup}");
        }
        foreach (var d in p.Duties)
        {
            text.AppendLine($"  duty {d.Week} {d.Day} P{d.Period} {d.StaffRef}");
        }
        foreach (var o in p.Observers)
        {
            text.AppendLine($"  observer {o.StaffRef} {o.Kind} visits {o.Visits} focus {o.FocusYearGroup}");
        }
        return text.ToString();
    }
}
