namespace Lynchpin.Web.Pages.Observations.Visits;

/// <summary>
/// "My visits": the signed-in person's visits as an observer from the stored rotas, the records they wrote and, where the
/// school shared them, the records about their own lessons. Everything here is the person's own, so no further check.
/// </summary>
public class IndexModel : LynchpinPageModel
{
    public sealed record VisitRow(RotaVisit Visit, int? RecordId);

    public sealed record RecordRow(ObservationRecord Record, string PersonName);

    public bool HasStaffRecord { get; private set; }
    public IReadOnlyList<VisitRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<VisitRow> Past { get; private set; } = [];
    public IReadOnlyList<RecordRow> Written { get; private set; } = [];
    public IReadOnlyList<RecordRow> AboutMe { get; private set; } = [];

    /// <summary>Leaders and listed observers may also record an unscheduled drop-in.</summary>
    public bool MayRecordDropIn { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (db, scope) = (Db, await Access.GetAsync(ct));
        if (scope.OwnStaffId is not int own)
        {
            MayRecordDropIn = scope.LedSchoolIds.Count > 0;
            return;
        }
        HasStaffRecord = true;
        var schoolId = scope.User!.StaffMember?.SchoolId ?? await db.StaffMembers.Where(s => s.Id == own).Select(s => s.SchoolId).SingleAsync(ct);
        MayRecordDropIn = scope.LeadsSchool(schoolId) || await db.RotaObservers.AnyAsync(o => o.SchoolId == schoolId && o.StaffMemberId == own, ct);

        var visits = await db.RotaVisits.AsNoTracking().Include(v => v.Observee).Include(v => v.Rota)
            .Where(v => v.ObserverId == own)
            .OrderBy(v => v.Date).ThenBy(v => v.Start)
            .ToListAsync(ct);
        var visitIds = visits.Select(v => v.Id).ToList();
        var recorded = await db.ObservationRecords.Where(r => r.VisitId != null && visitIds.Contains(r.VisitId.Value))
            .Select(r => new { VisitId = r.VisitId!.Value, r.Id }).ToDictionaryAsync(r => r.VisitId, r => r.Id, ct);
        var rows = visits.Select(v => new VisitRow(v, recorded.TryGetValue(v.Id, out var id) ? id : null)).ToList();
        var today = Today;
        Upcoming = rows.Where(r => r.Visit.Date >= today).ToList();
        // The most recent first: the visit to record now is at the top.
        Past = rows.Where(r => r.Visit.Date < today).Reverse().ToList();

        Written = (await db.ObservationRecords.AsNoTracking().Include(r => r.Observee)
                .Where(r => r.ObserverId == own).OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToListAsync(ct))
            .Select(r => new RecordRow(r, r.Observee.FullName)).ToList();
        AboutMe = (await db.ObservationRecords.AsNoTracking().Include(r => r.Observer)
                .Where(r => r.ObserveeId == own && r.SharedWithObservee).OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToListAsync(ct))
            .Select(r => new RecordRow(r, r.Observer.FullName)).ToList();
    }
}
