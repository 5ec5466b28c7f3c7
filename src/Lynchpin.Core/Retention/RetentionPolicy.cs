using System.Globalization;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Retention;

/// <summary>A person under a legal hold, as the trust's retention page lists them.</summary>
public sealed record HeldPerson(int HoldId, int StaffMemberId, string Name, string School, string Reason, DateTime PlacedAt, string PlacedBy);

/// <summary>
/// What a trust's admins set for <see cref="RetentionRunner"/>: the periods by record kind and the legal holds. Every change
/// is saved with its audit row (one save), so the trail says who shortened a period or lifted a hold, and when.
/// </summary>
public sealed class RetentionPolicy(LynchpinDbContext db, AuditLog audit, SchoolClock clock)
{
    /// <summary>
    /// At least a year (the runner never looks at anything younger, and a shorter period would delete this year's records);
    /// at most 50, past which a period is a typing slip rather than a policy.
    /// </summary>
    public const int MinYears = 1, MaxYears = 50;

    public Task<List<HeldPerson>> HoldsAsync(int trustId, CancellationToken ct) =>
        db.LegalHolds.AsNoTracking().Where(h => h.StaffMember.School.TrustId == trustId)
            .OrderBy(h => h.StaffMember.LastName).ThenBy(h => h.StaffMember.FirstName)
            .Select(h => new HeldPerson(h.Id, h.StaffMemberId, h.StaffMember.FirstName + " " + h.StaffMember.LastName, h.StaffMember.School.Name,
                h.Reason, h.PlacedAt, h.PlacedByName))
            .ToListAsync(ct);

    /// <summary>Sets the trust's periods (each <see cref="MinYears"/> to <see cref="MaxYears"/>); the audit row gives each change.</summary>
    public async Task<Result> SaveAsync(int trustId, int? staffRecordYears, int? appraisalYears, int? observationNoteYears, Recorder recorder, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        Check(errors, nameof(RetentionSettings.StaffRecordYears), "staff records", staffRecordYears);
        Check(errors, nameof(RetentionSettings.AppraisalYears), "appraisals", appraisalYears);
        Check(errors, nameof(RetentionSettings.ObservationNoteYears), "observation notes", observationNoteYears);
        if (errors.Count > 0)
        {
            return new Result(errors);
        }
        var settings = await db.RetentionSettings.SingleOrDefaultAsync(s => s.TrustId == trustId, ct);
        if (settings is null)
        {
            settings = new RetentionSettings { TrustId = trustId };
            db.RetentionSettings.Add(settings);
        }
        var changes = new[]
        {
            Change("Staff records", settings.StaffRecordYears, staffRecordYears!.Value),
            Change("Appraisals", settings.AppraisalYears, appraisalYears!.Value),
            Change("Observation notes", settings.ObservationNoteYears, observationNoteYears!.Value),
        }.OfType<string>().ToList();
        if (changes.Count == 0 && db.Entry(settings).State != EntityState.Added)
        {
            return Result.Ok;
        }
        settings.StaffRecordYears = staffRecordYears.Value;
        settings.AppraisalYears = appraisalYears.Value;
        settings.ObservationNoteYears = observationNoteYears.Value;
        settings.UpdatedAt = clock.UtcNow;
        settings.UpdatedByName = recorder.Name;
        audit.Add(AuditActions.RetentionSettingsChanged, TrustSubject(trustId),
            changes.Count == 0 ? "Periods confirmed unchanged" : string.Join("; ", changes), audit.As(recorder));
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Keeps everything about a person of the trust past its periods until the hold is lifted.</summary>
    public async Task<Result> PlaceHoldAsync(int trustId, int? staffMemberId, string? reason, Recorder recorder, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var staff = staffMemberId is null ? null
            : await db.StaffMembers.Include(s => s.School).SingleOrDefaultAsync(s => s.Id == staffMemberId && s.School.TrustId == trustId, ct);
        if (staff is null)
        {
            errors.Add(new(nameof(LegalHold.StaffMemberId), "Select the person whose records to hold"));
        }
        else if (await db.LegalHolds.AnyAsync(h => h.StaffMemberId == staff.Id, ct))
        {
            errors.Add(new(nameof(LegalHold.StaffMemberId), $"{staff.FullName}'s records are already held"));
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add(new(nameof(LegalHold.Reason), "Enter why the records are held, such as the claim or investigation"));
        }
        else if (reason.Length > LegalHold.ReasonMaxLength)
        {
            errors.Add(new(nameof(LegalHold.Reason), $"The reason must be {LegalHold.ReasonMaxLength} characters or fewer"));
        }
        if (errors.Count > 0)
        {
            return new Result(errors);
        }
        db.LegalHolds.Add(new LegalHold { StaffMemberId = staff!.Id, Reason = reason!, PlacedAt = clock.UtcNow, PlacedByName = recorder.Name });
        audit.Add(AuditActions.LegalHoldPlaced, AuditSubject.Record(AuditRecordTypes.Staff, staff.Id, staff), reason, audit.As(recorder));
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Lifts a hold on a person of the trust; false if the trust has no such hold. The next retention run may then act.</summary>
    public async Task<bool> LiftHoldAsync(int trustId, int holdId, Recorder recorder, CancellationToken ct)
    {
        var hold = await db.LegalHolds.Include(h => h.StaffMember).ThenInclude(s => s.School)
            .SingleOrDefaultAsync(h => h.Id == holdId && h.StaffMember.School.TrustId == trustId, ct);
        if (hold is null)
        {
            return false;
        }
        db.LegalHolds.Remove(hold);
        audit.Add(AuditActions.LegalHoldLifted, AuditSubject.Record(AuditRecordTypes.Staff, hold.StaffMemberId, hold.StaffMember),
            string.Create(CultureInfo.InvariantCulture, $"Held since {SchoolClock.Format(hold.PlacedAt, "d MMMM yyyy")} by {hold.PlacedByName}: {hold.Reason}"), audit.As(recorder));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Check(List<FieldError> errors, string field, string kind, int? years)
    {
        if (years is null)
        {
            errors.Add(new(field, $"Enter how many years to keep {kind}"));
        }
        else if (years is < MinYears or > MaxYears)
        {
            errors.Add(new(field, $"Years to keep {kind} must be between {MinYears} and {MaxYears}"));
        }
    }

    private static string? Change(string kind, int from, int to) =>
        from == to ? null : string.Create(CultureInfo.InvariantCulture, $"{kind}: {from} → {to} years");

    private static AuditSubject TrustSubject(int trustId) =>
        new(trustId, RecordType: AuditRecordTypes.Trust, RecordId: trustId.ToString(CultureInfo.InvariantCulture));
}
