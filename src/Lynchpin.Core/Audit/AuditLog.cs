using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Audit;

/// <summary>What an audit row is about: the trust and school it belongs to, whose record, and which record.</summary>
public sealed record AuditSubject(int? TrustId = null, int? SchoolId = null, int? StaffMemberId = null, string? RecordType = null, string? RecordId = null)
{
    /// <summary>Nothing in particular (a failed sign-in for an email no account has).</summary>
    public static AuditSubject None { get; } = new();

    /// <summary>An account, in its trust and school, and the staff record it is linked to.</summary>
    public static AuditSubject Account(AppUser user) =>
        new(user.TrustId, user.SchoolId, user.StaffMemberId, AuditRecordTypes.Account, user.Id);

    /// <summary>An observation record, about the person observed, in its school.</summary>
    public static AuditSubject Observation(ObservationRecord record) =>
        new(null, record.SchoolId, record.ObserveeId, AuditRecordTypes.ObservationRecord, record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A school's records as a whole (an export, an import).</summary>
    public static AuditSubject School(School school) =>
        new(school.TrustId, school.Id, null, AuditRecordTypes.School, school.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Any other record of a person: <c>AuditSubject.Record(AuditRecordTypes.Appraisal, appraisal.Id, staff)</c>.</summary>
    public static AuditSubject Record(string recordType, object recordId, StaffMember? staff = null, int? trustId = null) =>
        new(trustId ?? staff?.School?.TrustId, staff?.SchoolId, staff?.Id, recordType, Convert.ToString(recordId, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// The audit trail: append-only. Two ways in, both stamping the time, the actor (the request's account, channel and address,
/// or the command line) and the subject:
/// <list type="bullet">
/// <item><see cref="Add"/> puts the row in the DbContext, so the caller's own SaveChanges writes it with the change it records —
/// one save, no change without its row.</item>
/// <item><see cref="WriteAsync"/> adds and saves at once, before the response is sent: for reads and sign-in events, which change
/// nothing else. It saves whatever else the context holds too.</item>
/// </list>
/// Nothing here updates or deletes a row, and no page or endpoint does either.
/// </summary>
public sealed class AuditLog(LynchpinDbContext db, AuditActors actors, SchoolClock clock)
{
    /// <summary>The actor of the current request (or the command line); pass a changed copy as <c>actor</c> to name someone else.</summary>
    public AuditActor CurrentActor => actors.Current;

    /// <summary>The request's actor (its channel and address) under the name the records show.</summary>
    public AuditActor As(Recorder who) => actors.Current with { UserId = who.UserId, Name = who.Name };

    /// <summary>Adds a row to be saved with the caller's next SaveChanges.</summary>
    public AuditEvent Add(string action, AuditSubject subject, string? detail = null, AuditActor? actor = null)
    {
        var who = actor ?? actors.Current;
        var row = new AuditEvent
        {
            At = clock.UtcNow,
            UserId = who.UserId,
            UserName = Truncate(who.Name, AuditEvent.UserNameMaxLength)!,
            Channel = who.Channel,
            IpAddress = Truncate(who.IpAddress, AuditEvent.IpAddressMaxLength),
            Action = action,
            TrustId = subject.TrustId,
            SchoolId = subject.SchoolId,
            StaffMemberId = subject.StaffMemberId,
            RecordType = subject.RecordType,
            RecordId = Truncate(subject.RecordId, AuditEvent.RecordIdMaxLength),
            Detail = Truncate(detail, AuditEvent.DetailMaxLength),
        };
        db.AuditEvents.Add(row);
        return row;
    }

    /// <summary>Adds a row and saves it now.</summary>
    public async Task<AuditEvent> WriteAsync(
        string action, AuditSubject subject, string? detail = null, AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        var row = Add(action, subject, detail, actor);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// Writes the row of an import, applied or refused: <paramref name="what"/> (the import's key) from which file, and for
    /// a refused one how many problems stopped it. Written after the import's own transaction, as the page or command answers.
    /// </summary>
    public Task<AuditEvent> ImportedAsync(string what, string fileName, Imports.ImportResult result, AuditSubject subject, CancellationToken cancellationToken = default) =>
        WriteAsync(result.Succeeded ? AuditActions.Imported : AuditActions.ImportRefused, subject,
            result.Succeeded ? $"{what} from {fileName}" : $"{what} from {fileName}: {result.Errors.Count} problem(s), nothing imported",
            cancellationToken: cancellationToken);

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
