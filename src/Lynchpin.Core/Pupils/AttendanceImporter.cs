using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;

namespace Lynchpin.Core.Pupils;

/// <summary>
/// Imports pupils' attendance by period, all or nothing: <c>upn,period_start,period_end,sessions_possible,
/// sessions_attended,authorised,unauthorised</c>, the register's counts (attended + authorised + unauthorised = possible).
/// A period already stored for the pupil is replaced; one that overlaps a stored period without matching it is refused,
/// so no session is counted twice.
/// </summary>
public class AttendanceImporter(LynchpinDbContext db, SchoolClock clock)
    : SchoolImporter<AttendanceImporter.Row>(db, new(AttendanceImportColumns.All, [], "attendance rows"))
{
    protected override Row? Parse(TabularRow row, ImportRun run) => Row.Parse(row, run.Errors, clock.Today);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var pupils = await SchoolPupils.LoadAsync(Db, run.School.Id, cancellationToken);
        var found = rows.Select(r => (Row: r, PupilId: pupils.IdOf(r.Upn, r.Line, run))).Where(r => r.PupilId is not null).ToList();
        var pupilIds = found.Select(r => r.PupilId!.Value).Distinct().ToList();
        var stored = await Db.AttendanceRecords.Where(a => pupilIds.Contains(a.PupilId)).ToListAsync(cancellationToken);
        foreach (var (row, pupilId) in found)
        {
            var others = found.Where(o => o.PupilId == pupilId && o.Row.Line < row.Line && Overlaps(o.Row.Start, o.Row.End, row))
                .Select(o => o.Row.Line).ToList();
            if (others.Count > 0)
            {
                run.Error(row.Line, $"the period {Dates.Long(row.Start)} to {Dates.Long(row.End)} of {row.Upn} overlaps line {others[0]}; give each period once");
            }
            else if (stored.FirstOrDefault(s => s.PupilId == pupilId && Overlaps(s.PeriodStart, s.PeriodEnd, row)
                && (s.PeriodStart, s.PeriodEnd) != (row.Start, row.End)) is { } clash)
            {
                run.Error(row.Line, $"the period {Dates.Long(row.Start)} to {Dates.Long(row.End)} of {row.Upn} overlaps the stored period " +
                    $"{Dates.Long(clash.PeriodStart)} to {Dates.Long(clash.PeriodEnd)}; import the same periods as before, so no session is counted twice");
            }
        }
        return async ct =>
        {
            int created = 0, updated = 0, unchanged = 0;
            foreach (var (row, pupilId) in found)
            {
                var record = stored.FirstOrDefault(s => s.PupilId == pupilId && s.PeriodStart == row.Start && s.PeriodEnd == row.End);
                if (record is null)
                {
                    record = new AttendanceRecord { PupilId = pupilId!.Value, PeriodStart = row.Start, PeriodEnd = row.End };
                    Db.AttendanceRecords.Add(record);
                    created++;
                }
                else if ((record.SessionsPossible, record.SessionsAttended, record.Authorised, record.Unauthorised)
                    == (row.Possible, row.Attended, row.Authorised, row.Unauthorised))
                {
                    unchanged++;
                    continue;
                }
                else
                {
                    updated++;
                }
                (record.SessionsPossible, record.SessionsAttended, record.Authorised, record.Unauthorised) = (row.Possible, row.Attended, row.Authorised, row.Unauthorised);
                record.ImportedAt = clock.UtcNow;
            }
            PupilAudit.AddChange(Db, run.By, clock.UtcNow, PupilAudit.AttendanceImported,
                $"{found.Count} attendance row(s) for {pupilIds.Count} pupil(s) at school {run.School.Urn}: {created} added, {updated} updated, {unchanged} unchanged");
            await Db.SaveChangesAsync(ct);
            return new ImportResult(created, updated, []) { Unchanged = unchanged };
        };
    }

    private static bool Overlaps(DateOnly start, DateOnly end, Row row) => start <= row.End && row.Start <= end;

    public sealed record Row(int Line, string Upn, DateOnly Start, DateOnly End, int Possible, int Attended, int Authorised, int Unauthorised)
    {
        public static Row? Parse(TabularRow row, List<RowError> errors, DateOnly today)
        {
            var before = errors.Count;
            var upn = SchoolPupils.Upn(row, errors);
            var start = ImportCells.Date(row, AttendanceImportColumns.PeriodStart, errors);
            var end = ImportCells.Date(row, AttendanceImportColumns.PeriodEnd, errors);
            if (start is { } s && end is { } e && (e < s || e > today))
            {
                errors.Add(new(row.Line, e < s
                    ? $"period_end {Dates.Long(e)} is before period_start {Dates.Long(s)}"
                    : $"period_end {Dates.Long(e)} is in the future; import a period once it has ended"));
            }
            var possible = ImportCells.Count(row, AttendanceImportColumns.SessionsPossible, errors);
            var attended = ImportCells.Count(row, AttendanceImportColumns.SessionsAttended, errors);
            var authorised = ImportCells.Count(row, AttendanceImportColumns.Authorised, errors);
            var unauthorised = ImportCells.Count(row, AttendanceImportColumns.Unauthorised, errors);
            if (possible is { } p && attended is { } a && authorised is { } au && unauthorised is { } un && a + au + un != p)
            {
                errors.Add(new(row.Line, $"sessions_attended + authorised + unauthorised is {a + au + un}, but sessions_possible is {p}; " +
                    "every possible session is attended or an authorised or unauthorised absence"));
            }
            return errors.Count > before ? null : new Row(row.Line, upn, start!.Value, end!.Value, possible!.Value, attended!.Value, authorised!.Value, unauthorised!.Value);
        }
    }
}

public static class AttendanceImportColumns
{
    public const string PeriodStart = "period_start";
    public const string PeriodEnd = "period_end";
    public const string SessionsPossible = "sessions_possible";
    public const string SessionsAttended = "sessions_attended";
    public const string Authorised = "authorised";
    public const string Unauthorised = "unauthorised";

    public static readonly IReadOnlyList<string> All = [SchoolPupils.UpnColumn, PeriodStart, PeriodEnd, SessionsPossible, SessionsAttended, Authorised, Unauthorised];
}
