using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Cpd;

/// <summary>A person's request as they write it.</summary>
public sealed record CpdRequestInput(
    string? Title, CpdKind? Kind, string? Provider, DateOnly? StartDate, DateOnly? EndDate, decimal? Hours, decimal? Cost, string? Reason, int? ObjectiveId);

/// <summary>
/// CPD requests: the person asks; their line manager decides; the budget holder approves any cost (see
/// <see cref="CpdRequestRules"/>); once done, the request becomes an activity, its cost moving from commitment to spend.
/// The caller says who is acting (<see cref="CpdActor"/>) from the access scope; the rules decide what they may do.
/// </summary>
public class CpdRequests(LynchpinDbContext db, CpdActivities activities, SchoolClock clock)
{
    public async Task<Result<CpdRequest>> CreateAsync(int staffMemberId, CpdRequestInput input, CancellationToken ct = default)
    {
        var person = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == staffMemberId, ct);
        var errors = CpdActivities.Validate(new CpdActivityInput(input.Title, input.Kind, input.Provider, input.StartDate, input.EndDate,
            input.Hours, input.Cost, null, []));
        if (input.Hours is null)
        {
            errors.Add(new("Hours", "Enter the hours it will take (0 if none)"));
        }
        if (input.Cost is null)
        {
            errors.Add(new("Cost", "Enter what it will cost (0 if nothing)"));
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add(new("Reason", "Say what you want to learn and how it will help pupils"));
        }
        else if (input.Reason.Trim().Length > CpdRequest.ReasonMaxLength)
        {
            errors.Add(new("Reason", $"The reason must be {CpdRequest.ReasonMaxLength} characters or fewer"));
        }
        if (input.ObjectiveId is int objectiveId && !await db.Objectives.AnyAsync(o => o.Id == objectiveId && o.Appraisal.StaffMemberId == person.Id, ct))
        {
            errors.Add(new("ObjectiveId", "Choose one of your own objectives"));
        }
        if (errors.Count > 0)
        {
            return Result<CpdRequest>.Fail(Ordered(errors));
        }
        var request = new CpdRequest
        {
            SchoolId = person.SchoolId,
            StaffMemberId = person.Id,
            Title = input.Title!.Trim(),
            Kind = input.Kind!.Value,
            Provider = string.IsNullOrWhiteSpace(input.Provider) ? null : input.Provider.Trim(),
            StartDate = input.StartDate!.Value,
            EndDate = input.EndDate ?? input.StartDate!.Value,
            Hours = input.Hours!.Value,
            Cost = input.Cost!.Value,
            Reason = input.Reason!.Trim(),
            ObjectiveId = input.ObjectiveId,
            RequestedAt = clock.UtcNow,
        };
        db.CpdRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Result<CpdRequest>.Done(request);
    }

    /// <summary>Applies a decision (approve, decline, withdraw) if the rules allow it; a decline needs a reason the person sees.</summary>
    public async Task<Result<CpdRequest>> DecideAsync(int requestId, CpdDecision decision, CpdActor actor, string? reason, Recorder recorder, CancellationToken ct = default)
    {
        var request = await db.CpdRequests.SingleAsync(r => r.Id == requestId, ct);
        var step = CpdRequestRules.Apply(request.Status, request.Cost, decision, actor);
        if (!step.Allowed)
        {
            return Result<CpdRequest>.Fail("Decision", step.Refusal!);
        }
        var declining = decision is CpdDecision.LineManagerDeclines or CpdDecision.BudgetHolderDeclines;
        if (declining && string.IsNullOrWhiteSpace(reason))
        {
            return Result<CpdRequest>.Fail("Reason", "Say why the request is declined");
        }
        if (reason?.Trim().Length > CpdRequest.ReasonMaxLength)
        {
            return Result<CpdRequest>.Fail("Reason", $"The reason must be {CpdRequest.ReasonMaxLength} characters or fewer");
        }
        if (decision is CpdDecision.LineManagerApproves or CpdDecision.LineManagerDeclines)
        {
            request.LineManagerName = recorder.Name;
            request.LineManagerDecidedAt = clock.UtcNow;
        }
        if (decision is CpdDecision.BudgetHolderApproves or CpdDecision.BudgetHolderDeclines
            || (decision == CpdDecision.LineManagerApproves && step.Next == CpdRequestStatus.Approved && request.Cost > 0))
        {
            request.BudgetHolderName = recorder.Name;
            request.BudgetDecidedAt = clock.UtcNow;
        }
        if (declining)
        {
            request.DeclinedReason = reason!.Trim();
        }
        request.Status = step.Next!.Value;
        await db.SaveChangesAsync(ct);
        return Result<CpdRequest>.Done(request);
    }

    /// <summary>An approved request, done: recorded as an activity with the person's hours and cost, linked to their objective.</summary>
    public async Task<Result<CpdActivity>> RecordDoneAsync(int requestId, decimal? hours, decimal? cost, Recorder recorder, CancellationToken ct = default)
    {
        var request = await db.CpdRequests.SingleAsync(r => r.Id == requestId, ct);
        var step = CpdRequestRules.Apply(request.Status, request.Cost, CpdDecision.Recorded, new CpdActor(false, false, false));
        if (!step.Allowed)
        {
            return Result<CpdActivity>.Fail("Decision", step.Refusal!);
        }
        var recorded = await activities.RecordAsync(request.SchoolId, new CpdActivityInput(request.Title, request.Kind, request.Provider,
            request.StartDate, request.EndDate, hours ?? request.Hours, cost ?? request.Cost, request.Reason,
            [new AttendeeInput(request.StaffMemberId)], new CpdLinks(request.ObjectiveId)), recorder, ct);
        if (recorded.Value is not { } activity)
        {
            return recorded;
        }
        request.Status = CpdRequestStatus.Recorded;
        request.ActivityId = activity.Id;
        await db.SaveChangesAsync(ct);
        return recorded;
    }

    private static IReadOnlyList<FieldError> Ordered(List<FieldError> errors)
    {
        string[] order = ["Title", "Kind", "Provider", "StartDate", "EndDate", "Hours", "Cost", "Reason", "ObjectiveId"];
        return errors.OrderBy(e => Array.IndexOf(order, e.Field) is var i && i < 0 ? order.Length : i).ToList();
    }
}
