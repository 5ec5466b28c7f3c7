using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Careers;

/// <summary>A qualification a role needs within some months of starting it (Careers/BuiltIn/pathways.json, "requirements").</summary>
public sealed record RoleRequirement(string JobTitle, string QualificationCode, int WithinMonths);

public enum DeadlineState
{
    /// <summary>Held: nothing to do.</summary>
    Met,
    /// <summary>Not held and the deadline is more than <see cref="QualificationDeadlines.SoonDays"/> days away.</summary>
    Due,
    /// <summary>Not held and the deadline is within <see cref="QualificationDeadlines.SoonDays"/> days.</summary>
    DueSoon,
    /// <summary>Not held and the deadline has passed.</summary>
    Overdue,
}

/// <summary>A qualification a person must hold by a date, where that came from, and how it stands today.</summary>
public sealed record Deadline(string QualificationCode, DateOnly DueBy, bool FromRole, DeadlineState State, bool InProgress);

public enum ExpiryState
{
    Current,
    ExpiringSoon,
    Expired,
}

/// <summary>A held certificate that must be renewed (first aid, DSL training) and when it runs out.</summary>
public sealed record Expiry(string QualificationCode, DateOnly ExpiresOn, ExpiryState State);

/// <summary>
/// Deadlines for qualifications a role needs, and certificates running out: the rules behind the overdue warnings on
/// the leaders' dashboard. A deadline recorded for the person (an import's <c>required</c> row) replaces the one the
/// role would give.
/// </summary>
public static class QualificationDeadlines
{
    /// <summary>How far ahead a deadline or an expiry counts as soon.</summary>
    public const int SoonDays = 90;

    /// <summary>The role's requirements for a job title, with deadlines counted from when the person started the role.</summary>
    public static IReadOnlyList<(string Code, DateOnly DueBy)> FromRole(string jobTitle, DateOnly? roleStartedOn, IReadOnlyList<RoleRequirement> requirements)
    {
        if (roleStartedOn is not DateOnly start)
        {
            return [];
        }
        return requirements.Where(r => CareerPathways.ContainsWords(jobTitle, r.JobTitle))
            .GroupBy(r => r.QualificationCode)
            .Select(g => (g.Key, start.AddMonths(g.Min(r => r.WithinMonths))))
            .ToList();
    }

    /// <summary>Every deadline a person has: those recorded for them, then their role's (for qualifications not recorded).</summary>
    public static IReadOnlyList<Deadline> For(IReadOnlyList<PersonQualification> recorded, IReadOnlyList<(string Code, DateOnly DueBy)> fromRole, DateOnly today)
    {
        var deadlines = new List<Deadline>();
        foreach (var q in recorded.Where(q => q.RequiredBy is not null))
        {
            deadlines.Add(new(q.QualificationCode, q.RequiredBy!.Value, FromRole: false, State(q.Held, q.RequiredBy.Value, today), q.InProgress && !q.Held));
        }
        foreach (var (code, dueBy) in fromRole)
        {
            if (recorded.Any(q => q.RequiredBy is not null && string.Equals(q.QualificationCode, code, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var own = recorded.FirstOrDefault(q => string.Equals(q.QualificationCode, code, StringComparison.OrdinalIgnoreCase));
            var held = own?.Held == true;
            deadlines.Add(new(code, dueBy, FromRole: true, State(held, dueBy, today), own?.InProgress == true && !held));
        }
        return deadlines.OrderBy(d => d.DueBy).ToList();
    }

    public static DeadlineState State(bool held, DateOnly dueBy, DateOnly today) =>
        held ? DeadlineState.Met
        : today > dueBy ? DeadlineState.Overdue
        : dueBy.DayNumber - today.DayNumber <= SoonDays ? DeadlineState.DueSoon
        : DeadlineState.Due;

    /// <summary>Held certificates that must be renewed, with their expiry; those without a date gained cannot be judged and are left out.</summary>
    public static IReadOnlyList<Expiry> Expiries(IReadOnlyList<PersonQualification> recorded, QualificationCatalogue catalogue, DateOnly today) =>
        recorded.Where(q => q.Held && q.GainedOn is not null)
            .Select(q => (q, Months: catalogue.ByCode(q.QualificationCode)?.ValidForMonths))
            .Where(x => x.Months is not null)
            .Select(x =>
            {
                var expires = x.q.GainedOn!.Value.AddMonths(x.Months!.Value);
                var state = today >= expires ? ExpiryState.Expired
                    : expires.DayNumber - today.DayNumber <= SoonDays ? ExpiryState.ExpiringSoon
                    : ExpiryState.Current;
                return new Expiry(x.q.QualificationCode, expires, state);
            })
            .OrderBy(e => e.ExpiresOn).ToList();
}
