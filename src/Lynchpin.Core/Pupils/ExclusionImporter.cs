using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;

namespace Lynchpin.Core.Pupils;

/// <summary>
/// Imports pupils' suspensions and permanent exclusions, all or nothing: <c>upn,start,days,kind</c> (kind suspension or
/// permanent; days in school days, halves allowed). A pupil's exclusion starting on a stored one's day corrects it.
/// </summary>
public class ExclusionImporter(LynchpinDbContext db, SchoolClock clock)
    : SchoolImporter<ExclusionImporter.Row>(db, new(ExclusionImportColumns.All, [], "exclusions"))
{
    protected override Row? Parse(TabularRow row, ImportRun run) => Row.Parse(row, run.Errors, clock.Today);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var pupils = await SchoolPupils.LoadAsync(Db, run.School.Id, cancellationToken);
        var found = rows.Select(r => (Row: r, PupilId: pupils.IdOf(r.Upn, r.Line, run))).Where(r => r.PupilId is not null).ToList();
        foreach (var (row, pupilId) in found)
        {
            if (run.EarlierLineOf((pupilId, row.Start), row.Line) is { } earlier)
            {
                run.Error(row.Line, $"{row.Upn} has another exclusion starting {Dates.Long(row.Start)} on line {earlier}; give each once");
            }
        }
        var pupilIds = found.Select(r => r.PupilId!.Value).Distinct().ToList();
        var stored = await Db.Exclusions.Where(e => pupilIds.Contains(e.PupilId)).ToListAsync(cancellationToken);
        return async ct =>
        {
            int created = 0, updated = 0, unchanged = 0;
            foreach (var (row, pupilId) in found)
            {
                var exclusion = stored.FirstOrDefault(s => s.PupilId == pupilId && s.Start == row.Start);
                if (exclusion is null)
                {
                    Db.Exclusions.Add(new Exclusion { PupilId = pupilId!.Value, Start = row.Start, Days = row.Days, Kind = row.Kind });
                    created++;
                }
                else if ((exclusion.Days, exclusion.Kind) == (row.Days, row.Kind))
                {
                    unchanged++;
                }
                else
                {
                    (exclusion.Days, exclusion.Kind) = (row.Days, row.Kind);
                    updated++;
                }
            }
            PupilAudit.AddChange(Db, run.By, clock.UtcNow, PupilAudit.ExclusionsImported,
                $"{found.Count} exclusion(s) for {pupilIds.Count} pupil(s) at school {run.School.Urn}: {created} added, {updated} updated, {unchanged} unchanged");
            await Db.SaveChangesAsync(ct);
            return new ImportResult(created, updated, []) { Unchanged = unchanged };
        };
    }

    public sealed record Row(int Line, string Upn, DateOnly Start, decimal Days, ExclusionKind Kind)
    {
        public static Row? Parse(TabularRow row, List<RowError> errors, DateOnly today)
        {
            var before = errors.Count;
            var upn = SchoolPupils.Upn(row, errors);
            var start = ImportCells.Date(row, ExclusionImportColumns.Start, errors);
            if (start is { } begun && begun > today)
            {
                errors.Add(new(row.Line, $"start {Dates.Long(begun)} is in the future; import an exclusion once it has begun"));
            }
            var daysText = row[ExclusionImportColumns.Days].Trim();
            if (!ImportValues.TryParseDecimal(daysText, out var days) || days <= 0 || days > 200 || days * 2 != decimal.Truncate(days * 2))
            {
                errors.Add(new(row.Line, $"days \"{daysText}\" is not a number of school days, such as 1, 2.5 or 5"));
            }
            var kindText = row[ExclusionImportColumns.Kind].Trim().ToLowerInvariant();
            ExclusionKind? kind = kindText switch
            {
                "suspension" or "fixed-period" => ExclusionKind.Suspension,
                "permanent" => ExclusionKind.Permanent,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add(new(row.Line, $"kind \"{row[ExclusionImportColumns.Kind]}\" is not suspension or permanent"));
            }
            return errors.Count > before ? null : new Row(row.Line, upn, start!.Value, days, kind!.Value);
        }
    }
}

public static class ExclusionImportColumns
{
    public const string Start = "start";
    public const string Days = "days";
    public const string Kind = "kind";

    public static readonly IReadOnlyList<string> All = [SchoolPupils.UpnColumn, Start, Days, Kind];
}
