using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Careers;

/// <summary>A person on a step of a pathway, for the leaders' view.</summary>
public sealed record PersonOnStep(int StaffMemberId, string Name, string JobTitle, PathwayStep Step, DateOnly StartedOn, PathwayStep? Aim);

/// <summary>A move up from within in a school year: someone already on staff taking a new step.</summary>
public sealed record InternalMove(int StaffMemberId, string Name, RoleFamily Family, string From, string To, DateOnly On);

/// <summary>One school year's moves up from within: how many in each role family, and in all.</summary>
public sealed record MoveYear(int Year, IReadOnlyDictionary<RoleFamily, int> ByFamily, int Total);

/// <summary>Moves up from within counted per school year (newest first), by the role families that had any.</summary>
public sealed record MoveCounts(IReadOnlyList<RoleFamily> Families, IReadOnlyList<MoveYear> Years)
{
    public static MoveCounts Of(IEnumerable<InternalMove> moves)
    {
        var list = moves.ToList();
        var families = list.Select(m => m.Family).Distinct().Order().ToList();
        var years = list.GroupBy(m => SchoolYear.Of(m.On)).OrderByDescending(g => g.Key)
            .Select(g => new MoveYear(g.Key, families.ToDictionary(f => f, f => g.Count(m => m.Family == f)), g.Count()))
            .ToList();
        return new(families, years);
    }
}

/// <summary>A qualification deadline of someone at the school, for the overdue warnings.</summary>
public sealed record PersonDeadline(int StaffMemberId, string Name, string QualificationName, Deadline Deadline);

/// <summary>
/// The leaders' view of careers at a school: who is on which pathway and step, moves up from within by year, and the
/// qualification deadlines that are overdue or due soon (the warnings on the leaders' pages).
/// </summary>
public class CareersOverview(LynchpinDbContext db, CareerProfiles profiles)
{
    public async Task<IReadOnlyList<PersonOnStep>> OnPathwaysAsync(School school, DateOnly today, CancellationToken ct = default)
    {
        var people = await InPostAsync(school, today, ct);
        var ids = people.Keys.ToList();
        var steps = (await db.CareerSteps.AsNoTracking().Where(s => ids.Contains(s.StaffMemberId) && (s.EndedOn == null || s.EndedOn >= today))
            .ToListAsync(ct)).GroupBy(s => s.StaffMemberId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.StartedOn).First());
        var pathways = CareerPathways.BuiltIn;
        return steps.Values
            .Select(s => (Record: s, Step: pathways.Step(s.PathwayCode, s.StepCode), Person: people[s.StaffMemberId]))
            .Where(x => x.Step is not null)
            .Select(x => new PersonOnStep(x.Record.StaffMemberId, x.Person.FullName, x.Person.JobTitle, x.Step!, x.Record.StartedOn,
                x.Record.AimStepCode is { } aim ? pathways.Resolve(x.Record.PathwayCode, aim) : null))
            .OrderBy(p => p.Step.PathwayCode).ThenBy(p => p.Step.Order).ThenBy(p => p.Name)
            .ToList();
    }

    /// <summary>Moves to a new step by people already at the school (not their first step there), by the school year they began.</summary>
    public async Task<IReadOnlyList<InternalMove>> InternalMovesAsync(School school, CancellationToken ct = default)
    {
        var staff = await db.StaffMembers.AsNoTracking().WorkingAt(db, school.Id).ToDictionaryAsync(s => s.Id, ct);
        var ids = staff.Keys.ToList();
        var steps = await db.CareerSteps.AsNoTracking().Where(s => ids.Contains(s.StaffMemberId)).OrderBy(s => s.StartedOn).ToListAsync(ct);
        var pathways = CareerPathways.BuiltIn;
        var moves = new List<InternalMove>();
        foreach (var person in steps.GroupBy(s => s.StaffMemberId))
        {
            var ordered = person.ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var member = staff[person.Key];
                var from = pathways.Step(ordered[i - 1].PathwayCode, ordered[i - 1].StepCode)?.Title ?? ordered[i - 1].StepCode;
                var to = pathways.Step(ordered[i].PathwayCode, ordered[i].StepCode)?.Title ?? ordered[i].StepCode;
                moves.Add(new InternalMove(member.Id, member.FullName, member.RoleFamily, from, to, ordered[i].StartedOn));
            }
        }
        return moves.OrderByDescending(m => m.On).ThenBy(m => m.Name).ToList();
    }

    /// <summary>
    /// Deadlines not yet met that are overdue or due within <see cref="QualificationDeadlines.SoonDays"/> days, and certificates
    /// out of date or running out within them, most urgent first.
    /// </summary>
    public async Task<IReadOnlyList<PersonDeadline>> DeadlinesAsync(School school, DateOnly today, CancellationToken ct = default)
    {
        var people = await InPostAsync(school, today, ct);
        var ids = people.Keys.ToList();
        var recorded = (await db.PersonQualifications.AsNoTracking().Where(q => ids.Contains(q.StaffMemberId)).ToListAsync(ct)).ToLookup(q => q.StaffMemberId);
        var roleStarts = (await db.CareerSteps.AsNoTracking().Where(s => ids.Contains(s.StaffMemberId) && (s.EndedOn == null || s.EndedOn >= today))
            .ToListAsync(ct)).GroupBy(s => s.StaffMemberId).ToDictionary(g => g.Key, g => g.Max(s => s.StartedOn));
        var catalogue = await profiles.CatalogueAsync(school, ct);
        var result = new List<PersonDeadline>();
        foreach (var person in people.Values)
        {
            var start = roleStarts.TryGetValue(person.Id, out var started) ? started : person.StartDate;
            var deadlines = QualificationDeadlines.For(recorded[person.Id].ToList(),
                QualificationDeadlines.FromRole(person.JobTitle, start, BuiltInCareers.Requirements), today);
            result.AddRange(deadlines.Where(d => d.State is DeadlineState.Overdue or DeadlineState.DueSoon)
                .Select(d => new PersonDeadline(person.Id, person.FullName, catalogue.ByCode(d.QualificationCode)?.Name ?? d.QualificationCode, d)));
            // A certificate out of date is overdue for renewal; one running out within the same 90 days is due soon.
            result.AddRange(QualificationDeadlines.Expiries(recorded[person.Id].ToList(), catalogue, today)
                .Where(e => e.State is ExpiryState.Expired or ExpiryState.ExpiringSoon)
                .Select(e => new PersonDeadline(person.Id, person.FullName, $"{catalogue.ByCode(e.QualificationCode)?.Name ?? e.QualificationCode} (renewal)",
                    new Deadline(e.QualificationCode, e.ExpiresOn, FromRole: false,
                        e.State == ExpiryState.Expired ? DeadlineState.Overdue : DeadlineState.DueSoon, InProgress: false))));
        }
        return result.OrderBy(d => d.Deadline.State == DeadlineState.Overdue ? 0 : 1).ThenBy(d => d.Deadline.DueBy).ThenBy(d => d.Name).ToList();
    }

    private Task<Dictionary<int, StaffMember>> InPostAsync(School school, DateOnly today, CancellationToken ct) =>
        db.StaffMembers.AsNoTracking().WorkingAt(db, school.Id)
            .Where(s => (s.StartDate == null || s.StartDate <= today) && (s.LeavingDate == null || s.LeavingDate >= today))
            .ToDictionaryAsync(s => s.Id, ct);
}
