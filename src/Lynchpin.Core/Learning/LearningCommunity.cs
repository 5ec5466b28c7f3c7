using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Learning;

/// <summary>A role holder as the roles page lists them: their stage now beside the stage the role expects, and a coach's load.</summary>
public record RoleHolder(LearningRole Role, string Name, RoleFamily RoleFamily, int? Stage, int ExpectedStage, int Coachees)
{
    public bool BelowExpected => Stage is null || Stage < ExpectedStage;

    /// <summary>More coachees than the profile's next steps call a load worth a look.</summary>
    public bool OverLimit => Role.Kind == LearningRoleKind.Coach && Coachees > NextSteps.CoacheesPerCoach;
}

/// <summary>A colleague who met a criterion at a higher stage and has agreed to share it (a learning lead for it, or a coach).</summary>
public record Helper(int Id, string Name, string SchoolName, bool SameSchool, int MetAtStage, bool LeadsIt, bool IsCoach, string Why);

/// <summary>A criterion a person has not met yet, and who could help with it (best first).</summary>
public record CriterionHelp(int Stage, string Criterion, IReadOnlyList<Helper> Helpers);

/// <summary>Who a person can learn from: the criteria of their role family up to the next stage they have not met.</summary>
public record PersonHelp(int StaffMemberId, int? Stage, IReadOnlyList<CriterionHelp> Criteria)
{
    public IEnumerable<Helper> AllHelpers => Criteria.SelectMany(c => c.Helpers);
}

/// <summary>
/// The learning community (issue 18 item 2): the roles leaders give (coach, learning lead for a criterion, triad
/// facilitator) with the stage each expects, and who can learn from whom — "identifying that a colleague might be able
/// to do things better than you and giving them the opportunity to share this knowledge is critical".
/// </summary>
public class LearningCommunity(LynchpinDbContext db, Frameworks frameworks, SchoolClock clock)
{
    /// <summary>How many colleagues are suggested for one criterion.</summary>
    public const int HelpersPerCriterion = 3;

    public async Task<LearningRoleSettings> SettingsAsync(int schoolId, CancellationToken ct = default) =>
        await db.LearningRoleSettings.AsNoTracking().SingleOrDefaultAsync(s => s.SchoolId == schoolId, ct)
        ?? new LearningRoleSettings { SchoolId = schoolId };

    public async Task<Result> SaveSettingsAsync(int schoolId, int? coachStage, int? facilitatorStage, int? leadStagesAbove, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        void Check(int? value, string field, string what, int min)
        {
            if (value is null)
            {
                errors.Add(new FieldError(field, $"Enter {what}"));
            }
            else if (value < min || value > ProgressionStage.Highest)
            {
                errors.Add(new FieldError(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be between {min} and {ProgressionStage.Highest}"));
            }
        }
        Check(coachStage, "CoachStage", "the stage a coach is expected to be at", ProgressionStage.Lowest);
        Check(facilitatorStage, "FacilitatorStage", "the stage a triad facilitator is expected to be at", ProgressionStage.Lowest);
        Check(leadStagesAbove, "LeadStagesAbove", "how many stages a learning lead is expected to be above their criterion", 0);
        if (errors.Count > 0)
        {
            return new Result(errors);
        }
        var settings = await db.LearningRoleSettings.SingleOrDefaultAsync(s => s.SchoolId == schoolId, ct);
        if (settings is null)
        {
            db.LearningRoleSettings.Add(settings = new LearningRoleSettings { SchoolId = schoolId });
        }
        (settings.CoachStage, settings.FacilitatorStage, settings.LeadStagesAbove) = (coachStage!.Value, facilitatorStage!.Value, leadStagesAbove!.Value);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Gives a person in post at the school a role; a learning lead's names a criterion of the school's framework by id.</summary>
    public async Task<Result<LearningRole>> GiveAsync(School school, int? staffMemberId, LearningRoleKind? kind, int? criterionId, Recorder by,
        CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var today = clock.Today;
        var person = staffMemberId is int id
            ? await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.SchoolId == school.Id, ct)
            : null;
        if (person is null || !person.InPostOn(today))
        {
            errors.Add(new FieldError("StaffMemberId", "Select a person in post at the school"));
        }
        if (kind is null)
        {
            errors.Add(new FieldError("Kind", "Select the role"));
        }
        (StageCriterion Criterion, int Stage)? criterion = null;
        if (kind == LearningRoleKind.LearningLead)
        {
            var framework = await frameworks.ForSchoolAsync(school, ct);
            var stage = framework.Framework.Stages.FirstOrDefault(s => s.Criteria.Any(c => c.Id == criterionId));
            if (stage is not null)
            {
                criterion = (stage.Criteria.Single(c => c.Id == criterionId), stage.Number);
            }
            else
            {
                errors.Add(new FieldError("CriterionId", "Select the criterion they have agreed to share"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<LearningRole>.Fail(errors);
        }
        var text = criterion?.Criterion.Text;
        if (await db.LearningRoles.AnyAsync(r => r.StaffMemberId == person!.Id && r.Kind == kind && r.CriterionText == text, ct))
        {
            return Result<LearningRole>.Fail("StaffMemberId", $"{person!.FullName} already holds this role");
        }
        var role = new LearningRole
        {
            SchoolId = school.Id,
            StaffMemberId = person!.Id,
            Kind = kind!.Value,
            CriterionStage = criterion?.Stage,
            CriterionRoleFamily = criterion?.Criterion.RoleFamily,
            CriterionText = text,
            GivenAt = clock.UtcNow,
            GivenByName = by.Name,
        };
        db.LearningRoles.Add(role);
        await db.SaveChangesAsync(ct);
        return Result<LearningRole>.Done(role);
    }

    /// <summary>A leader takes a role back.</summary>
    public async Task<bool> RemoveAsync(School school, int roleId, CancellationToken ct = default) =>
        await db.LearningRoles.Where(r => r.Id == roleId && r.SchoolId == school.Id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>A person withdraws their own offer to share a criterion (only a learning lead's role is theirs to give up).</summary>
    public async Task<bool> WithdrawAsync(int staffMemberId, int roleId, CancellationToken ct = default) =>
        await db.LearningRoles.Where(r => r.Id == roleId && r.StaffMemberId == staffMemberId && r.Kind == LearningRoleKind.LearningLead)
            .ExecuteDeleteAsync(ct) > 0;

    public async Task<IReadOnlyList<LearningRole>> RolesOfAsync(int staffMemberId, CancellationToken ct = default) =>
        await db.LearningRoles.AsNoTracking().Where(r => r.StaffMemberId == staffMemberId)
            .OrderBy(r => r.Kind).ThenBy(r => r.CriterionStage).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>Everyone holding a role at the school, by role then name, with their stage now and a coach's load.</summary>
    public async Task<IReadOnlyList<RoleHolder>> HoldersAsync(School school, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(school.Id, ct);
        var roles = await db.LearningRoles.AsNoTracking().Include(r => r.StaffMember)
            .Where(r => r.SchoolId == school.Id).ToListAsync(ct);
        var ids = roles.Select(r => r.StaffMemberId).Distinct().ToList();
        var stages = await LatestAsync(ids, ct);
        var today = clock.Today;
        var loads = await db.StaffMembers.AsNoTracking()
            .Where(s => s.CoachId != null && ids.Contains(s.CoachId.Value) && (s.LeavingDate == null || s.LeavingDate >= today))
            .GroupBy(s => s.CoachId!.Value).Select(g => new { Coach = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Coach, g => g.Count, ct);
        return roles
            .Select(r => new RoleHolder(r, r.StaffMember.FullName, r.StaffMember.RoleFamily, stages.GetValueOrDefault(r.StaffMemberId)?.Stage,
                settings.ExpectedStage(r), loads.GetValueOrDefault(r.StaffMemberId)))
            .OrderBy(h => h.Role.Kind).ThenBy(h => h.Role.StaffMember.LastName).ThenBy(h => h.Role.StaffMember.FirstName)
            .ThenBy(h => h.Role.CriterionStage).ThenBy(h => h.Role.Id)
            .ToList();
    }

    /// <summary>Who can learn from whom, for people of one school: each criterion they have not met yet and who could help.</summary>
    public async Task<IReadOnlyDictionary<int, PersonHelp>> HelpForAsync(School school, IReadOnlyCollection<int> staffMemberIds,
        CancellationToken ct = default)
    {
        var framework = await frameworks.ForSchoolAsync(school, ct);
        var learners = await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == school.Id && staffMemberIds.Contains(s.Id))
            .Select(s => new { s.Id, s.RoleFamily }).ToListAsync(ct);
        var latest = await LatestAsync(learners.Select(l => l.Id).ToList(), ct);

        // Those who have agreed to share: learning leads and coaches at the school, then at the trust's other schools.
        var today = clock.Today;
        var schoolIds = school.TrustId is int trustId
            ? await db.Schools.Where(s => s.TrustId == trustId).Select(s => s.Id).ToListAsync(ct)
            : [school.Id];
        var roles = await db.LearningRoles.AsNoTracking()
            .Where(r => schoolIds.Contains(r.SchoolId) && r.Kind != LearningRoleKind.TriadFacilitator
                && r.StaffMember.SchoolId == r.SchoolId && (r.StaffMember.LeavingDate == null || r.StaffMember.LeavingDate >= today))
            .Select(r => new { r.StaffMemberId, r.Kind, r.CriterionText, Name = r.StaffMember.FirstName + " " + r.StaffMember.LastName, r.SchoolId, SchoolName = r.School.Name })
            .ToListAsync(ct);
        var sharers = roles.GroupBy(r => r.StaffMemberId).ToDictionary(g => g.Key, g => g.ToList());
        var sharerIds = sharers.Keys.ToList();
        // Where each sharer met each criterion: the highest stage of an assessment (latest versions) that records it met.
        var met = (await db.Assessments.AsNoTracking().Where(a => a.IsCurrent && sharerIds.Contains(a.StaffMemberId))
                .Select(a => new { a.StaffMemberId, a.Stage, a.CriteriaMet }).ToListAsync(ct))
            .SelectMany(a => a.CriteriaMet.Select(c => (a.StaffMemberId, Criterion: c, a.Stage)))
            .GroupBy(m => (m.StaffMemberId, m.Criterion)).ToDictionary(g => g.Key, g => g.Max(m => m.Stage));

        var result = new Dictionary<int, PersonHelp>();
        foreach (var learner in learners)
        {
            var assessment = latest.GetValueOrDefault(learner.Id);
            if (assessment is null || assessment.Stage >= ProgressionStage.Highest)
            {
                result[learner.Id] = new PersonHelp(learner.Id, assessment?.Stage, []);
                continue;
            }
            var stage = assessment.Stage;
            var metByLearner = assessment.CriteriaMet.ToHashSet();
            var criteria = Enumerable.Range(1, stage + 1)
                .SelectMany(s => framework.CriteriaFor(s, learner.RoleFamily).Select(c => (Stage: s, c.Text)))
                .Where(c => !metByLearner.Contains(c.Text)).DistinctBy(c => c.Text)
                .Select(c => new CriterionHelp(c.Stage, c.Text, sharers
                    .Where(s => s.Key != learner.Id && met.GetValueOrDefault((s.Key, c.Text)) > stage)
                    .Select(s =>
                    {
                        var first = s.Value[0];
                        var leads = s.Value.Any(r => r.Kind == LearningRoleKind.LearningLead && r.CriterionText == c.Text);
                        var coach = s.Value.Any(r => r.Kind == LearningRoleKind.Coach);
                        var at = met[(s.Key, c.Text)];
                        return new Helper(s.Key, first.Name, first.SchoolName, first.SchoolId == school.Id, at, leads, coach,
                            Why(first.Name, c.Text, at, leads, first.SchoolId == school.Id ? null : first.SchoolName));
                    })
                    .Where(h => h.LeadsIt || h.IsCoach)
                    .OrderByDescending(h => h.SameSchool).ThenByDescending(h => h.LeadsIt).ThenByDescending(h => h.MetAtStage)
                    .ThenBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.Id)
                    .Take(HelpersPerCriterion).ToList()))
                .ToList();
            result[learner.Id] = new PersonHelp(learner.Id, stage, criteria);
        }
        return result;
    }

    /// <summary>"Sam Lee met 'Uses questioning …' at stage 5 and leads it." — the reason a colleague is suggested, in one sentence.</summary>
    public static string Why(string name, string criterion, int stage, bool leadsIt, string? otherSchool) =>
        $"{name}{(otherSchool is null ? "" : $" at {otherSchool}")} met '{criterion}' at stage {stage} and {(leadsIt ? "leads it" : "coaches colleagues")}.";

    private sealed record Latest(int Stage, List<string> CriteriaMet);

    /// <summary>Each person's latest assessment (latest versions only): their stage now and the criteria it records met.</summary>
    private async Task<Dictionary<int, Latest>> LatestAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.Assessments.AsNoTracking().Where(a => a.IsCurrent && ids.Contains(a.StaffMemberId))
            .Select(a => new { a.StaffMemberId, a.Year, a.Checkpoint, a.Stage, a.CriteriaMet }).ToListAsync(ct))
        .GroupBy(a => a.StaffMemberId)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Year).ThenByDescending(a => a.Checkpoint).Select(a => new Latest(a.Stage, a.CriteriaMet)).First());
}
