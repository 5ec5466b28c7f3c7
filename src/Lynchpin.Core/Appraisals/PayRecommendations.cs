using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Appraisals;

/// <summary>
/// The only way to a pay recommendation: every read and every change is written to the audit trail, in the same
/// save, so there is no read without its record. Callers check the ReadPay operation first; a line manager is never
/// let in merely for being one.
/// </summary>
public class PayRecommendations(LynchpinDbContext db, SchoolClock clock)
{
    /// <summary>The recommendation (null if none is recorded: that too is a read, and audited).</summary>
    public async Task<PayRecommendation?> ReadAsync(int appraisalId, Recorder reader, CancellationToken cancellationToken = default)
    {
        var appraisal = await db.Appraisals.AsNoTracking().Where(a => a.Id == appraisalId)
            .Select(a => new { a.StaffMemberId, a.Cycle.Year }).SingleAsync(cancellationToken);
        var recommendation = await db.PayRecommendations.AsNoTracking().SingleOrDefaultAsync(p => p.AppraisalId == appraisalId, cancellationToken);
        db.AuditEvents.Add(Event(AuditActions.PayRecommendationRead, reader, appraisal.StaffMemberId,
            $"Appraisal {appraisalId} ({SchoolYear.Name(appraisal.Year)}): {(recommendation is null ? "none recorded" : "shown")}"));
        await db.SaveChangesAsync(cancellationToken);
        return recommendation;
    }

    /// <summary>Records or replaces the recommendation once the final review has begun. Not part of what the two sign.</summary>
    public async Task<Result<PayRecommendation>> RecordAsync(int appraisalId, string? text, Recorder recorder, CancellationToken cancellationToken = default)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Result<PayRecommendation>.Fail(new FieldError("PayRecommendation", "Enter the pay recommendation"));
        }
        if (trimmed.Length > PayRecommendation.TextMaxLength)
        {
            return Result<PayRecommendation>.Fail(
                new FieldError("PayRecommendation", $"The pay recommendation must be {PayRecommendation.TextMaxLength} characters or fewer"));
        }
        var appraisal = await db.Appraisals.Where(a => a.Id == appraisalId)
            .Select(a => new { a.StaffMemberId, a.Cycle.Year, HasFinal = a.Reviews.Any(r => r.Kind == ReviewKind.Final) })
            .SingleAsync(cancellationToken);
        if (!appraisal.HasFinal)
        {
            return Result<PayRecommendation>.Fail(
                new FieldError("PayRecommendation", "A pay recommendation follows the final review: start the final review first"));
        }

        var recommendation = await db.PayRecommendations.SingleOrDefaultAsync(p => p.AppraisalId == appraisalId, cancellationToken);
        if (recommendation is null)
        {
            recommendation = new PayRecommendation { AppraisalId = appraisalId, Text = trimmed, RecordedByName = recorder.Name };
            db.PayRecommendations.Add(recommendation);
        }
        recommendation.Text = trimmed;
        recommendation.RecordedAt = clock.UtcNow;
        recommendation.RecordedByUserId = recorder.UserId;
        recommendation.RecordedByName = recorder.Name;
        db.AuditEvents.Add(Event(AuditActions.PayRecommendationRecorded, recorder, appraisal.StaffMemberId,
            $"Appraisal {appraisalId} ({SchoolYear.Name(appraisal.Year)})"));
        await db.SaveChangesAsync(cancellationToken);
        return Result<PayRecommendation>.Done(recommendation);
    }

    private AuditEvent Event(string action, Recorder who, int staffMemberId, string detail) => new()
    {
        At = clock.UtcNow,
        UserId = who.UserId,
        UserName = who.Name,
        Action = action,
        StaffMemberId = staffMemberId,
        Detail = detail,
    };
}
