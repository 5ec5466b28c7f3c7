using System.Text.RegularExpressions;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

/// <summary>The codes used on the command line, in URLs and in the database, and the names people read.</summary>
public static class ObservationCodes
{
    public static readonly IReadOnlyList<ObservationKind> Kinds = Enum.GetValues<ObservationKind>();

    public static readonly IReadOnlyList<ObserverKind> ObserverKinds = Enum.GetValues<ObserverKind>();

    public static string Code(this ObservationKind kind) => kind switch
    {
        ObservationKind.LearningWalk => "learning-walk",
        ObservationKind.LessonObservation => "lesson-observation",
        ObservationKind.DropIn => "drop-in",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(this ObservationKind kind) => kind switch
    {
        ObservationKind.LearningWalk => "Learning walk",
        ObservationKind.LessonObservation => "Lesson observation",
        ObservationKind.DropIn => "Drop-in",
        _ => kind.ToString(),
    };

    public static bool TryParseKind(string? code, out ObservationKind kind)
    {
        var trimmed = code?.Trim().ToLowerInvariant();
        foreach (var candidate in Kinds)
        {
            if (candidate.Code() == trimmed)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static ObservationKind ParseKind(string code) =>
        TryParseKind(code, out var kind) ? kind : throw new InvalidOperationException($"Unknown observation kind '{code}'.");

    public static readonly IReadOnlyList<CalendarDayKind> DayKinds = Enum.GetValues<CalendarDayKind>();

    public static string Code(this CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Term => "term",
        CalendarDayKind.Holiday => "holiday",
        CalendarDayKind.Inset => "inset",
        CalendarDayKind.Closure => "closure",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(this CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Term => "Term",
        CalendarDayKind.Holiday => "Holiday",
        CalendarDayKind.Inset => "INSET day",
        CalendarDayKind.Closure => "Closure",
        _ => kind.ToString(),
    };

    /// <summary>term, holiday, inset or closure, in any case; "INSET day" and "closed" are read too.</summary>
    public static bool TryParseDayKind(string? code, out CalendarDayKind kind)
    {
        var trimmed = code?.Trim().ToLowerInvariant();
        kind = trimmed switch
        {
            "term" => CalendarDayKind.Term,
            "holiday" or "holidays" => CalendarDayKind.Holiday,
            "inset" or "inset day" => CalendarDayKind.Inset,
            "closure" or "closed" => CalendarDayKind.Closure,
            _ => (CalendarDayKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    public static CalendarDayKind ParseDayKind(string code) =>
        TryParseDayKind(code, out var kind) ? kind : throw new InvalidOperationException($"Unknown calendar day kind '{code}'.");

    public static string Code(this ObserverKind kind) => kind switch
    {
        ObserverKind.Slt => "slt",
        ObserverKind.MiddleLeader => "middle-leader",
        ObserverKind.Teacher => "teacher",
        ObserverKind.Pastoral => "pastoral",
        ObserverKind.Support => "support",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(this ObserverKind kind) => kind switch
    {
        ObserverKind.Slt => "Senior leader",
        ObserverKind.MiddleLeader => "Middle leader",
        ObserverKind.Teacher => "Teacher",
        ObserverKind.Pastoral => "Pastoral",
        ObserverKind.Support => "Support staff",
        _ => kind.ToString(),
    };

    public static bool TryParseObserverKind(string? code, out ObserverKind kind)
    {
        var trimmed = code?.Trim().ToLowerInvariant();
        foreach (var candidate in ObserverKinds)
        {
            if (candidate.Code() == trimmed)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static ObserverKind ParseObserverKind(string code) =>
        TryParseObserverKind(code, out var kind) ? kind : throw new InvalidOperationException($"Unknown observer kind '{code}'.");

    /// <summary>Pastoral and support staff: the observers whose share of visits the school watches.</summary>
    public static bool IsPastoralOrSupport(this ObserverKind kind) => kind is ObserverKind.Pastoral or ObserverKind.Support;
}

/// <summary>
/// What kind of observer a member of staff is, from their staff record alone:
/// <list type="number">
/// <item>on the senior leadership team (<see cref="StaffMember.Slt"/>) → <see cref="ObserverKind.Slt"/>, whatever their role family;</item>
/// <item>role family pastoral or inclusion → <see cref="ObserverKind.Pastoral"/>;</item>
/// <item>any other support role family (learning support, business, administration, site, community, technical) →
/// <see cref="ObserverKind.Support"/>;</item>
/// <item>teaching, with a leadership job title (head of…, second in…, leader, lead, director, coordinator, SENCo,
/// manager) → <see cref="ObserverKind.MiddleLeader"/>;</item>
/// <item>any other teacher → <see cref="ObserverKind.Teacher"/>.</item>
/// </list>
/// </summary>
public static partial class ObserverKinds
{
    public static ObserverKind Of(StaffMember person) => Of(person.Slt, person.RoleFamily, person.JobTitle);

    public static ObserverKind Of(bool slt, RoleFamily roleFamily, string jobTitle) =>
        slt ? ObserverKind.Slt
        : roleFamily is RoleFamily.Pastoral or RoleFamily.Inclusion ? ObserverKind.Pastoral
        : roleFamily != RoleFamily.Teaching ? ObserverKind.Support
        : LeadershipTitle().IsMatch(jobTitle) ? ObserverKind.MiddleLeader
        : ObserverKind.Teacher;

    [GeneratedRegex(@"\b(head of|second in|leader|lead|director|co-?ordinator|senco|manager)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadershipTitle();
}
