namespace Lynchpin.Core.Coaching;

/// <summary>What a coach records of a visit.</summary>
public sealed record VisitInput
{
    public DateOnly? Date { get; init; }
    public string? WhoMet { get; init; }
    public IReadOnlyList<CoachingArea> Areas { get; init; } = [];
    public string? Notes { get; init; }
    public string? ActionsAgreed { get; init; }
    public DateOnly? NextVisitOn { get; init; }
}

/// <summary>
/// A coach's visits: planned ones are recorded as done with who they met, the areas worked on, notes and the actions
/// agreed; a next visit date adds a planned visit if there is none that day.
/// </summary>
public class CoachingVisits(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>
    /// Records a visit: the planned visit <paramref name="visitId"/>, or a new one when null. Only the coach who owns the
    /// visit records it (the caller checks the coach has the school this year).
    /// </summary>
    public async Task<Result<CoachingVisit>> RecordAsync(int schoolId, string coachUserId, int? visitId, VisitInput input, Recorder by,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var today = clock.Today;
        var date = Fields.RequiredDate(errors, nameof(input.Date), input.Date, "the date of the visit");
        if (date > today)
        {
            errors.Add(new(nameof(input.Date), "A visit is recorded on or after the day it happened; plan future visits instead"));
        }
        var whoMet = Fields.Required(errors, nameof(input.WhoMet), input.WhoMet, CoachingVisit.WhoMetMaxLength, "who you met");
        if (input.Areas.Count == 0)
        {
            errors.Add(new(nameof(input.Areas), "Choose at least one area you worked on"));
        }
        var notes = Fields.Optional(errors, nameof(input.Notes), input.Notes, CoachingVisit.TextMaxLength, "the notes");
        var actions = Fields.Optional(errors, nameof(input.ActionsAgreed), input.ActionsAgreed, CoachingVisit.TextMaxLength, "the actions agreed");
        if (input.NextVisitOn is { } next && date is { } d && next <= d)
        {
            errors.Add(new(nameof(input.NextVisitOn), "The next visit must be after this one"));
        }
        CoachingVisit? visit = null;
        if (visitId is { } id)
        {
            visit = await db.CoachingVisits.SingleOrDefaultAsync(v => v.Id == id && v.SchoolId == schoolId && v.CoachUserId == coachUserId, cancellationToken);
            if (visit is null)
            {
                errors.Add(new("", "That visit is not one of yours at this school"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<CoachingVisit>.Fail(errors);
        }

        visit ??= db.CoachingVisits.Add(new CoachingVisit { CoachUserId = coachUserId, SchoolId = schoolId }).Entity;
        visit.Date = date!.Value;
        visit.Year = Progression.SchoolYear.Of(visit.Date);
        visit.Status = VisitStatus.Done;
        visit.WhoMet = whoMet;
        visit.Areas = input.Areas.Distinct().Order().ToList();
        visit.Notes = notes;
        visit.ActionsAgreed = actions;
        visit.NextVisitOn = input.NextVisitOn;
        visit.RecordedAt = clock.UtcNow;
        visit.RecordedByName = by.Name;
        if (input.NextVisitOn is { } nextOn && !await db.CoachingVisits.AnyAsync(v => v.CoachUserId == coachUserId && v.SchoolId == schoolId
                && v.Date == nextOn && v.Status != VisitStatus.Cancelled, cancellationToken))
        {
            db.CoachingVisits.Add(new CoachingVisit
            {
                CoachUserId = coachUserId, SchoolId = schoolId, Date = nextOn, Year = Progression.SchoolYear.Of(nextOn), Status = VisitStatus.Planned,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result<CoachingVisit>.Done(visit);
    }

    /// <summary>Plans a visit on a date (a school day is the coach's to choose).</summary>
    public async Task<Result<CoachingVisit>> PlanAsync(int schoolId, string coachUserId, DateOnly? date, CancellationToken cancellationToken = default)
    {
        if (date is not { } on)
        {
            return Result<CoachingVisit>.Fail("Date", "Enter the date of the visit");
        }
        if (on < clock.Today)
        {
            return Result<CoachingVisit>.Fail("Date", "A planned visit is today or later; record a past visit instead");
        }
        if (await db.CoachingVisits.AnyAsync(v => v.CoachUserId == coachUserId && v.SchoolId == schoolId && v.Date == on && v.Status != VisitStatus.Cancelled, cancellationToken))
        {
            return Result<CoachingVisit>.Fail("Date", $"There is already a visit on {on:d MMMM yyyy}");
        }
        var visit = db.CoachingVisits.Add(new CoachingVisit
        {
            CoachUserId = coachUserId, SchoolId = schoolId, Date = on, Year = Progression.SchoolYear.Of(on), Status = VisitStatus.Planned,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return Result<CoachingVisit>.Done(visit);
    }

    /// <summary>Cancels a planned visit (kept, so the year's record shows it).</summary>
    public async Task<Result> CancelAsync(int schoolId, string coachUserId, int visitId, CancellationToken cancellationToken = default)
    {
        var visit = await db.CoachingVisits.SingleOrDefaultAsync(v => v.Id == visitId && v.SchoolId == schoolId && v.CoachUserId == coachUserId, cancellationToken);
        if (visit is null || visit.Status != VisitStatus.Planned)
        {
            return Result.Fail("", "Only a planned visit of yours can be cancelled");
        }
        visit.Status = VisitStatus.Cancelled;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }
}
