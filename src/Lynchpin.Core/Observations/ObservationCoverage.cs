using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

/// <summary>
/// One observee's coverage: records made of their lessons (<see cref="Seen"/>), by the kind of observer who made them,
/// and visits planned on rotas in the same range.
/// </summary>
public sealed record CoverageRow(int StaffMemberId, string StaffRef, string Name, int Seen, IReadOnlyDictionary<ObserverKind, int> SeenByKind, int Planned)
{
    public int SeenBy(ObserverKind kind) => SeenByKind.GetValueOrDefault(kind);
}

/// <summary>Who has been seen in a range, how often and by which kinds of observer.</summary>
public sealed record Coverage(DateOnly From, DateOnly To, ObservationKind? Kind, IReadOnlyList<CoverageRow> Observees,
    IReadOnlyDictionary<ObserverKind, int> PlannedByKind)
{
    public int Records => Observees.Sum(o => o.Seen);

    public IReadOnlyDictionary<ObserverKind, int> RecordsByKind { get; } = ObservationCodes.ObserverKinds
        .ToDictionary(k => k, k => Observees.Sum(o => o.SeenBy(k)));

    /// <summary>The share of records made by pastoral and support staff, 0 to 1 (0 when there are none).</summary>
    public double PastoralAndSupportShare => Records == 0
        ? 0
        : (double)RecordsByKind.Where(k => k.Key.IsPastoralOrSupport()).Sum(k => k.Value) / Records;

    public IReadOnlyList<CoverageRow> NotYetSeen => Observees.Where(o => o.Seen == 0).ToList();

    public int SeenCount => Observees.Count(o => o.Seen > 0);
}

/// <summary>
/// Coverage for leaders, counted in the database (records grouped by observee and observer kind; planned visits by
/// observee and kind). The observees are the staff who lead lessons in the timetable (see <see cref="RotaService"/>), in
/// post in the range, plus anyone else who has been seen; a school without a timetable lists its teaching staff.
/// </summary>
public class ObservationCoverage(LynchpinDbContext db)
{
    public async Task<Coverage> ForSchoolAsync(int schoolId, DateOnly from, DateOnly to, ObservationKind? kind = null,
        CancellationToken cancellationToken = default)
    {
        var records = db.ObservationRecords.Where(r => r.SchoolId == schoolId && r.Date >= from && r.Date <= to);
        var visits = db.RotaVisits.Where(v => v.Rota.SchoolId == schoolId && v.Date >= from && v.Date <= to);
        if (kind is { } k)
        {
            records = records.Where(r => r.Kind == k);
            visits = visits.Where(v => v.Rota.Kind == k);
        }
        var seen = await records.GroupBy(r => new { r.ObserveeId, r.ObserverKind })
            .Select(g => new { g.Key.ObserveeId, g.Key.ObserverKind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var planned = await visits.GroupBy(v => new { v.ObserveeId, v.ObserverKind })
            .Select(g => new { g.Key.ObserveeId, g.Key.ObserverKind, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == schoolId)
            .Select(s => new { s.Id, s.StaffRef, s.FirstName, s.LastName, s.RoleFamily, s.StartDate, s.LeavingDate })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var rows = await db.TimetableRows.AsNoTracking().Where(r => r.SchoolId == schoolId).ToListAsync(cancellationToken);
        var inPost = staff.Values.Where(s => (s.StartDate is null || s.StartDate <= to) && (s.LeavingDate is null || s.LeavingDate >= from))
            .Select(s => s.Id).ToHashSet();
        var observees = rows.Count > 0
            ? RotaService.LessonLeaders(rows, id => staff[id].RoleFamily == RoleFamily.Teaching)
            : staff.Values.Where(s => s.RoleFamily == RoleFamily.Teaching).Select(s => s.Id).ToHashSet();
        observees.IntersectWith(inPost);
        observees.UnionWith(seen.Select(s => s.ObserveeId).Where(staff.ContainsKey));

        var seenBy = seen.ToLookup(s => s.ObserveeId);
        var plannedBy = planned.ToLookup(p => p.ObserveeId);
        var list = observees
            .Select(id => staff[id])
            .OrderBy(s => s.LastName, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.FirstName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.StaffRef, StringComparer.Ordinal)
            .Select(s => new CoverageRow(s.Id, s.StaffRef, $"{s.FirstName} {s.LastName}",
                seenBy[s.Id].Sum(x => x.Count),
                seenBy[s.Id].ToDictionary(x => x.ObserverKind, x => x.Count),
                plannedBy[s.Id].Sum(x => x.Count)))
            .ToList();
        var plannedByKind = planned.GroupBy(p => p.ObserverKind).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        return new Coverage(from, to, kind, list, plannedByKind);
    }
}
