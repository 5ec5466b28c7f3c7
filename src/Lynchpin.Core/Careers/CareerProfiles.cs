using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Careers;

/// <summary>One standard with the person's own latest rating and their line manager's.</summary>
public sealed record StandardView(Standard Standard, StandardAssessment? Self, StandardAssessment? LineManager);

/// <summary>A set of standards the person works to, as their school follows it.</summary>
public sealed record PersonStandards(ResolvedStandardSet Set, IReadOnlyList<StandardView> Standards);

/// <summary>A person's qualification with its catalogue entry (null if the code is no longer in the catalogue).</summary>
public sealed record QualificationView(PersonQualification Record, Qualification? Entry)
{
    public string Name => Entry?.Name ?? Record.QualificationCode;
}

/// <summary>
/// Where a person stands: their step (recorded, or guessed from the job title until someone records it), the steps open
/// from it with what they lack for each, and the steps they held before.
/// </summary>
public sealed record CareerPosition(PathwayStep? Step, CareerStep? Record, bool Guessed, IReadOnlyList<StepGaps> NextSteps, IReadOnlyList<CareerStep> History);

/// <summary>Everything a person's careers page shows: standards, qualifications and deadlines, and their pathway.</summary>
public sealed record CareerProfile(
    StaffMember Person,
    IReadOnlyList<PersonStandards> Standards,
    IReadOnlyList<QualificationView> Qualifications,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<Expiry> Expiries,
    CareerPosition Position);

/// <summary>Reads a person's standards, qualifications and career pathway in a few queries.</summary>
public class CareerProfiles(LynchpinDbContext db, CareerStandards standards)
{
    public async Task<CareerProfile> ForPersonAsync(StaffMember person, DateOnly today, CancellationToken cancellationToken = default)
    {
        var school = person.School ?? await db.Schools.AsNoTracking().SingleAsync(s => s.Id == person.SchoolId, cancellationToken);
        var sets = CareerStandards.ForFamily(await standards.ForSchoolAsync(school, cancellationToken), person.RoleFamily);
        var assessments = await db.StandardAssessments.AsNoTracking().Where(a => a.StaffMemberId == person.Id).ToListAsync(cancellationToken);
        var self = StandardRatings.Latest(assessments, AssessedBy.Self);
        var manager = StandardRatings.Latest(assessments, AssessedBy.LineManager);
        var personStandards = sets.Select(s => new PersonStandards(s, s.Set.Standards.OrderBy(x => x.SortOrder)
            .Select(x => new StandardView(x, self.GetValueOrDefault((s.Set.Code, x.Code)), manager.GetValueOrDefault((s.Set.Code, x.Code))))
            .ToList())).ToList();

        var catalogue = await CatalogueAsync(school, cancellationToken);
        var recorded = await db.PersonQualifications.AsNoTracking().Where(q => q.StaffMemberId == person.Id).ToListAsync(cancellationToken);
        var steps = await db.CareerSteps.AsNoTracking().Where(s => s.StaffMemberId == person.Id)
            .OrderByDescending(s => s.StartedOn).ToListAsync(cancellationToken);
        var current = steps.FirstOrDefault(s => s.EndedOn is null || s.EndedOn >= today);
        var roleStart = current?.StartedOn ?? person.StartDate;
        var deadlines = QualificationDeadlines.For(recorded,
            QualificationDeadlines.FromRole(person.JobTitle, roleStart, BuiltInCareers.Requirements), today);

        var position = Position(person, current, steps, recorded, StandardRatings.Current(assessments), sets.Select(s => s.Set).ToList(), catalogue, today);
        return new CareerProfile(person, personStandards,
            recorded.OrderBy(q => q.Held ? 0 : q.InProgress ? 1 : 2).ThenBy(q => catalogue.ByCode(q.QualificationCode)?.Name ?? q.QualificationCode)
                .Select(q => new QualificationView(q, catalogue.ByCode(q.QualificationCode))).ToList(),
            deadlines,
            QualificationDeadlines.Expiries(recorded, catalogue, today),
            position);
    }

    /// <summary>The catalogue a school names qualifications from: built in, its trust's own and its own entries.</summary>
    public async Task<QualificationCatalogue> CatalogueAsync(School school, CancellationToken cancellationToken = default)
    {
        var own = await db.OwnQualifications.AsNoTracking()
            .Where(q => q.SchoolId == school.Id || (school.TrustId != null && q.TrustId == school.TrustId))
            .OrderBy(q => q.Name).ToListAsync(cancellationToken);
        return QualificationCatalogue.With(own);
    }

    private static CareerPosition Position(StaffMember person, CareerStep? current, IReadOnlyList<CareerStep> steps,
        IReadOnlyList<PersonQualification> recorded, IReadOnlyDictionary<(string, string), StandardRating> ratings,
        IReadOnlyList<StandardSet> personSets, QualificationCatalogue catalogue, DateOnly today)
    {
        var pathways = CareerPathways.BuiltIn;
        var step = current is null ? pathways.StepForJobTitle(person.RoleFamily, person.JobTitle) : pathways.Step(current.PathwayCode, current.StepCode);
        var history = steps.Where(s => s != current).ToList();
        if (step is null)
        {
            return new CareerPosition(null, current, Guessed: false, [], history);
        }
        var facts = new CareerFacts(
            recorded.Where(q => q.Held).Select(q => q.QualificationCode).ToHashSet(StringComparer.OrdinalIgnoreCase),
            recorded.Where(q => q.InProgress && !q.Held).Select(q => new QualificationInProgress(q.QualificationCode, q.ExpectedOn)).ToList(),
            ratings,
            current?.StartedOn ?? person.StartDate);
        // A step on another family's ladder (a TA's road into teaching) expects that family's standards: give the rule every
        // built-in set, with the school's copies of the person's own sets in front.
        var sets = personSets.Concat(BuiltInCareers.StandardSets().Where(b => personSets.All(p => !string.Equals(p.Code, b.Code, StringComparison.OrdinalIgnoreCase)))).ToList();
        return new CareerPosition(step, current, Guessed: current is null, PathwayGaps.ForNextSteps(step, facts, pathways, sets, catalogue, today), history);
    }
}
