using Lynchpin.Core.Audit;
using Lynchpin.Core.Observations;

namespace Lynchpin.Web.Pages.Observations.Records;

/// <summary>One record, for those <see cref="ObservationRecordAuthorizationHandler"/> lets read it.</summary>
public class ShowModel : LynchpinPageModel
{
    public ObservationRecord Record { get; private set; } = null!;
    public RotaVisit? Visit { get; private set; }
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var record = await Db.ObservationRecords.AsNoTracking()
            .Include(r => r.Observer).Include(r => r.Observee).Include(r => r.Visit)
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return NotFound();
        }
        if (!await MayAsync(record, Operations.Read))
        {
            return Forbid();
        }
        Record = record;
        Visit = record.Visit;
        MayEdit = await MayAsync(record, Operations.Manage);
        await AuditAsync(AuditActions.ObservationRecordRead, AuditSubject.Observation(record), $"{record.Kind.DisplayName()}, {record.Date:yyyy-MM-dd}", ct);
        return Page();
    }
}
