namespace Lynchpin.Core.Observations.Rota;

public enum RotaStatus
{
    /// <summary>The rota is proven best for every goal, in order.</summary>
    Optimal,

    /// <summary>A rota that keeps every rule, found before the time limit; not proven best.</summary>
    Feasible,

    /// <summary>No rota keeps the rules. The model always allows an empty rota, so this means a fault.</summary>
    Infeasible,

    /// <summary>The solver found nothing in time; the rota returned is the greedy one.</summary>
    Unknown,
}

/// <summary>Something a leader should know, about one observer (<see cref="ObserverRef"/>) or the whole rota (null).</summary>
public sealed record RotaMessage(string? ObserverRef, string Text);

/// <summary>
/// One goal's value in the solver's rota and the most it could be given the goals before it;
/// <see cref="Proven"/> when the solver's bound shows no rota does better on this goal and every goal before it.
/// </summary>
public sealed record RotaGoal(string Name, long Value, long UpperBound, bool Proven, long Weight);

/// <summary>
/// The solver's rota. <see cref="Objective"/> is the rota's weighted goals; <see cref="BestBound"/> is what no rota can
/// exceed. <see cref="FeasiblePairs"/> counts every (observer, lesson) pair the rules allow, <see cref="ModelPairs"/>
/// those the model held (fewer when a large problem is sampled). <see cref="StartMeasures"/> measure the rota the
/// solver started from (its hint), to show what the search added.
/// </summary>
public sealed record RotaResult(
    RotaStatus Status,
    IReadOnlyList<Visit> Visits,
    long Objective,
    long BestBound,
    TimeSpan WallTime,
    IReadOnlyList<RotaGoal> Goals,
    RotaMeasures Measures,
    IReadOnlyList<RotaMessage> Messages,
    int FeasiblePairs,
    int ModelPairs,
    RotaMeasures StartMeasures)
{
    /// <summary>(bound − objective) / bound: 0 when proven optimal.</summary>
    public double Gap => BestBound <= 0 ? 0 : Math.Max(0, BestBound - Objective) / (double)BestBound;
}
