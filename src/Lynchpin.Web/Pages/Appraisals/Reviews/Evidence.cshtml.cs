using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Appraisals.Reviews;

/// <summary>
/// Downloads an evidence file to whoever may read the appraisal. Always as an attachment, with the content type
/// the store decided and no sniffing, so an uploaded file is never shown as a page of this site.
/// </summary>
public class EvidenceModel(LynchpinDbContext db, IAuthorizationService authorization, EvidenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int evidenceId, CancellationToken ct)
    {
        var evidence = await db.Evidence.AsNoTracking()
            .Include(e => e.Review).ThenInclude(r => r.Appraisal).ThenInclude(a => a.Cycle)
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.Review.Appraisal.StaffMemberId == id, ct);
        if (evidence is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, evidence.Review.Appraisal, Operations.ReadAppraisal)).Succeeded)
        {
            return Forbid();
        }
        // A link is followed from the review page; only files are downloaded here.
        if (evidence.StoredName is null || store.OpenRead(evidence.StoredName) is not { } content)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(content, evidence.ContentType ?? "application/octet-stream", evidence.FileName ?? "evidence");
    }
}
