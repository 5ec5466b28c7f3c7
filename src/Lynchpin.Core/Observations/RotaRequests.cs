using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

/// <summary>Changes to the school's settings for one rota; null keeps the setting (or the solver's default).</summary>
public sealed record RotaOverrides
{
    public int? MaxVisitsPerObservee { get; init; }
    public int? MaxObserversPerLesson { get; init; }
    public TimeSpan? TimeLimit { get; init; }
    /// <summary>Solver threads; tests use 1 for results that repeat.</summary>
    public int? Workers { get; init; }
    public int? Seed { get; init; }
}

/// <summary>What to do when a new rota's dates overlap a rota the school already has.</summary>
public enum RotaOverlap
{
    /// <summary>Make nothing and say which rotas overlap (the default: the leader chooses).</summary>
    Refuse,

    /// <summary>Delete the overlapping rotas (records made for their visits are kept) and make the new one.</summary>
    Replace,

    /// <summary>Keep them: the new rota plans around their visits, and coverage counts both.</summary>
    Keep,
}

public sealed record RotaRequest(DateOnly From, DateOnly To, ObservationKind Kind, RotaOverrides? Overrides = null, RotaOverlap Overlap = RotaOverlap.Refuse);

/// <summary>A stored rota as lists of rotas show it.</summary>
public sealed record RotaSummary(int Id, ObservationKind Kind, DateOnly From, DateOnly To, RotaStatus Status, int Visits, DateTime CreatedAt)
{
    /// <summary>"the learning walk rota from 2 November 2026 to 18 December 2026".</summary>
    public string Description => $"the {Kind.DisplayName().ToLowerInvariant()} rota from {Dates.Range(From, To)}";
}

/// <summary>The member of staff behind a reference in a rota problem.</summary>
public sealed record RotaPerson(int StaffMemberId, string StaffRef, string Name, ObserverKind Kind)
{
    /// <summary>"Amira Khan (AC9)", as the solver's messages name people.</summary>
    public string Label => $"{Name} ({StaffRef})";
}

/// <summary>A rota problem built from a school's data, with the staff behind its references.</summary>
public sealed class SchoolRotaProblem(School school, RotaProblem problem, CalendarSetup calendar, IReadOnlyList<RotaPerson> staff)
{
    private readonly Dictionary<string, RotaPerson> byRef = staff.ToDictionary(p => p.StaffRef, StringComparer.Ordinal);
    private readonly Dictionary<int, RotaPerson> byId = staff.ToDictionary(p => p.StaffMemberId);

    public School School { get; } = school;
    public RotaProblem Problem { get; } = problem;
    public CalendarSetup Calendar { get; } = calendar;

    /// <summary>Everyone on the school's staff, in post or not.</summary>
    public IReadOnlyCollection<RotaPerson> Staff => byId.Values;

    public RotaPerson Person(string staffRef) => byRef[staffRef];

    public RotaPerson? PersonOrNull(int staffMemberId) => byId.GetValueOrDefault(staffMemberId);

    /// <summary>A stored visit in the solver's terms (references, not ids), for the checker, measures and CSV.</summary>
    public Visit ToVisit(RotaVisit v) => new(v.Date, v.Week, v.Period, v.Start, v.End,
        byId[v.ObserverId].StaffRef, byId[v.ObserveeId].StaffRef, v.Class, v.Subject, v.YearGroup, v.Room);
}

/// <summary>A stored rota with the solver's full report, the problem it solved and the rotas it replaced.</summary>
public sealed record RotaGeneration(ObservationRota Rota, RotaResult Result, SchoolRotaProblem Problem, IReadOnlyList<RotaSummary> Replaced);

/// <summary>A lesson to put a visit in: the observee's lesson in that period on that date (the class when they have two).</summary>
public sealed record VisitSlot(DateOnly Date, string Period, int ObserveeId, string? Class = null);
