using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Appraisals;

public record SupportPlanInput(string? Actions, int? CoachId, DateOnly? ReviewBy);

/// <summary>
/// A person's objectives: written by the appraiser, agreed (or not, with reasons) by the person, and reopened with a
/// reason when they must change. Callers check who may do what (the web app's appraisal operations) first.
/// </summary>
public class AppraisalObjectives(LynchpinDbContext db, SchoolClock clock)
{
    public async Task<Result<Objective>> AddAsync(int appraisalId, ObjectiveInput input, CancellationToken cancellationToken = default)
    {
        var appraisal = await LoadAsync(appraisalId, cancellationToken);
        var errors = AppraisalRules.ValidateObjective(input);
        if (errors.Count > 0)
        {
            return Result<Objective>.Fail(errors);
        }
        if (AppraisalRules.AddObjectiveError(appraisal, appraisal.Objectives.Count) is { } refused)
        {
            return Result<Objective>.Fail(refused);
        }
        var sortOrder = appraisal.Objectives.Count == 0 ? 1 : appraisal.Objectives.Max(o => o.SortOrder) + 1;
        var objective = NewObjective(input, sortOrder);
        appraisal.Objectives.Add(objective);
        BackToDraft(appraisal);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Objective>.Done(objective);
    }

    /// <summary>Saves the form opened at <paramref name="revision"/> (none: writes over what is stored); a conflict if someone saved it since.</summary>
    public async Task<Result<Objective>> UpdateAsync(int objectiveId, ObjectiveInput input, int? revision = null, Recorder? by = null, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.SingleAsync(o => o.Id == objectiveId, cancellationToken);
        var appraisal = await LoadAsync(objective.AppraisalId, cancellationToken);
        var errors = AppraisalRules.ValidateObjective(input);
        if (errors.Count > 0)
        {
            return Result<Objective>.Fail(errors);
        }
        if (AppraisalRules.EditObjectivesError(appraisal) is { } refused)
        {
            return Result<Objective>.Fail(refused);
        }
        if (Revisions.Check(db, objective, revision, by, clock.UtcNow) is { } stale)
        {
            return Result<Objective>.Fail(stale);
        }
        Copy(input, objective);
        BackToDraft(appraisal);
        return await Revisions.SaveAsync(db, objective, cancellationToken) is { } lost ? Result<Objective>.Fail(lost) : Result<Objective>.Done(objective);
    }

    public async Task<Result> RemoveAsync(int objectiveId, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.SingleAsync(o => o.Id == objectiveId, cancellationToken);
        var appraisal = await LoadAsync(objective.AppraisalId, cancellationToken);
        var rated = await db.ObjectiveRatings.AnyAsync(r => r.ObjectiveId == objectiveId, cancellationToken);
        if (AppraisalRules.RemoveObjectiveError(appraisal, rated) is { } refused)
        {
            return Result.Fail(refused);
        }
        db.Objectives.Remove(objective);
        BackToDraft(appraisal);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }

    /// <summary>The person agrees their objectives; refused unless the set meets the rules.</summary>
    public async Task<Result> AgreeAsync(int appraisalId, CancellationToken cancellationToken = default)
    {
        var appraisal = await LoadAsync(appraisalId, cancellationToken);
        if (appraisal.ObjectivesStatus == ObjectivesStatus.Agreed)
        {
            return Result.Fail(new("Objectives", "These objectives are already agreed"));
        }
        var errors = AppraisalRules.AgreementErrors(appraisal.Objectives);
        if (errors.Count > 0)
        {
            return new Result(errors);
        }
        appraisal.ObjectivesStatus = ObjectivesStatus.Agreed;
        appraisal.AgreedAt = clock.UtcNow;
        appraisal.NotAgreedReason = null;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }

    /// <summary>The person records why they do not agree. The year goes on with these objectives; the appraiser may still revise them.</summary>
    public async Task<Result> RecordNotAgreedAsync(int appraisalId, string? reason, CancellationToken cancellationToken = default)
    {
        var appraisal = await LoadAsync(appraisalId, cancellationToken);
        if (AppraisalRules.ReasonError(reason) is { } error)
        {
            return Result.Fail(error);
        }
        if (appraisal.ObjectivesStatus == ObjectivesStatus.Agreed)
        {
            return Result.Fail(new("Objectives", "These objectives are already agreed. Ask for them to be reopened first"));
        }
        if (appraisal.Objectives.Count == 0)
        {
            return Result.Fail(new("Objectives", "There are no objectives yet to respond to"));
        }
        appraisal.ObjectivesStatus = ObjectivesStatus.NotAgreed;
        appraisal.NotAgreedReason = reason!.Trim();
        appraisal.AgreedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }

    /// <summary>Reopens agreed objectives for change (appraiser or school leader), with a reason the person sees.</summary>
    public async Task<Result> ReopenAsync(int appraisalId, string? reason, Recorder recorder, CancellationToken cancellationToken = default)
    {
        var appraisal = await LoadAsync(appraisalId, cancellationToken);
        if (AppraisalRules.ReasonError(reason) is { } error)
        {
            return Result.Fail(error);
        }
        if (appraisal.ObjectivesStatus != ObjectivesStatus.Agreed)
        {
            return Result.Fail(new("Objectives", "Only agreed objectives are reopened; these can be changed already"));
        }
        appraisal.ObjectivesStatus = ObjectivesStatus.Draft;
        appraisal.AgreedAt = null;
        appraisal.ObjectivesReopenedAt = clock.UtcNow;
        appraisal.ObjectivesReopenedByName = recorder.Name;
        appraisal.ObjectivesReopenReason = reason!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }

    /// <summary>Adds or replaces the support plan of an objective whose current mid-year rating is at risk or off track.</summary>
    public async Task<Result<SupportPlan>> SaveSupportPlanAsync(
        int objectiveId, SupportPlanInput input, Recorder recorder, DateOnly today, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.Include(o => o.SupportPlan).Include(o => o.Appraisal).ThenInclude(a => a.Cycle)
            .SingleAsync(o => o.Id == objectiveId, cancellationToken);
        var rating = await db.ObjectiveRatings
            .Where(r => r.ObjectiveId == objectiveId && r.Review.IsCurrent && r.Review.Kind == ReviewKind.MidYear)
            .Select(r => (Rating?)r.Rating).SingleOrDefaultAsync(cancellationToken);

        var errors = new List<FieldError>();
        if (!AppraisalRules.MayHaveSupportPlan(rating))
        {
            errors.Add(new("SupportPlan", "A support plan is for an objective rated at risk or off track at the mid-year review"));
        }
        if (string.IsNullOrWhiteSpace(input.Actions))
        {
            errors.Add(new("Actions", "Enter the actions that will help"));
        }
        else if (input.Actions.Trim().Length > SupportPlan.ActionsMaxLength)
        {
            errors.Add(new("Actions", $"The actions must be {SupportPlan.ActionsMaxLength} characters or fewer"));
        }
        if (input.ReviewBy is null)
        {
            errors.Add(new("ReviewBy", "Enter the date to look at progress again"));
        }
        else if (input.ReviewBy < today)
        {
            errors.Add(new("ReviewBy", "The date to look again must be today or later"));
        }
        if (input.CoachId is int coachId)
        {
            var school = await db.Schools.Where(s => s.Id == objective.Appraisal.Cycle.SchoolId).Select(s => new { s.Id, s.TrustId }).SingleAsync(cancellationToken);
            var coachOk = coachId != objective.Appraisal.StaffMemberId && await db.StaffMembers.AnyAsync(
                s => s.Id == coachId && (s.SchoolId == school.Id || (school.TrustId != null && s.School.TrustId == school.TrustId)), cancellationToken);
            if (!coachOk)
            {
                errors.Add(new("CoachId", "Choose a coach, other than the person, who works in this school or its trust"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<SupportPlan>.Fail(errors);
        }

        var plan = objective.SupportPlan ?? new SupportPlan { Actions = "", CreatedByName = recorder.Name, CreatedAt = clock.UtcNow };
        plan.Actions = input.Actions!.Trim();
        plan.CoachId = input.CoachId;
        plan.ReviewBy = input.ReviewBy!.Value;
        objective.SupportPlan = plan;
        await db.SaveChangesAsync(cancellationToken);
        return Result<SupportPlan>.Done(plan);
    }

    public async Task RemoveSupportPlanAsync(int objectiveId, CancellationToken cancellationToken = default)
    {
        await db.SupportPlans.Where(p => p.ObjectiveId == objectiveId).ExecuteDeleteAsync(cancellationToken);
    }

    internal static Objective NewObjective(ObjectiveInput input, int sortOrder)
    {
        var objective = new Objective { Title = "", SuccessCriteria = "", SortOrder = sortOrder };
        Copy(input, objective);
        return objective;
    }

    private static void Copy(ObjectiveInput input, Objective objective)
    {
        objective.Title = input.Title!.Trim();
        objective.SuccessCriteria = input.SuccessCriteria!.Trim();
        objective.Type = input.Type!.Value;
        objective.SchoolPriority = Clean(input.SchoolPriority);
        objective.PupilGroup = Clean(input.PupilGroup);
        objective.Measure = Clean(input.Measure);
        objective.Baseline = Clean(input.Baseline);
        objective.Target = Clean(input.Target);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A change after the person disagreed asks them to look again.</summary>
    private static void BackToDraft(Appraisal appraisal)
    {
        if (appraisal.ObjectivesStatus == ObjectivesStatus.NotAgreed)
        {
            appraisal.ObjectivesStatus = ObjectivesStatus.Draft;
        }
    }

    private Task<Appraisal> LoadAsync(int appraisalId, CancellationToken cancellationToken) =>
        db.Appraisals.Include(a => a.Objectives).SingleAsync(a => a.Id == appraisalId, cancellationToken);
}
