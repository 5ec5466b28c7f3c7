namespace Lynchpin.Core.Pupils;

/// <summary>
/// Every read of a pupil's record leaves a row in the audit trail: who, which pupil, when, how they were allowed (as coach,
/// as designated teacher…) and what they read. Pages, API endpoints and exports call it before they answer; a list
/// writes a row for each pupil it shows.
/// </summary>
public class PupilAudit(LynchpinDbContext db, SchoolClock clock)
{
    public const string PupilRead = "pupil-read";
    public const string PupilsImported = "pupils-imported";
    public const string AttendanceImported = "attendance-imported";
    public const string ExclusionsImported = "exclusions-imported";

    /// <summary>Adds (without saving) the audit row of a change to pupil data, such as an import; saved with the change.</summary>
    public static void AddChange(LynchpinDbContext db, Recorder? who, DateTime at, string action, string detail) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = at,
            UserId = who?.UserId,
            UserName = Truncate(who?.Name ?? "Unknown", AuditEvent.UserNameMaxLength),
            Action = action,
            Detail = Truncate(detail, AuditEvent.DetailMaxLength),
        });

    /// <summary>Audits reads of <paramref name="pupils"/> (each with why the reader may read them) and saves at once.</summary>
    /// <param name="what">What was read and where, e.g. "PEP 12 (page)" or "school pupil list (API)".</param>
    public async Task ReadAsync(Recorder who, IEnumerable<(Pupil Pupil, PupilReadReason Reason)> pupils, string what,
        CancellationToken cancellationToken = default)
    {
        var at = clock.UtcNow;
        foreach (var (pupil, reason) in pupils)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                At = at,
                UserId = who.UserId,
                UserName = Truncate(who.Name, AuditEvent.UserNameMaxLength),
                Action = PupilRead,
                Detail = Truncate($"pupil {pupil.Id} at school {pupil.SchoolId}, as {reason.Describe()}: {what}", AuditEvent.DetailMaxLength),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
