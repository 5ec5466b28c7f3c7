using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Cpd;

/// <summary>One person at an activity with their hours and cost (empty: the activity's own figures).</summary>
public sealed record AttendeeInput(int StaffMemberId, decimal? Hours = null, decimal? Cost = null);

/// <summary>What it was for: an objective of the person's, a standard (<c>set/code</c>) or a progression criterion.</summary>
public sealed record CpdLinks(int? ObjectiveId = null, string? StandardKey = null, string? CriterionText = null)
{
    public static readonly CpdLinks None = new();
}

/// <summary>An activity as recorded: hours and cost are each person's unless an attendee says otherwise.</summary>
public sealed record CpdActivityInput(
    string? Title, CpdKind? Kind, string? Provider, DateOnly? StartDate, DateOnly? EndDate, decimal? Hours, decimal? Cost,
    string? Description, IReadOnlyList<AttendeeInput> Attendees, CpdLinks? Links = null, string? Ref = null);

/// <summary>
/// Records CPD activities for a school: one activity and everyone who attended it in one save (an INSET day for the
/// whole staff is one step), each with their hours and cost and what it was for.
/// </summary>
public class CpdActivities(LynchpinDbContext db, SchoolClock clock)
{
    public const decimal MaxHours = 1000m;
    public const decimal MaxCost = 100_000m;

    public async Task<Result<CpdActivity>> RecordAsync(int schoolId, CpdActivityInput input, Recorder recorder, CancellationToken ct = default)
    {
        var errors = Validate(input);
        var ids = input.Attendees.Select(a => a.StaffMemberId).Distinct().ToList();
        var known = await db.StaffMembers.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            errors.Add(new("Attendees", "Choose who took part"));
        }
        else if (known.Count != ids.Count)
        {
            errors.Add(new("Attendees", "Choose people on the school's staff"));
        }
        var links = input.Links ?? CpdLinks.None;
        if (links.ObjectiveId is int objectiveId
            && !await db.Objectives.AnyAsync(o => o.Id == objectiveId && ids.Contains(o.Appraisal.StaffMemberId), ct))
        {
            errors.Add(new("ObjectiveId", "Choose an objective of the person who took part"));
        }
        if (input.Ref is { Length: > 0 } reference && await db.CpdActivities.AnyAsync(a => a.SchoolId == schoolId && a.Ref == reference, ct))
        {
            errors.Add(new("Ref", $"The school already has an activity with the reference {reference}"));
        }
        if (errors.Count > 0)
        {
            return Result<CpdActivity>.Fail(errors);
        }

        var (setCode, standardCode) = SplitStandard(links.StandardKey);
        var activity = new CpdActivity
        {
            SchoolId = schoolId,
            Ref = string.IsNullOrWhiteSpace(input.Ref) ? null : input.Ref.Trim(),
            Title = input.Title!.Trim(),
            Kind = input.Kind!.Value,
            Provider = string.IsNullOrWhiteSpace(input.Provider) ? null : input.Provider.Trim(),
            StartDate = input.StartDate!.Value,
            EndDate = input.EndDate ?? input.StartDate!.Value,
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            RecordedAt = clock.UtcNow,
            RecordedByName = recorder.Name,
            Attendances = input.Attendees.DistinctBy(a => a.StaffMemberId).Select(a => new CpdAttendance
            {
                StaffMemberId = a.StaffMemberId,
                Hours = a.Hours ?? input.Hours ?? 0m,
                Cost = a.Cost ?? input.Cost ?? 0m,
                ObjectiveId = links.ObjectiveId,
                StandardSetCode = setCode,
                StandardCode = standardCode,
                CriterionText = string.IsNullOrWhiteSpace(links.CriterionText) ? null : links.CriterionText.Trim(),
            }).ToList(),
        };
        db.CpdActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return Result<CpdActivity>.Done(activity);
    }

    /// <summary>Removes an activity and everyone's attendance (and evaluations) with it.</summary>
    public async Task RemoveAsync(int activityId, CancellationToken ct = default)
    {
        await db.CpdRequests.Where(r => r.ActivityId == activityId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ActivityId, (int?)null).SetProperty(x => x.Status, CpdRequestStatus.Approved), ct);
        await db.CpdActivities.Where(a => a.Id == activityId).ExecuteDeleteAsync(ct);
    }

    public static List<FieldError> Validate(CpdActivityInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new("Title", "Enter the activity's title"));
        }
        else if (input.Title.Trim().Length > CpdActivity.TitleMaxLength)
        {
            errors.Add(new("Title", $"The title must be {CpdActivity.TitleMaxLength} characters or fewer"));
        }
        if (input.Kind is null)
        {
            errors.Add(new("Kind", "Select the kind of activity"));
        }
        if (input.Provider?.Trim().Length > CpdActivity.ProviderMaxLength)
        {
            errors.Add(new("Provider", $"The provider must be {CpdActivity.ProviderMaxLength} characters or fewer"));
        }
        if (input.StartDate is null)
        {
            errors.Add(new("StartDate", "Enter the date the activity started"));
        }
        else if (input.EndDate is DateOnly end && end < input.StartDate)
        {
            errors.Add(new("EndDate", "The end date must be on or after the start date"));
        }
        AddAmountErrors(errors, "Hours", input.Hours, MaxHours, "hours");
        AddAmountErrors(errors, "Cost", input.Cost, MaxCost, "cost");
        foreach (var attendee in input.Attendees)
        {
            AddAmountErrors(errors, "Hours", attendee.Hours, MaxHours, "hours");
            AddAmountErrors(errors, "Cost", attendee.Cost, MaxCost, "cost");
        }
        if (input.Description?.Trim().Length > CpdActivity.DescriptionMaxLength)
        {
            errors.Add(new("Description", $"The description must be {CpdActivity.DescriptionMaxLength} characters or fewer"));
        }
        return errors.DistinctBy(e => (e.Field, e.Message)).ToList();
    }

    private static void AddAmountErrors(List<FieldError> errors, string field, decimal? value, decimal max, string words)
    {
        if (value is < 0m)
        {
            errors.Add(new(field, $"The {words} must be 0 or more"));
        }
        else if (value > max)
        {
            errors.Add(new(field, $"The {words} must be {max:#,##0} or less"));
        }
    }

    private static (string? Set, string? Code) SplitStandard(string? key)
    {
        var slash = key?.IndexOf('/') ?? -1;
        return slash > 0 ? (key![..slash], key[(slash + 1)..]) : (null, null);
    }
}
