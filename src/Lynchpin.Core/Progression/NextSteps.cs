using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Progression;

/// <summary>A person the profile's "what can you do to improve it?" names.</summary>
public record NextStepsPerson(int Id, string StaffRef, string Name, RoleFamily RoleFamily, int? Stage, int? CoachId, string? CoachName);

/// <summary>A criterion of <see cref="Stage"/> + 1 (or below) that people of a role family at <see cref="Stage"/> have not met.</summary>
public record UnmetCriterion(int Stage, RoleFamily RoleFamily, string Criterion, IReadOnlyList<NextStepsPerson> People);

/// <summary>A coach and the people in post they coach, when that is more than <see cref="NextSteps.CoacheesPerCoach"/>.</summary>
public record CoachLoad(int CoachId, string CoachName, IReadOnlyList<NextStepsPerson> People);

public record NextStepsResult(
    int Year,
    int Checkpoint,
    (int Year, int Checkpoint) Before,
    (int Year, int Checkpoint) TwoBefore,
    IReadOnlyList<NextStepsPerson> HeldAtStage,
    IReadOnlyList<UnmetCriterion> UnmetCriteria,
    IReadOnlyList<NextStepsPerson> WithoutCoach,
    IReadOnlyList<CoachLoad> BusyCoaches);

/// <summary>
/// "What can you do to improve it?", the profile document's sixth question, for a school and checkpoint: who is held at a
/// stage, which criteria are most often unmet, who has no coach and which coaches have many people. Always the people
/// behind each figure, limited by the same filter as the profile (a line manager's team).
/// </summary>
public class NextSteps(LynchpinDbContext db, Frameworks frameworks, ProfileCalculator profiles)
{
    /// <summary>More people than this with one coach is a load worth a leader's look (the domain's triads are small).</summary>
    public const int CoacheesPerCoach = 6;

    /// <summary>How many of the most often unmet criteria are listed.</summary>
    public const int CriteriaListed = 10;

    /// <summary>The checkpoint before: checkpoint 1 follows checkpoint 4 of the year before.</summary>
    public static (int Year, int Checkpoint) Previous(int year, int checkpoint) =>
        checkpoint > SchoolYear.FirstCheckpoint ? (year, checkpoint - 1) : (year - 1, SchoolYear.LastCheckpoint);

    /// <summary>
    /// Held at a stage: assessed at the same stage, below the highest, at this checkpoint and at the two before it (latest
    /// versions only). Who is counted (in post on the checkpoint's date) is decided by the caller.
    /// </summary>
    public static bool IsHeld(int? now, int? before, int? twoBefore) =>
        now is int stage && stage < ProgressionStage.Highest && before == stage && twoBefore == stage;

    public async Task<NextStepsResult> ForSchoolAsync(School school, int year, int checkpoint, ProfileFilter filter, CancellationToken ct = default)
    {
        var date = (await profiles.CheckpointsAsync(school.Id, year, ct)).Single(c => c.Number == checkpoint);
        return await ForSchoolAsync(school, await frameworks.ForSchoolAsync(school, ct), year, date, filter, ct);
    }

    /// <summary>The same, for a page that has the school's framework and the checkpoint's date already.</summary>
    public async Task<NextStepsResult> ForSchoolAsync(School school, ResolvedFramework framework, int year, CheckpointInfo when, ProfileFilter filter,
        CancellationToken ct = default)
    {
        var (checkpoint, date) = (when.Number, when.Date);
        var before = Previous(year, checkpoint);
        var twoBefore = Previous(before.Year, before.Checkpoint);

        var people = await ProfileCalculator.Filtered(db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == school.Id), filter)
            .Where(s => (s.StartDate == null || s.StartDate <= date) && (s.LeavingDate == null || s.LeavingDate >= date))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.StaffRef, Name = s.FirstName + " " + s.LastName, s.RoleFamily, s.CoachId,
                CoachName = s.Coach == null ? null : s.Coach.FirstName + " " + s.Coach.LastName,
            })
            .ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var (y0, c0, y1, c1, y2, c2) = (year, checkpoint, before.Year, before.Checkpoint, twoBefore.Year, twoBefore.Checkpoint);
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.IsCurrent && ids.Contains(a.StaffMemberId)
                && ((a.Year == y0 && a.Checkpoint == c0) || (a.Year == y1 && a.Checkpoint == c1) || (a.Year == y2 && a.Checkpoint == c2)))
            .Select(a => new { a.StaffMemberId, a.Year, a.Checkpoint, a.Stage, a.CriteriaMet })
            .ToListAsync(ct);
        var at = assessments.ToDictionary(a => (a.StaffMemberId, a.Year, a.Checkpoint));
        int? StageAt(int id, int y, int c) => at.TryGetValue((id, y, c), out var a) ? a.Stage : null;

        var everyone = people.Select(p => new NextStepsPerson(p.Id, p.StaffRef, p.Name, p.RoleFamily, StageAt(p.Id, y0, c0), p.CoachId, p.CoachName)).ToList();
        var held = everyone.Where(p => IsHeld(p.Stage, StageAt(p.Id, y1, c1), StageAt(p.Id, y2, c2))).ToList();

        // What each person assessed now has not met of the criteria up to the stage above theirs (as the CPD needs count).
        var unmet = new Dictionary<(int Stage, RoleFamily Family, string Criterion), List<NextStepsPerson>>();
        foreach (var person in everyone.Where(p => p.Stage is < ProgressionStage.Highest))
        {
            var met = at[(person.Id, y0, c0)].CriteriaMet.ToHashSet();
            var upTo = person.Stage!.Value + 1;
            var missing = Enumerable.Range(1, upTo).SelectMany(stage => framework.CriteriaFor(stage, person.RoleFamily))
                .Select(c => c.Text).Where(text => !met.Contains(text)).Distinct();
            foreach (var text in missing)
            {
                var key = (person.Stage.Value, person.RoleFamily, text);
                if (!unmet.TryGetValue(key, out var list))
                {
                    unmet[key] = list = [];
                }
                list.Add(person);
            }
        }
        var criteria = unmet.Select(u => new UnmetCriterion(u.Key.Stage, u.Key.Family, u.Key.Criterion, u.Value))
            .OrderByDescending(u => u.People.Count).ThenBy(u => u.Stage).ThenBy(u => u.RoleFamily).ThenBy(u => u.Criterion, StringComparer.Ordinal)
            .Take(CriteriaListed).ToList();

        var busy = everyone.Where(p => p.CoachId is not null).GroupBy(p => (p.CoachId!.Value, p.CoachName!))
            .Where(g => g.Count() > CoacheesPerCoach)
            .Select(g => new CoachLoad(g.Key.Item1, g.Key.Item2, g.ToList()))
            .OrderByDescending(c => c.People.Count).ThenBy(c => c.CoachName, StringComparer.Ordinal).ToList();

        return new NextStepsResult(year, checkpoint, before, twoBefore, held, criteria, everyone.Where(p => p.CoachId is null).ToList(), busy);
    }
}
