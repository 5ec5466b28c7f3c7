using Lynchpin.Core.Coaching;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Schools;

namespace Lynchpin.Core.Pupils;

public sealed record PepTargetInput
{
    public string? Outcome { get; init; }
    public string? Why { get; init; }
    public string? How { get; init; }
    public string? Who { get; init; }
    public DateOnly? ByWhen { get; init; }
    public decimal? PupilPremiumPlusCost { get; init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Outcome) && string.IsNullOrWhiteSpace(Why) && string.IsNullOrWhiteSpace(How)
        && string.IsNullOrWhiteSpace(Who) && ByWhen is null && PupilPremiumPlusCost is null;
}

/// <summary>The evaluation, at this PEP, of a target set at the previous one.</summary>
public sealed record TargetEvaluationInput(int TargetId, TargetOutcome? Achievement, string? Evaluation);

public sealed record PepInput
{
    public DateOnly? MeetingOn { get; init; }
    public string? SocialWorker { get; init; }
    public string? DesignatedTeacher { get; init; }
    public string? Carer { get; init; }
    public bool ChildAttended { get; init; }
    public bool CoachAttended { get; init; }
    public string? OtherAttendees { get; init; }
    public string? ChildViews { get; init; }
    public string? ChildViewsMissingReason { get; init; }
    public string? Needs { get; init; }
    public string? AttainmentAndProgress { get; init; }
    public TransitionKind Transition { get; init; }
    public string? TransitionPlan { get; init; }
    public DateOnly? NextPepOn { get; init; }
    public IReadOnlyList<PepTargetInput> Targets { get; init; } = [];
    public IReadOnlyList<TargetEvaluationInput> Evaluations { get; init; } = [];
}

/// <summary>A looked-after pupil's PEPs now: when the next is due and whether it is overdue.</summary>
public sealed record PupilPepStatus(Pupil Pupil, DateOnly? LastPep, PepTimeliness? Timeliness)
{
    /// <summary>Without the date the child entered care, no deadline can be worked out.</summary>
    public bool EnteredCareUnknown => Timeliness is null;
}

/// <summary>
/// Personal Education Plans: recorded by the school's designated teacher, leaders, champion or coach; checked for
/// quality (<see cref="PepQuality"/>); due on time (<see cref="PepSchedule"/>). Attendance and suspensions at the meeting
/// are filled from the imported data, as they stood that day.
/// </summary>
public class Peps(LynchpinDbContext db, SchoolClock clock)
{
    public const int MaxTargets = 8;

    public async Task<Result<Pep>> RecordAsync(int pupilId, PepInput input, Recorder by, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var meetingOn = Fields.RequiredDate(errors, nameof(input.MeetingOn), input.MeetingOn, "the date of the meeting");
        if (meetingOn > clock.Today)
        {
            errors.Add(new(nameof(input.MeetingOn), "Record a PEP meeting on or after the day it was held"));
        }
        var socialWorker = Fields.Required(errors, nameof(input.SocialWorker), input.SocialWorker, Pep.NameMaxLength, "the social worker who attended");
        var teacher = Fields.Required(errors, nameof(input.DesignatedTeacher), input.DesignatedTeacher, Pep.NameMaxLength, "the designated teacher who attended");
        var carer = Fields.Required(errors, nameof(input.Carer), input.Carer, Pep.NameMaxLength, "the carer who attended");
        var others = Fields.Optional(errors, nameof(input.OtherAttendees), input.OtherAttendees, Pep.NameMaxLength, "the others who attended");
        var views = Fields.Optional(errors, nameof(input.ChildViews), input.ChildViews, Pep.TextMaxLength, "the child's views");
        var missingReason = Fields.Optional(errors, nameof(input.ChildViewsMissingReason), input.ChildViewsMissingReason, Pep.NameMaxLength, "why the child's views are not recorded");
        if (views is null && missingReason is null && !errors.Any(e => e.Field == nameof(input.ChildViews)))
        {
            errors.Add(new(nameof(input.ChildViews), "Enter the child's views in their own words, or say why they are not recorded"));
        }
        var needs = Fields.Optional(errors, nameof(input.Needs), input.Needs, Pep.TextMaxLength, "the child's needs");
        var attainment = Fields.Optional(errors, nameof(input.AttainmentAndProgress), input.AttainmentAndProgress, Pep.TextMaxLength, "attainment and progress");
        var transitionPlan = Fields.Optional(errors, nameof(input.TransitionPlan), input.TransitionPlan, Pep.TextMaxLength, "the transition plan");
        if (input.Transition != TransitionKind.None && transitionPlan is null)
        {
            errors.Add(new(nameof(input.TransitionPlan), "Enter the transition plan: a transition needs one"));
        }
        if (input.NextPepOn is { } next && meetingOn is { } met && next <= met)
        {
            errors.Add(new(nameof(input.NextPepOn), "The next PEP must be after this meeting"));
        }

        var targets = input.Targets.Where(t => !t.IsEmpty).ToList();
        if (targets.Count > MaxTargets)
        {
            errors.Add(new("Targets", $"A PEP has at most {MaxTargets} targets"));
        }
        for (var i = 0; i < targets.Count; i++)
        {
            var field = $"Targets[{i}]";
            if (string.IsNullOrWhiteSpace(targets[i].Outcome))
            {
                errors.Add(new($"{field}.Outcome", $"Enter the outcome of target {i + 1}"));
            }
            if (targets[i].PupilPremiumPlusCost is < 0 or > 100_000m)
            {
                errors.Add(new($"{field}.PupilPremiumPlusCost", $"Enter the pupil premium plus cost of target {i + 1} as pounds from 0 to 100,000"));
            }
            foreach (var (name, value) in new[] { ("Outcome", targets[i].Outcome), ("Why", targets[i].Why), ("How", targets[i].How), ("Who", targets[i].Who) })
            {
                if (value?.Trim().Length > PepTarget.TextMaxLength)
                {
                    errors.Add(new($"{field}.{name}", $"Target {i + 1}'s {name.ToLowerInvariant()} must be {PepTarget.TextMaxLength} characters or fewer"));
                }
            }
        }

        var pupil = await db.Pupils.SingleAsync(p => p.Id == pupilId, cancellationToken);
        var previous = meetingOn is { } on
            ? await db.Peps.Include(p => p.Targets).Where(p => p.PupilId == pupilId && p.MeetingOn < on)
                .OrderByDescending(p => p.MeetingOn).ThenByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        var previousTargets = previous?.Targets.ToDictionary(t => t.Id) ?? [];
        foreach (var evaluation in input.Evaluations)
        {
            if (!previousTargets.ContainsKey(evaluation.TargetId))
            {
                errors.Add(new("Evaluations", "An evaluation is for a target of the previous PEP"));
            }
            else if (evaluation.Evaluation?.Trim().Length > PepTarget.TextMaxLength)
            {
                errors.Add(new("Evaluations", $"An evaluation must be {PepTarget.TextMaxLength} characters or fewer"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<Pep>.Fail(errors);
        }

        var pep = new Pep
        {
            PupilId = pupilId,
            MeetingOn = meetingOn!.Value,
            SocialWorker = socialWorker!,
            DesignatedTeacher = teacher!,
            Carer = carer!,
            ChildAttended = input.ChildAttended,
            CoachAttended = input.CoachAttended,
            OtherAttendees = others,
            ChildViews = views,
            ChildViewsMissingReason = views is null ? missingReason : null,
            Needs = needs,
            AttainmentAndProgress = attainment,
            Transition = input.Transition,
            TransitionPlan = transitionPlan,
            NextPepOn = input.NextPepOn,
            RecordedAt = clock.UtcNow,
            RecordedByName = by.Name,
            Targets = targets.Select(t => new PepTarget
            {
                Outcome = t.Outcome!.Trim(),
                Why = Blank(t.Why),
                How = Blank(t.How),
                Who = Blank(t.Who),
                ByWhen = t.ByWhen,
                PupilPremiumPlusCost = t.PupilPremiumPlusCost,
            }).ToList(),
        };
        var atDate = await AttendanceAtAsync(pupil.Id, pep.MeetingOn, cancellationToken);
        pep.SessionsPossible = atDate.Sessions.Possible == 0 ? null : atDate.Sessions.Possible;
        pep.AttendancePercent = AttendanceMaths.AttendanceRate(atDate.Sessions) is { } rate ? Math.Round(rate, 1) : null;
        pep.SuspensionsThisYear = atDate.Suspensions;
        pep.SuspensionDaysThisYear = atDate.SuspensionDays;

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.Peps.Add(pep);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var evaluation in input.Evaluations)
        {
            var target = previousTargets[evaluation.TargetId];
            target.Achievement = evaluation.Achievement;
            target.Evaluation = Blank(evaluation.Evaluation);
            target.EvaluatedAtPepId = evaluation.Achievement is null && target.Evaluation is null ? null : pep.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return Result<Pep>.Done(pep);
    }

    /// <summary>The pupil's sessions this school year up to <paramref name="date"/> (periods ending by then), and suspensions begun.</summary>
    public async Task<(Sessions Sessions, int Suspensions, decimal SuspensionDays)> AttendanceAtAsync(int pupilId, DateOnly date,
        CancellationToken cancellationToken = default)
    {
        var yearStart = SchoolYear.Start(SchoolYear.Of(date));
        var periods = await db.AttendanceRecords.AsNoTracking()
            .Where(a => a.PupilId == pupilId && a.PeriodStart >= yearStart && a.PeriodEnd <= date)
            .Select(a => new Sessions(a.SessionsPossible, a.SessionsAttended, a.Authorised, a.Unauthorised)).ToListAsync(cancellationToken);
        var suspensions = await db.Exclusions.AsNoTracking()
            .Where(e => e.PupilId == pupilId && e.Kind == ExclusionKind.Suspension && e.Start >= yearStart && e.Start <= date)
            .Select(e => e.Days).ToListAsync(cancellationToken);
        return (Sessions.Sum(periods), suspensions.Count, suspensions.Sum());
    }

    /// <summary>The quality check of a stored PEP (with its targets), against the PEP before it.</summary>
    public async Task<PepQualityResult> QualityAsync(Pep pep, CancellationToken cancellationToken = default)
    {
        var previous = await db.Peps.AsNoTracking().Include(p => p.Targets)
            .Where(p => p.PupilId == pep.PupilId && (p.MeetingOn < pep.MeetingOn || (p.MeetingOn == pep.MeetingOn && p.Id < pep.Id)))
            .OrderByDescending(p => p.MeetingOn).ThenByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        return Quality(pep, previous);
    }

    public static PepQualityResult Quality(Pep pep, Pep? previous) => PepQuality.Check(new PepFacts(
        pep.MeetingOn, pep.ChildViews, pep.Targets.Select(t => t.Facts).ToList(), pep.NextPepOn,
        previous?.Targets.Count ?? 0,
        previous?.Targets.Count(t => t.EvaluatedAtPepId == pep.Id && (t.Achievement is not null || t.Evaluation is not null)) ?? 0));

    /// <summary>
    /// Where each looked-after pupil's PEPs stand today (pupils flagged looked-after now). The requirements listed start
    /// with the current school year.
    /// </summary>
    public async Task<IReadOnlyList<PupilPepStatus>> StatusesAsync(IQueryable<Pupil> pupils, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var inCare = await pupils.AsNoTracking().Include(p => p.Flags)
            .Where(p => p.LeftOn == null && p.Flags.Any(f => f.Flag == PupilFlag.LookedAfter && f.From <= today && (f.To == null || f.To >= today)))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ToListAsync(cancellationToken);
        var ids = inCare.Select(p => p.Id).ToList();
        var dates = (await db.Peps.AsNoTracking().Where(p => ids.Contains(p.PupilId)).Select(p => new { p.PupilId, p.MeetingOn }).ToListAsync(cancellationToken))
            .ToLookup(p => p.PupilId, p => p.MeetingOn);
        var calendars = await TermDatesStore.CalendarsAsync(db, inCare.Select(p => p.SchoolId).Distinct().ToList(), cancellationToken);
        var since = SchoolYear.Start(SchoolYear.Of(today));
        return inCare.Select(p => new PupilPepStatus(p,
            dates[p.Id].Select(d => (DateOnly?)d).Max(),
            p.EnteredCareOn is { } entered ? PepSchedule.Evaluate(entered, dates[p.Id], calendars[p.SchoolId], today, since) : null)).ToList();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
