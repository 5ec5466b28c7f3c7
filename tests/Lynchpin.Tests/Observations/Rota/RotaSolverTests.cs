using Lynchpin.Core.Observations.Rota;
using static Lynchpin.Tests.Observations.Rota.RotaExample;

namespace Lynchpin.Tests.Observations.Rota;

public class RotaSolverTests
{
    private static readonly RotaSettings Quick = new() { Workers = 1, TimeLimit = TimeSpan.FromSeconds(2) };

    /// <summary>
    /// Mon 2 and Tue 3 Nov, one visit per observee at most.
    /// <code>
    ///        Mon P1          Mon P2       Tue P1       Tue P2
    /// T1     7X (Y7)         –            9Z (Y9)      –
    /// T2     –               9Y (Y9)      –            8W (Y8)
    /// T3     9V (Y9)         –            –            –
    /// </code>
    /// Amira (focus Y9) asks for 3 visits, Sam (SLT) for 1. Three observees once each allow 3 visits and 3 observees
    /// whoever makes them; Amira can make all three in Year 9 (T3 Mon P1, T2 Mon P2, T1 Tue P1) and any visit of Sam's
    /// would take one of those teachers from her, so the only best rota gives Amira those three and Sam none.
    /// </summary>
    [Fact]
    public void Solve_SmallCase_FindsTheOptimumWorkedOutByHand()
    {
        TimetableEntry Row(DayOfWeek day, string period, string staff, string @class, string year) =>
            new(TimetableWeek.Every, day, period, new TimeOnly(period == "1" ? 9 : 10, 0), new TimeOnly(period == "1" ? 10 : 11, 0),
                staff, @class, "Maths", year, "R1");
        var problem = new RotaProblem(new SchoolCalendar(Mon2), Mon2, Tue3,
            [
                Row(DayOfWeek.Monday, "1", "T1", "7X", "7"), Row(DayOfWeek.Tuesday, "1", "T1", "9Z", "9"),
                Row(DayOfWeek.Monday, "2", "T2", "9Y", "9"), Row(DayOfWeek.Tuesday, "2", "T2", "8W", "8"),
                Row(DayOfWeek.Monday, "1", "T3", "9V", "9"),
            ],
            [],
            [new Observer("AC9", "Amira Khan", ObserverKind.Pastoral, 3, "9"), new Observer("SLT1", "Sam Bell", ObserverKind.Slt, 1)],
            [new Observee("T1", "T1"), new Observee("T2", "T2"), new Observee("T3", "T3")],
            Quick with { MaxVisitsPerObservee = 1 });

        var result = RotaSolver.Solve(problem);

        Assert.Equal(RotaStatus.Optimal, result.Status);
        Assert.Equal(
            [("2026-11-02", "1", "AC9", "T3"), ("2026-11-02", "2", "AC9", "T2"), ("2026-11-03", "1", "AC9", "T1")],
            result.Visits.Select(v => (v.Date.ToString("yyyy-MM-dd"), v.Period, v.ObserverRef, v.ObserveeRef)));
        Assert.Equal(result.Objective, result.BestBound);
        Assert.All(result.Goals, g => Assert.True(g.Proven, g.Name));
        long Goal(string name) => result.Goals.Single(g => g.Name == name).Value;
        Assert.Equal(3, Goal(RotaSolver.VisitsGoal));
        Assert.Equal(3, Goal(RotaSolver.ObserveesGoal));
        Assert.Equal(3, Goal(RotaSolver.FocusGoal));
        Assert.Equal(1, result.Measures.Shortfall);
        var message = Assert.Single(result.Messages, m => m.ObserverRef is not null);
        Assert.Equal("SLT1", message.ObserverRef);
        Assert.StartsWith("Sam Bell (SLT1) gets 0 of 1 visits: ", message.Text);
        Assert.Empty(RotaChecker.Check(problem, result.Visits));
    }

    [Fact]
    public void Solve_ObserverWithTooFewFreePeriods_IsNamedWithTheReason()
    {
        // Lessons run in 6 periods of the range; Amira is on duty in 2 of them (Tuesdays, period 1).
        var problem = Problem() with
        {
            Observers = [new Observer("AC9", "Amira Khan", ObserverKind.Pastoral, 6, "9")],
        };

        var result = RotaSolver.Solve(problem);

        var message = Assert.Single(result.Messages, m => m.ObserverRef == "AC9");
        Assert.Equal("Amira Khan (AC9) asks for 6 visits but is free during only 4 lesson periods from Mon 2 Nov 2026 to Tue 10 Nov 2026.", message.Text);
        Assert.Equal(4, result.Measures.VisitsMade);
        Assert.Equal(RotaStatus.Optimal, result.Status);
        Assert.Empty(RotaChecker.Check(problem, result.Visits));
    }

    [Fact]
    public void Solve_ObserverWhoIsAlwaysBusy_IsNamed()
    {
        var problem = Problem() with
        {
            Duties = [.. Problem().Duties, new Duty(TimetableWeek.Every, DayOfWeek.Monday, "1", "AC9", "Gate"), new Duty(TimetableWeek.Every, DayOfWeek.Monday, "2", "AC9", "Gate")],
        };

        var result = RotaSolver.Solve(problem);

        Assert.Contains(result.Messages, m => m.Text == "Amira Khan (AC9) asks for 2 visits but is teaching or on duty whenever lessons take place from Mon 2 Nov 2026 to Tue 10 Nov 2026.");
        Assert.DoesNotContain(result.Visits, v => v.ObserverRef == "AC9");
    }

    [Fact]
    public void Solve_TwoObserversTwoTeachers_SpreadOverDaysAndDoNotRepeatPairs()
    {
        // T1 and T2 both teach Maths in period 1 on Monday and Tuesday; O1 and O2 want 2 visits each.
        TimetableEntry Row(DayOfWeek day, string staff) => new(TimetableWeek.Every, day, "1", new TimeOnly(9, 0), new TimeOnly(10, 0), staff, staff + "C", "Maths", "8", "R1");
        var problem = new RotaProblem(new SchoolCalendar(Mon2), Mon2, Tue3,
            [Row(DayOfWeek.Monday, "T1"), Row(DayOfWeek.Tuesday, "T1"), Row(DayOfWeek.Monday, "T2"), Row(DayOfWeek.Tuesday, "T2")],
            [],
            [new Observer("O1", "O1", ObserverKind.Teacher, 2), new Observer("O2", "O2", ObserverKind.Support, 2)],
            [new Observee("T1", "T1"), new Observee("T2", "T2")],
            Quick);

        var result = RotaSolver.Solve(problem);

        Assert.Equal(RotaStatus.Optimal, result.Status);
        Assert.Equal(4, result.Visits.Count);
        foreach (var observer in result.Visits.GroupBy(v => v.ObserverRef))
        {
            Assert.Equal(2, observer.Select(v => v.ObserveeRef).Distinct().Count());
            Assert.Equal(2, observer.Select(v => v.Date).Distinct().Count());
        }
        Assert.Equal(0, result.Measures.RepeatedPairs);
    }

    /// <summary>
    /// T1, T2 and T3 teach Year 9 in periods 1, 2 and 3 on Monday, once each. Amira (focus Y9) and Sam both ask for 3:
    /// only 3 visits exist. Giving Amira all three would suit her focus, but sharing the shortfall comes first, so
    /// Amira gets 2 (both in her year group, as every lesson is) and Sam 1.
    /// </summary>
    [Fact]
    public void Solve_WhenNotEveryoneCanHaveTheirVisits_TheShortfallIsSharedBeforeTheFocusGoal()
    {
        TimetableEntry Row(string staff, string period) =>
            new(TimetableWeek.Every, DayOfWeek.Monday, period, new TimeOnly(8 + int.Parse(period), 0), new TimeOnly(9 + int.Parse(period), 0), staff, "9" + staff, "Maths", "9", "R1");
        var problem = new RotaProblem(new SchoolCalendar(Mon2), Mon2, Mon2,
            [Row("T1", "1"), Row("T2", "2"), Row("T3", "3")],
            [],
            [new Observer("AC9", "Amira Khan", ObserverKind.Pastoral, 3, "9"), new Observer("SLT1", "Sam Bell", ObserverKind.Slt, 3)],
            [new Observee("T1", "T1"), new Observee("T2", "T2"), new Observee("T3", "T3")],
            Quick with { MaxVisitsPerObservee = 1 });

        var result = RotaSolver.Solve(problem);

        Assert.Equal(RotaStatus.Optimal, result.Status);
        Assert.Equal(2, result.Visits.Count(v => v.ObserverRef == "AC9"));
        Assert.Equal(1, result.Visits.Count(v => v.ObserverRef == "SLT1"));
        Assert.Equal(2, result.Measures.MaxObserverShortfall);
        Assert.Equal(2, result.Messages.Count(m => m.ObserverRef is not null));
    }

    [Fact]
    public void Solve_LargeProblemIsSampled_StillKeepsEveryRuleAndReportsABoundForThewholeProblem()
    {
        var problem = RotaProperties.Random(new Random(7), teachers: 6, observers: 4, periods: 3, days: 10) with
        {
            Settings = Quick with { MaxModelPairs = 40 },
        };

        var result = RotaSolver.Solve(problem);

        Assert.True(result.ModelPairs < result.FeasiblePairs, $"{result.ModelPairs} of {result.FeasiblePairs}");
        Assert.Empty(RotaChecker.Check(problem, result.Visits));
        Assert.True(result.BestBound >= result.Objective);
        Assert.Equal(result.Objective >= result.BestBound, result.Status == RotaStatus.Optimal);
    }

    [Fact]
    public void Solve_TwoWeekTimetableWithoutAWeekADate_SaysSo()
    {
        var problem = Problem() with { Calendar = new SchoolCalendar(null, [Wed4]) };

        var result = RotaSolver.Solve(problem);

        Assert.Contains(result.Messages, m => m.ObserverRef is null && m.Text.Contains("does not say when week A starts", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Visits, v => v.Class == "9B");
        Assert.Empty(RotaChecker.Check(problem, result.Visits));
    }

    [Fact]
    public void Solve_NoLessonsInTheRange_ReturnsAnEmptyRotaAndSaysWhy()
    {
        var problem = Problem() with { From = Sat7, To = Sat7 };

        var result = RotaSolver.Solve(problem);

        Assert.Empty(result.Visits);
        Assert.Contains(result.Messages, m => m.Text.StartsWith("No lessons take place from Sat 7 Nov 2026", StringComparison.Ordinal));
    }

    [Fact]
    public void Weights_OneUnitOfAGoalOutweighsEverythingBelowIt()
    {
        long[] ranges = [4, 3, 5, 2];

        var weights = RotaSolver.Weights(ranges);

        Assert.Equal(1, weights[^1]);
        for (var k = 0; k < ranges.Length - 1; k++)
        {
            var below = Enumerable.Range(k + 1, ranges.Length - k - 1).Sum(j => ranges[j] * weights[j]);
            Assert.True(weights[k] > below, $"goal {k}: {weights[k]} ≤ {below}");
        }
    }

    [Fact]
    public void GoalResults_ProveTheGoalsTheBoundLeavesNoRoomIn()
    {
        long[] ranges = [4, 3, 5];
        var weights = RotaSolver.Weights(ranges); // 24, 6, 1
        Assert.Equal([24L, 6L, 1L], weights);
        var value = 4 * weights[0] + 2 * weights[1] + 5 * weights[2];

        // A bound one unit of goal 2 above the rota: goal 1 is proven, goal 2 could be one better.
        var goals = RotaSolver.GoalResults([("a", 4, 4), ("b", 2, 3), ("c", 5, 5)], weights, value + weights[1]);

        Assert.Equal([true, false, false], goals.Select(g => g.Proven));
        Assert.Equal([4L, 3L, 5L], goals.Select(g => g.UpperBound));
    }
}
