using Lynchpin.Core.Pupils;

namespace Lynchpin.Core.Coaching;

public sealed record PlanActionInput
{
    public CoachingArea? Area { get; init; }
    public string? Description { get; init; }
    public int? OwnerId { get; init; }
    public DateOnly? DueOn { get; init; }
    public PlanActionStatus Status { get; init; }
    public string? Evidence { get; init; }
}

public sealed record PlanReviewInput
{
    public CoachingArea? Area { get; init; }
    public DateOnly? ReviewedOn { get; init; }
    public Rag? Status { get; init; }
    public string? Note { get; init; }
    public int? VisitId { get; init; }
}

/// <summary>
/// A school's action plan for a year in the four areas: an aim per area, actions owned by the school's staff, and dated
/// red/amber/green reviews (usually at a visit). The School Champion and the head edit it with the coach; callers check that.
/// </summary>
public class ActionPlans(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>The plan with its aims, actions (and owners) and reviews, or null when none has been started.</summary>
    public Task<ActionPlan?> FindAsync(int schoolId, int year, CancellationToken cancellationToken = default) =>
        db.ActionPlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Aims).Include(p => p.Actions).ThenInclude(a => a.Owner).Include(p => p.Reviews)
            .SingleOrDefaultAsync(p => p.SchoolId == schoolId && p.Year == year, cancellationToken);

    public async Task<Result<ActionPlan>> SetAimAsync(int schoolId, int year, CoachingArea area, string? text, Recorder by,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var aim = Fields.Optional(errors, "Aim", text, ActionPlanAim.TextMaxLength, "the aim");
        if (errors.Count > 0)
        {
            return Result<ActionPlan>.Fail(errors);
        }
        var plan = await OpenAsync(schoolId, year, by, cancellationToken);
        var stored = await db.ActionPlanAims.SingleOrDefaultAsync(a => a.PlanId == plan.Id && a.Area == area, cancellationToken);
        if (aim is null && stored is not null)
        {
            db.ActionPlanAims.Remove(stored);
        }
        else if (aim is not null && stored is null)
        {
            db.ActionPlanAims.Add(new ActionPlanAim { Plan = plan, Area = area, Text = aim });
        }
        else if (aim is not null)
        {
            stored!.Text = aim;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result<ActionPlan>.Done(plan);
    }

    /// <summary>Adds an action, or changes action <paramref name="actionId"/> of the school's plan.</summary>
    public async Task<Result<PlanAction>> SaveActionAsync(int schoolId, int year, int? actionId, PlanActionInput input, Recorder by,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (input.Area is null)
        {
            errors.Add(new(nameof(input.Area), "Choose the area"));
        }
        var description = Fields.Required(errors, nameof(input.Description), input.Description, PlanAction.DescriptionMaxLength, "what the action is");
        var evidence = Fields.Optional(errors, nameof(input.Evidence), input.Evidence, PlanAction.EvidenceMaxLength, "the evidence");
        if (input.OwnerId is { } owner && !await db.StaffMembers.AnyAsync(s => s.Id == owner && s.SchoolId == schoolId, cancellationToken))
        {
            errors.Add(new(nameof(input.OwnerId), "Choose the owner from the school's staff"));
        }
        if (input.Status == PlanActionStatus.Done && evidence is null)
        {
            errors.Add(new(nameof(input.Evidence), "Say what shows the action is done"));
        }
        PlanAction? action = null;
        if (actionId is { } id)
        {
            action = await db.PlanActions.SingleOrDefaultAsync(a => a.Id == id && a.Plan.SchoolId == schoolId && a.Plan.Year == year, cancellationToken);
            if (action is null)
            {
                errors.Add(new("", "That action is not in this plan"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<PlanAction>.Fail(errors);
        }
        var plan = await OpenAsync(schoolId, year, by, cancellationToken);
        action ??= db.PlanActions.Add(new PlanAction { Plan = plan, Description = "" }).Entity;
        action.Area = input.Area!.Value;
        action.Description = description!;
        action.OwnerId = input.OwnerId;
        action.DueOn = input.DueOn;
        action.Status = input.Status;
        action.Evidence = evidence;
        action.UpdatedAt = clock.UtcNow;
        action.UpdatedByName = by.Name;
        plan.UpdatedAt = clock.UtcNow;
        plan.UpdatedByName = by.Name;
        await db.SaveChangesAsync(cancellationToken);
        return Result<PlanAction>.Done(action);
    }

    public async Task<Result<PlanReview>> AddReviewAsync(int schoolId, int year, PlanReviewInput input, Recorder by,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (input.Area is null)
        {
            errors.Add(new(nameof(input.Area), "Choose the area reviewed"));
        }
        var on = Fields.RequiredDate(errors, nameof(input.ReviewedOn), input.ReviewedOn, "the date of the review");
        if (on > clock.Today)
        {
            errors.Add(new(nameof(input.ReviewedOn), "A review is dated today or earlier"));
        }
        if (input.Status is null)
        {
            errors.Add(new(nameof(input.Status), "Choose red, amber or green"));
        }
        var note = Fields.Required(errors, nameof(input.Note), input.Note, PlanReview.NoteMaxLength, "a note of what the review found");
        if (input.VisitId is { } visitId && !await db.CoachingVisits.AnyAsync(v => v.Id == visitId && v.SchoolId == schoolId, cancellationToken))
        {
            errors.Add(new(nameof(input.VisitId), "Choose a visit to this school"));
        }
        if (errors.Count > 0)
        {
            return Result<PlanReview>.Fail(errors);
        }
        var plan = await OpenAsync(schoolId, year, by, cancellationToken);
        var review = db.PlanReviews.Add(new PlanReview
        {
            Plan = plan, Area = input.Area!.Value, ReviewedOn = on!.Value, Status = input.Status!.Value, Note = note!,
            VisitId = input.VisitId, ReviewedByName = by.Name,
        }).Entity;
        plan.UpdatedAt = clock.UtcNow;
        plan.UpdatedByName = by.Name;
        await db.SaveChangesAsync(cancellationToken);
        return Result<PlanReview>.Done(review);
    }

    /// <summary>The plan, started now if the school has none for the year.</summary>
    private async Task<ActionPlan> OpenAsync(int schoolId, int year, Recorder by, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.SingleOrDefaultAsync(p => p.SchoolId == schoolId && p.Year == year, cancellationToken);
        if (plan is null)
        {
            plan = db.ActionPlans.Add(new ActionPlan { SchoolId = schoolId, Year = year, UpdatedAt = clock.UtcNow, UpdatedByName = by.Name }).Entity;
            await db.SaveChangesAsync(cancellationToken);
        }
        return plan;
    }
}
