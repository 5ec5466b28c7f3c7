using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Tests.Observations.Rota;

/// <summary>
/// A small school worked by hand. Week A starts Mon 2 Nov 2026; Wed 4 Nov is an INSET day; the rota runs Mon 2 to
/// Tue 10 Nov. Period 1 is 9:00-10:00, period 2 10:00-11:00.
/// <code>
///            Mon P1            Mon P2                 Tue P1
/// T1 Tom     9A Maths (Y9)     –                      10B Maths (Y10)
/// T2 Sara    7C English (Y7)   9B English (Y9), wk A  –
/// T3 Ravi    –                 8A Science (Y8)        –
/// TA1 Jo     in 9A (support)   –                      –
/// AC9 Amira  –                 –                      on duty: Reception
/// </code>
/// Observers: Amira Khan (AC9, pastoral, 2 visits, focus Y9), Ravi Shah (T3, middle leader, 1), Jo Ward (TA1, support, 1).
/// Observees: T1, T2, T3.
/// </summary>
internal static class RotaExample
{
    public static readonly DateOnly Mon2 = new(2026, 11, 2);
    public static readonly DateOnly Tue3 = new(2026, 11, 3);
    public static readonly DateOnly Wed4 = new(2026, 11, 4);
    public static readonly DateOnly Sat7 = new(2026, 11, 7);
    public static readonly DateOnly Mon9 = new(2026, 11, 9);
    public static readonly DateOnly Mon16 = new(2026, 11, 16);

    public static TimetableEntry Row(TimetableWeek week, DayOfWeek day, string period, string staff, string @class, string subject, string year) =>
        new(week, day, period, new TimeOnly(period == "1" ? 9 : 10, 0), new TimeOnly(period == "1" ? 10 : 11, 0), staff, @class, subject, year, "R1");

    public static RotaProblem Problem(RotaSettings? settings = null) => new(
        new SchoolCalendar(Mon2, [Wed4]),
        Mon2,
        new DateOnly(2026, 11, 10),
        [
            Row(TimetableWeek.Every, DayOfWeek.Monday, "1", "T1", "9A", "Maths", "9"),
            Row(TimetableWeek.Every, DayOfWeek.Tuesday, "1", "T1", "10B", "Maths", "10"),
            Row(TimetableWeek.Every, DayOfWeek.Monday, "1", "T2", "7C", "English", "7"),
            Row(TimetableWeek.A, DayOfWeek.Monday, "2", "T2", "9B", "English", "9"),
            Row(TimetableWeek.Every, DayOfWeek.Monday, "2", "T3", "8A", "Science", "8"),
            Row(TimetableWeek.Every, DayOfWeek.Monday, "1", "TA1", "9A", "Maths", "9"),
        ],
        [new Duty(TimetableWeek.Every, DayOfWeek.Tuesday, "1", "AC9", "Reception")],
        [
            new Observer("AC9", "Amira Khan", ObserverKind.Pastoral, 2, "9"),
            new Observer("T3", "Ravi Shah", ObserverKind.MiddleLeader, 1),
            new Observer("TA1", "Jo Ward", ObserverKind.Support, 1),
        ],
        [new Observee("T1", "Tom Reed"), new Observee("T2", "Sara Cole"), new Observee("T3", "Ravi Shah")],
        settings ?? new RotaSettings { Workers = 1, TimeLimit = TimeSpan.FromSeconds(2) });

    /// <summary>A visit as a leader would enter it: the lesson's details are whatever the caller says.</summary>
    public static Visit Visit(DateOnly date, string period, string observer, string observee, string @class) =>
        new(date, TimetableWeek.A, period, new TimeOnly(9, 0), new TimeOnly(10, 0), observer, observee, @class, "Maths", "9", "R1");

    /// <summary>Keeps every rule: Amira sees Tom and Sara, Ravi sees Tom, Jo sees Ravi.</summary>
    public static IReadOnlyList<Visit> ValidRota =>
    [
        Visit(Mon2, "1", "AC9", "T1", "9A"),
        Visit(Mon2, "2", "AC9", "T2", "9B"),
        Visit(Tue3, "1", "T3", "T1", "10B"),
        Visit(Mon2, "2", "TA1", "T3", "8A"),
    ];
}
