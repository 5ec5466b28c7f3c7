using Lynchpin.Core.Audit;
using Lynchpin.Core.Progression;
using Lynchpin.Core.Staff;

namespace Lynchpin.Core.Appraisals;

/// <summary>
/// The only way to a pay recommendation: every read and every change is written to the audit trail, in the same
/// save, so there is no read without its record. Callers check the ReadPay operation first; a line manager is never
/// let in merely for being one.
/// </summary>
public class PayRecommendations(LynchpinDbContext db, SchoolClock clock, AuditLog audit)
{
    /// <summary>The recommendation (null if none is recorded: that too is a read, and audited).</summary>
    public async Task<PayRecommendation?> ReadAsync(int appraisalId, Recorder reader, CancellationToken cancellationToken = default)
    {
        var appraisal = await OfAsync(appraisalId, cancellationToken);
        var recommendation = await db.PayRecommendations.AsNoTracking().SingleOrDefaultAsync(p => p.AppraisalId == appraisalId, cancellationToken);
        audit.Add(AuditActions.PayRecommendationRead, appraisal.Subject,
            $"Appraisal {appraisalId} ({SchoolYear.Name(appraisal.Year)}): {(recommendation is null ? "none recorded" : "shown")}", As(reader));
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
        if (!await db.AppraisalReviews.AnyAsync(r => r.AppraisalId == appraisalId && r.Kind == ReviewKind.Final, cancellationToken))
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
        var appraisal = await OfAsync(appraisalId, cancellationToken);
        audit.Add(AuditActions.PayRecommendationRecorded, appraisal.Subject, $"Appraisal {appraisalId} ({SchoolYear.Name(appraisal.Year)})", As(recorder));
        await db.SaveChangesAsync(cancellationToken);
        return Result<PayRecommendation>.Done(recommendation);
    }

    private AuditActor As(Recorder who) => audit.As(who);

    /// <summary>The appraisal's year, and the audit row's subject: the appraisal, its person, school and trust.</summary>
    private async Task<(int Year, AuditSubject Subject)> OfAsync(int appraisalId, CancellationToken cancellationToken)
    {
        var a = await db.Appraisals.AsNoTracking().Where(a => a.Id == appraisalId)
            .Select(a => new { a.StaffMemberId, a.Cycle.Year, a.Cycle.SchoolId, a.Cycle.School.TrustId }).SingleAsync(cancellationToken);
        return (a.Year, new AuditSubject(a.TrustId, a.SchoolId, a.StaffMemberId, AuditRecordTypes.Appraisal,
            appraisalId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
