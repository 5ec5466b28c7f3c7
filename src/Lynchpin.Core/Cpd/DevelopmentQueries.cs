using Lynchpin.Core.Careers;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pay;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Cpd;

/// <summary>A group's CPD in a year, as the parity report counts it (no pay).</summary>
public sealed record GroupCpd(string Group, string Name, int Headcount, decimal CpdHours, decimal CpdCost, decimal? CpdHoursPerHead, decimal? CpdCostPerHead);

/// <summary>One activity of a person's in the year, with their hours and cost.</summary>
public sealed record PersonActivity(int ActivityId, string Title, CpdKind Kind, string? Provider, DateOnly StartDate, DateOnly EndDate, decimal Hours, decimal Cost);

/// <summary>A person's CPD in a year: their totals and activities (starting in the year).</summary>
public sealed record PersonCpd(int StaffMemberId, string StaffRef, string Name, RoleFamily Family, decimal Hours, decimal Cost, IReadOnlyList<PersonActivity> Activities);

/// <summary>The progression criteria a person has not yet shown, up to and including their next stage.</summary>
public sealed record UnmetCriteria(int StaffMemberId, RoleFamily Family, int? Stage, IReadOnlyList<string> Criteria);

public enum NeedSource
{
    ProgressionCriterion,
    Objective,
    Standard,
}

/// <summary>Something people of a role family need to develop, where the need was read from, and who needs it.</summary>
public sealed record TrainingNeed(RoleFamily Family, NeedSource Source, string Text, IReadOnlyList<int> StaffMemberIds)
{
    public int People => StaffMemberIds.Count;
}

/// <summary>
/// What other areas read about development (the whole-school and trust views of later steps call these rather than
/// the tables): CPD hours per head by group, each person's unmet progression criteria, and the training needs built
/// from those criteria, professional-development objectives and standards rated below secure, by role family.
/// </summary>
public class DevelopmentQueries(LynchpinDbContext db, ParityData parity, CareerStandards standards, Frameworks frameworks)
{
    public async Task<IReadOnlyList<GroupCpd>> CpdByGroupAsync(int schoolId, int year, CancellationToken cancellationToken = default)
    {
        var people = await parity.ForSchoolAsync(schoolId, year, pay: null, cancellationToken);
        return ParityReport.Calculate(people, withPay: false)
            .Select(r => new GroupCpd(r.Group, r.Name, r.Headcount, r.CpdHours, r.CpdCost, r.CpdHoursPerHead, r.CpdCostPerHead)).ToList();
    }

    /// <summary>Everyone at the school in the year with their CPD hours, cost and activities (none is a row too).</summary>
    public async Task<IReadOnlyList<PersonCpd>> PeopleAsync(int schoolId, int year, CancellationToken cancellationToken = default)
    {
        var start = SchoolYear.Start(year);
        var end = SchoolYear.End(year);
        var people = await db.StaffMembers.AsNoTracking().WorkingAt(db, schoolId).InPostDuring(year)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.StaffRef, s.FirstName, s.LastName, s.RoleFamily }).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var attended = (await db.CpdAttendances.AsNoTracking()
            .Where(a => ids.Contains(a.StaffMemberId) && a.Activity.StartDate >= start && a.Activity.StartDate <= end)
            .OrderBy(a => a.Activity.StartDate).ThenBy(a => a.ActivityId)
            .Select(a => new
            {
                a.StaffMemberId,
                Activity = new PersonActivity(a.ActivityId, a.Activity.Title, a.Activity.Kind, a.Activity.Provider,
                a.Activity.StartDate, a.Activity.EndDate, a.Hours, a.Cost)
            })
            .ToListAsync(cancellationToken)).ToLookup(a => a.StaffMemberId, a => a.Activity);
        return people.Select(p =>
        {
            var activities = attended[p.Id].ToList();
            return new PersonCpd(p.Id, p.StaffRef, $"{p.FirstName} {p.LastName}", p.RoleFamily, activities.Sum(a => a.Hours), activities.Sum(a => a.Cost), activities);
        }).ToList();
    }

    public async Task<IReadOnlyList<UnmetCriteria>> UnmetCriteriaAsync(School school, int year, CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.ForSchoolAsync(school, cancellationToken);
        var people = await db.StaffMembers.AsNoTracking().WorkingAt(db, school.Id).InPostDuring(year)
            .Select(s => new { s.Id, s.RoleFamily }).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var latest = await db.Assessments.AsNoTracking()
            .Where(a => a.IsCurrent && a.Year == year && ids.Contains(a.StaffMemberId))
            .GroupBy(a => a.StaffMemberId)
            .Select(g => g.OrderByDescending(a => a.Checkpoint).First())
            .ToDictionaryAsync(a => a.StaffMemberId, cancellationToken);
        return people.Select(p =>
        {
            latest.TryGetValue(p.Id, out var assessment);
            var upTo = Math.Min((assessment?.Stage ?? 0) + 1, ProgressionStage.Highest);
            var met = assessment?.CriteriaMet.ToHashSet() ?? [];
            var unmet = Enumerable.Range(1, upTo)
                .SelectMany(stage => framework.CriteriaFor(stage, p.RoleFamily).Select(c => c.Text))
                .Where(text => !met.Contains(text)).Distinct().ToList();
            return new UnmetCriteria(p.Id, p.RoleFamily, assessment?.Stage, unmet);
        }).ToList();
    }

    public async Task<IReadOnlyList<TrainingNeed>> TrainingNeedsAsync(School school, int year, CancellationToken cancellationToken = default)
    {
        var needs = new List<(RoleFamily Family, NeedSource Source, string Text, int Person)>();
        var unmet = await UnmetCriteriaAsync(school, year, cancellationToken);
        foreach (var person in unmet)
        {
            needs.AddRange(person.Criteria.Select(c => (person.Family, NeedSource.ProgressionCriterion, c, person.StaffMemberId)));
        }
        var families = unmet.ToDictionary(p => p.StaffMemberId, p => p.Family);
        var ids = families.Keys.ToList();

        var objectives = await db.Objectives.AsNoTracking()
            .Where(o => o.Type == ObjectiveType.ProfessionalDevelopment && o.Appraisal.Cycle.Year == year && ids.Contains(o.Appraisal.StaffMemberId))
            .Select(o => new { o.Appraisal.StaffMemberId, o.Title }).ToListAsync(cancellationToken);
        needs.AddRange(objectives.Select(o => (families[o.StaffMemberId], NeedSource.Objective, o.Title, o.StaffMemberId)));

        var sets = await standards.ForSchoolAsync(school, cancellationToken);
        var texts = sets.SelectMany(s => s.Set.Standards.Select(x => (Key: (s.Set.Code, x.Code), Text: $"{s.Set.Name}: {x.Text}")))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Text);
        var ratings = (await db.StandardAssessments.AsNoTracking().Where(a => ids.Contains(a.StaffMemberId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.StaffMemberId);
        foreach (var person in ratings)
        {
            foreach (var (key, rating) in StandardRatings.Current(person))
            {
                if (rating < PathwayGaps.Expected && texts.TryGetValue(key, out var text))
                {
                    needs.Add((families[person.Key], NeedSource.Standard, text, person.Key));
                }
            }
        }

        return needs.GroupBy(n => (n.Family, n.Source, n.Text))
            .Select(g => new TrainingNeed(g.Key.Family, g.Key.Source, g.Key.Text, g.Select(n => n.Person).Distinct().Order().ToList()))
            .OrderBy(n => n.Family).ThenByDescending(n => n.People).ThenBy(n => n.Source).ThenBy(n => n.Text)
            .ToList();
    }
}
