using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Core.Pay;

/// <summary>The audit actions of pay records and the parity report's pay figures.</summary>
public static class PayAuditActions
{
    public const string PayRecordsRead = "pay-records-read";
    public const string PayRecorded = "pay-recorded";
    public const string PayImported = "pay-imported";
    public const string ParityPayRead = "parity-pay-read";
}

/// <summary>
/// Writes the pay area's audit rows into the caller's save (so no pay read or change happens without its row). The one
/// place the pay area touches the audit trail.
/// </summary>
internal static class PayAudit
{
    public static void Add(LynchpinDbContext db, SchoolClock clock, Recorder who, string action, int? staffMemberId, string detail) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.UtcNow,
            UserId = who.UserId,
            UserName = who.Name.Length <= AuditEvent.UserNameMaxLength ? who.Name : who.Name[..AuditEvent.UserNameMaxLength],
            Action = action,
            StaffMemberId = staffMemberId,
            Detail = detail.Length <= AuditEvent.DetailMaxLength ? detail : detail[..AuditEvent.DetailMaxLength],
        });
}
