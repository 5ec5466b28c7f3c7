using Lynchpin.Core.Coaching;

namespace Lynchpin.Core.Pupils;

public sealed record AttainmentInput
{
    public DateOnly? AssessedOn { get; init; }
    public string? Subject { get; init; }
    public AttainmentScale Scale { get; init; }
    public string? Grade { get; init; }
    public bool? OnTrack { get; init; }
}

/// <summary>The parts of a pupil's record kept by hand: who works with them, and teacher-assessed attainment.</summary>
/// <summary>Who looks after the pupil: their carer and social worker, each a name and how to reach them.</summary>
public sealed record PupilContactsInput
{
    public string? CarerName { get; init; }
    public string? CarerContact { get; init; }
    public string? SocialWorkerName { get; init; }
    public string? SocialWorkerContact { get; init; }
}

/// <summary>One period of a flag as the form gives it; a row without a flag is left out (that is how a period is removed).</summary>
public sealed record PupilFlagInput(PupilFlag? Flag, DateOnly? From, DateOnly? To);

public class PupilRecords(LynchpinDbContext db, SchoolClock clock)
{
    public const string ContactsChanged = "pupil-contacts-changed";
    public const string FlagsChanged = "pupil-flags-changed";

    /// <summary>GCSE grades as schools record them: 9 (highest) to 1, and U.</summary>
    public static readonly IReadOnlyList<string> GcseGrades = ["9", "8", "7", "6", "5", "4", "3", "2", "1", "U"];

    /// <summary>Names a member of the pupil's school's staff as working with the pupil, so they may read the record.</summary>
    public async Task<Result<PupilWorker>> AddWorkerAsync(Pupil pupil, int? staffMemberId, string? role, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var text = Fields.Optional(errors, "Role", role, PupilWorker.RoleMaxLength, "what they do for the pupil");
        if (staffMemberId is not { } id || !await db.StaffMembers.AnyAsync(s => s.Id == id && s.SchoolId == pupil.SchoolId, cancellationToken))
        {
            errors.Add(new("StaffMemberId", "Choose a member of the school's staff"));
        }
        else if (await db.PupilWorkers.AnyAsync(w => w.PupilId == pupil.Id && w.StaffMemberId == id, cancellationToken))
        {
            errors.Add(new("StaffMemberId", "They are already named as working with the pupil"));
        }
        if (errors.Count > 0)
        {
            return Result<PupilWorker>.Fail(errors);
        }
        var worker = db.PupilWorkers.Add(new PupilWorker { PupilId = pupil.Id, StaffMemberId = staffMemberId!.Value, Role = text }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return Result<PupilWorker>.Done(worker);
    }

    /// <summary>
    /// Sets the pupil's carer and social worker (names and contacts, any may be left empty: a PEP asks for them again), and
    /// audits the change, by whom, in the same save.
    /// </summary>
    public async Task<Result<Pupil>> SetContactsAsync(int pupilId, PupilContactsInput input, Recorder by, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var carer = Fields.Optional(errors, nameof(input.CarerName), input.CarerName, Pupil.ContactMaxLength, "the carer's name");
        var carerContact = Fields.Optional(errors, nameof(input.CarerContact), input.CarerContact, Pupil.ContactMaxLength, "how to reach the carer");
        var worker = Fields.Optional(errors, nameof(input.SocialWorkerName), input.SocialWorkerName, Pupil.ContactMaxLength, "the social worker's name");
        var workerContact = Fields.Optional(errors, nameof(input.SocialWorkerContact), input.SocialWorkerContact, Pupil.ContactMaxLength, "how to reach the social worker");
        if (errors.Count > 0)
        {
            return Result<Pupil>.Fail(errors);
        }
        var pupil = await db.Pupils.SingleAsync(p => p.Id == pupilId, cancellationToken);
        (pupil.CarerName, pupil.CarerContact, pupil.SocialWorkerName, pupil.SocialWorkerContact) = (carer, carerContact, worker, workerContact);
        pupil.UpdatedAt = clock.UtcNow;
        PupilAudit.AddChange(db, by, clock.UtcNow, ContactsChanged, $"carer and social worker of pupil {pupil.Id} at school {pupil.SchoolId}");
        await db.SaveChangesAsync(cancellationToken);
        return Result<Pupil>.Done(pupil);
    }

    /// <summary>
    /// Replaces the pupil's flags with <paramref name="periods"/> (errors named <c>Flags[i].From</c> …, by the row's index):
    /// each starts today or earlier and ends on or after its start; periods of one flag do not overlap, nor do looked-after
    /// and previously-looked-after. Audited, by whom and what the flags now are, in the same save.
    /// </summary>
    public async Task<Result<Pupil>> SetFlagsAsync(int pupilId, IReadOnlyList<PupilFlagInput> periods, Recorder by, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var kept = new List<(int Row, PupilFlag Flag, DateOnly From, DateOnly? To)>();
        foreach (var (row, i) in periods.Select((p, i) => (p, i)))
        {
            if (row.Flag is not { } flag)
            {
                continue;
            }
            var from = Fields.RequiredDate(errors, $"Flags[{i}].From", row.From, $"the date {flag.Name().ToLowerInvariant()} applies from");
            if (from > clock.Today)
            {
                errors.Add(new($"Flags[{i}].From", $"{flag.Name()} starts today or earlier"));
            }
            if (from is { } start && row.To < start)
            {
                errors.Add(new($"Flags[{i}].To", $"{flag.Name()} ends on or after the day it starts"));
            }
            if (from is { } valid)
            {
                kept.Add((i, flag, valid, row.To));
            }
        }
        static bool Overlap((int, PupilFlag, DateOnly From, DateOnly? To) a, (int, PupilFlag, DateOnly From, DateOnly? To) b) =>
            a.From <= (b.To ?? DateOnly.MaxValue) && b.From <= (a.To ?? DateOnly.MaxValue);
        foreach (var (a, j) in kept.Select((k, j) => (k, j)))
        {
            var clash = kept.Take(j).FirstOrDefault(b => Overlap(a, b) && (a.Flag == b.Flag
                || (a.Flag, b.Flag) is (PupilFlag.LookedAfter, PupilFlag.PreviouslyLookedAfter) or (PupilFlag.PreviouslyLookedAfter, PupilFlag.LookedAfter)));
            if (clash != default)
            {
                errors.Add(new($"Flags[{a.Row}].From", a.Flag == clash.Flag
                    ? $"{a.Flag.Name()} overlaps its other period: give each period once"
                    : "A pupil is not looked after and previously looked after at the same time: end one before the other starts"));
            }
        }
        if (errors.Count > 0)
        {
            return Result<Pupil>.Fail(errors);
        }
        var pupil = await db.Pupils.Include(p => p.Flags).SingleAsync(p => p.Id == pupilId, cancellationToken);
        db.PupilFlags.RemoveRange(pupil.Flags);
        pupil.Flags = kept.Select(k => new PupilFlagPeriod { Flag = k.Flag, From = k.From, To = k.To }).ToList();
        pupil.UpdatedAt = clock.UtcNow;
        var now = kept.Count == 0 ? "none" : string.Join("; ", kept.OrderBy(k => k.Flag).ThenBy(k => k.From)
            .Select(k => $"{k.Flag.Code()} from {k.From:yyyy-MM-dd}{(k.To is { } to ? $" to {to:yyyy-MM-dd}" : "")}"));
        PupilAudit.AddChange(db, by, clock.UtcNow, FlagsChanged, $"flags of pupil {pupil.Id} at school {pupil.SchoolId}: {now}");
        await db.SaveChangesAsync(cancellationToken);
        return Result<Pupil>.Done(pupil);
    }

    public async Task RemoveWorkerAsync(Pupil pupil, int workerId, CancellationToken cancellationToken = default) =>
        await db.PupilWorkers.Where(w => w.Id == workerId && w.PupilId == pupil.Id).ExecuteDeleteAsync(cancellationToken);

    public async Task<Result<AttainmentRecord>> AddAttainmentAsync(Pupil pupil, AttainmentInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var on = Fields.RequiredDate(errors, nameof(input.AssessedOn), input.AssessedOn, "the date of the assessment");
        if (on > clock.Today)
        {
            errors.Add(new(nameof(input.AssessedOn), "An assessment is dated today or earlier"));
        }
        var subject = Fields.Required(errors, nameof(input.Subject), input.Subject, AttainmentRecord.SubjectMaxLength, "the subject");
        var grade = Fields.Required(errors, nameof(input.Grade), input.Grade, AttainmentRecord.GradeMaxLength, "the grade or step");
        if (grade is not null && input.Scale == AttainmentScale.Gcse && !GcseGrades.Contains(grade.ToUpperInvariant()))
        {
            errors.Add(new(nameof(input.Grade), "Enter a GCSE grade from 9 to 1, or U"));
        }
        if (errors.Count > 0)
        {
            return Result<AttainmentRecord>.Fail(errors);
        }
        var record = db.AttainmentRecords.Add(new AttainmentRecord
        {
            PupilId = pupil.Id,
            AssessedOn = on!.Value,
            Subject = subject!,
            Scale = input.Scale,
            Grade = input.Scale == AttainmentScale.Gcse ? grade!.ToUpperInvariant() : grade!,
            OnTrack = input.OnTrack,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return Result<AttainmentRecord>.Done(record);
    }
}
