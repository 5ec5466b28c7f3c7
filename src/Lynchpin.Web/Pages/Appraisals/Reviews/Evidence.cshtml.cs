using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Progression;

namespace Lynchpin.Web.Pages.Appraisals.Reviews;

/// <summary>
/// Downloads an evidence file to whoever may read the appraisal. Always as an attachment, with the content type
/// the store decided and no sniffing, so an uploaded file is never shown as a page of this site.
/// </summary>
public class EvidenceModel(EvidenceStore store) : PersonPageModel
{
    private Evidence _evidence = null!;

    /// <summary>After the person: the evidence in the URL, which must be on their appraisal (404), and the right to read it (403).</summary>
    protected override async Task<IActionResult?> AuthorizeAsync(CancellationToken ct)
    {
        var (id, evidenceId) = (Member.Id, RouteInt("evidenceId"));
        var evidence = await Db.Evidence.AsNoTracking()
            .Include(e => e.Review).ThenInclude(r => r.Appraisal).ThenInclude(a => a.Cycle)
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.Review.Appraisal.StaffMemberId == id, ct);
        if (evidence is null)
        {
            return NotFound();
        }
        _evidence = evidence;
        return await MayAsync(evidence.Review.Appraisal, Operations.ReadAppraisal) ? null : Forbid();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A link is followed from the review page; only files are downloaded here.
        if (_evidence.StoredName is null || await store.OpenReadAsync(_evidence.StoredName, ct) is not { } content)
        {
            return NotFound();
        }
        await AuditAsync(AuditActions.EvidenceRead, AuditSubject.Record(AuditRecordTypes.Evidence, _evidence.Id, Member),
            $"{_evidence.FileName} (appraisal {_evidence.Review.AppraisalId}, {SchoolYear.Name(_evidence.Review.Appraisal.Cycle.Year)})", ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(content, _evidence.ContentType ?? "application/octet-stream", _evidence.FileName ?? "evidence");
    }
}
