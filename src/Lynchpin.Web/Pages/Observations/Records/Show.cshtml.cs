using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Pages.Observations.Records;

/// <summary>One record, for those <see cref="ObservationRecordAuthorizationHandler"/> lets read it.</summary>
public class ShowModel(LynchpinDbContext db, IAuthorizationService authorization) : PageModel
{
    public ObservationRecord Record { get; private set; } = null!;
    public RotaVisit? Visit { get; private set; }
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var record = await db.ObservationRecords.AsNoTracking()
            .Include(r => r.Observer).Include(r => r.Observee).Include(r => r.Visit)
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, record, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Record = record;
        Visit = record.Visit;
        MayEdit = (await authorization.AuthorizeAsync(User, record, Operations.Manage)).Succeeded;
        return Page();
    }
}
