namespace Lynchpin.Core.Observations.Rota;

/// <summary>Which week of a two-week timetable a row belongs to; <see cref="Every"/> for a one-week timetable.</summary>
public enum TimetableWeek
{
    Every,
    A,
    B,
}

/// <summary>One row of an imported timetable: who is where, when. Support staff rows (a TA in a class) are allowed.</summary>
public sealed record TimetableEntry(
    TimetableWeek Week,
    DayOfWeek Day,
    string Period,
    TimeOnly Start,
    TimeOnly End,
    string StaffRef,
    string Class,
    string Subject,
    string YearGroup,
    string Room);

/// <summary>A duty or other regular unavailability (reception, student services, invigilation).</summary>
public sealed record Duty(TimetableWeek Week, DayOfWeek Day, string Period, string StaffRef, string Name);

/// <summary>What kind of observer someone is: for reporting (the share of visits by pastoral and support staff).</summary>
public enum ObserverKind
{
    Slt,
    MiddleLeader,
    Teacher,
    Pastoral,
    Support,
}

/// <summary>
/// A member of staff on the rota as an observer, asking for <paramref name="Visits"/> visits in the range;
/// with a focus year group (an achievement coordinator's year) the rota prefers lessons of that year.
/// </summary>
public sealed record Observer(string StaffRef, string Name, ObserverKind Kind, int Visits, string? FocusYearGroup = null);

/// <summary>A member of staff whose lessons may be visited: a teacher, or anyone else who leads lessons.</summary>
public sealed record Observee(string StaffRef, string Name)
{
    /// <summary>Everyone in a timetable, named by their reference: for callers that have no better list.</summary>
    public static IReadOnlyList<Observee> AllIn(IEnumerable<TimetableEntry> timetable) =>
        timetable.Select(e => e.StaffRef).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => new Observee(r, r)).ToList();
}

public enum ObservationKind
{
    LearningWalk,
    LessonObservation,
    DropIn,
}

public sealed record RotaSettings
{
    public ObservationKind Kind { get; init; } = ObservationKind.LearningWalk;

    public int MaxObserversPerLesson { get; init; } = 1;

    /// <summary>Most visits any one observee receives in the range.</summary>
    public int MaxVisitsPerObservee { get; init; } = 2;

    /// <summary>The solver stops here and returns the best rota found so far.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Solver threads; 0 lets OR-Tools use every core.</summary>
    public int Workers { get; init; }

    public int Seed { get; init; }

    /// <summary>
    /// Above this many feasible (observer, lesson) pairs the model holds a sample of them, so that a large school
    /// still solves within the time limit; the rota is then proven optimal only when it meets the counting bound.
    /// </summary>
    public int MaxModelPairs { get; init; } = 10_000;
}

/// <summary>Everything a rota is built from. Staff references are compared exactly (ordinal).</summary>
public sealed record RotaProblem(
    SchoolCalendar Calendar,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<TimetableEntry> Timetable,
    IReadOnlyList<Duty> Duties,
    IReadOnlyList<Observer> Observers,
    IReadOnlyList<Observee> Observees,
    RotaSettings Settings)
{
    /// <summary>
    /// Nothing is planned in a lesson that starts before this, in the school's own time: a rota is made from now on.
    /// Null for no limit (a worked example, a benchmark).
    /// </summary>
    public DateTime? NotBefore { get; init; }

    /// <summary>Periods observers are already taken on another rota over these dates (kept beside this one).</summary>
    public IReadOnlyList<DatedBusy> Busy { get; init; } = [];

    /// <summary>Whether a lesson on <paramref name="date"/> starting at <paramref name="start"/> is late enough to plan.</summary>
    public bool IsPlannable(DateOnly date, TimeOnly start) => NotBefore is not { } earliest || date.ToDateTime(start) >= earliest;

    internal string ObserverName(string staffRef)
    {
        var observer = Observers.FirstOrDefault(o => o.StaffRef == staffRef);
        return observer is null ? staffRef : Named(observer.Name, staffRef);
    }

    internal string ObserveeName(string staffRef)
    {
        var observee = Observees.FirstOrDefault(o => o.StaffRef == staffRef);
        return observee is null ? staffRef : Named(observee.Name, staffRef);
    }

    internal static string Named(string name, string staffRef) =>
        string.IsNullOrWhiteSpace(name) || name == staffRef ? staffRef : $"{name} ({staffRef})";
}

/// <summary>An observer already busy in a period on a date: a visit on another rota.</summary>
public sealed record DatedBusy(string StaffRef, DateOnly Date, string Period, string Why);

/// <summary>One visit on a rota: an observer in a lesson. Start and end come from the timetable.</summary>
public sealed record Visit(
    DateOnly Date,
    TimetableWeek Week,
    string Period,
    TimeOnly Start,
    TimeOnly End,
    string ObserverRef,
    string ObserveeRef,
    string Class,
    string Subject,
    string YearGroup,
    string Room)
{
    public DayOfWeek Day => Date.DayOfWeek;
}
