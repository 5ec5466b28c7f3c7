using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Careers;

/// <summary>
/// Imports people's qualifications (<c>staff_ref,qualification,status,date</c>), all or nothing. <c>status</c> is
/// <c>held</c> (date gained, optional), <c>in-progress</c> (date expected) or <c>required</c> (the deadline);
/// <c>qualification</c> is a catalogue name or short code in any case, and a name the catalogue does not know becomes the
/// school's own entry. A person's rows for one qualification fill one record, as the form does: held and required, say.
/// </summary>
public class QualificationImporter(LynchpinDbContext db, CareerProfiles profiles, SchoolClock clock)
    : SchoolImporter<QualificationImporter.Row>(db, new(QualificationImportColumns.All, [], "qualifications", QualificationImportColumns.StaffRef))
{
    public const string Held = "held";
    public const string InProgress = "in-progress";
    public const string Required = "required";

    protected override Row? Parse(TabularRow row, ImportRun run) => Row.Parse(row, run, clock.Today);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var catalogue = await profiles.CatalogueAsync(run.School, cancellationToken);
        foreach (var row in rows)
        {
            // The same qualification by code or by name is the same one; an unknown name by its words.
            var key = catalogue.Find(row.Qualification)?.Code ?? row.Qualification.Trim().ToUpperInvariant();
            if (run.EarlierLineOf((row.StaffRef, key, row.Status), row.Line) is int earlier)
            {
                run.Error(row.Line, $"{row.StaffRef} has {row.Qualification} as {row.Status} twice: lines {earlier} and {row.Line}; keep one");
            }
        }
        return ct => WriteAsync(run, rows, catalogue, ct);
    }

    private async Task<ImportResult> WriteAsync(ImportRun run, IReadOnlyList<Row> rows, QualificationCatalogue catalogue, CancellationToken ct)
    {
        var by = run.By?.Name ?? "Import";
        var ids = rows.Select(r => run.Staff.IdOf(r.StaffRef)).Distinct().ToList();
        var stored = await Db.PersonQualifications.Where(q => ids.Contains(q.StaffMemberId)).ToDictionaryAsync(q => (q.StaffMemberId, q.QualificationCode), ct);
        var before = stored.ToDictionary(p => p.Key, p => Snapshot(p.Value));
        var touched = new HashSet<(int, string)>();
        foreach (var row in rows)
        {
            var code = catalogue.Find(row.Qualification)?.Code;
            if (code is null)
            {
                // A new own entry; later rows naming it find it in the catalogue made again with it.
                var own = new OwnQualification { SchoolId = run.School.Id, Code = catalogue.NewOwnCode(row.Qualification), Name = row.Qualification.Trim(), Kind = QualificationKind.Qualification };
                Db.OwnQualifications.Add(own);
                catalogue = new QualificationCatalogue(catalogue.All.Append(Qualification.FromOwn(own)));
                code = own.Code;
            }
            var key = (run.Staff.IdOf(row.StaffRef), code);
            touched.Add(key);
            if (!stored.TryGetValue(key, out var record))
            {
                record = new PersonQualification { StaffMemberId = key.Item1, QualificationCode = code, UpdatedByName = by };
                Db.PersonQualifications.Add(record);
                stored[key] = record;
            }
            switch (row.Status)
            {
                case Held:
                    (record.Held, record.GainedOn, record.InProgress, record.ExpectedOn) = (true, row.Date, false, null);
                    break;
                case InProgress when !record.Held:
                    (record.InProgress, record.ExpectedOn) = (true, row.Date);
                    break;
                case Required:
                    record.RequiredBy = row.Date;
                    break;
            }
        }
        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var key in touched)
        {
            var record = stored[key];
            if (!before.TryGetValue(key, out var was))
            {
                created++;
            }
            else if (was == Snapshot(record))
            {
                unchanged++;
                continue;
            }
            else
            {
                updated++;
            }
            record.UpdatedAt = clock.UtcNow;
            record.UpdatedByName = by;
        }
        await Db.SaveChangesAsync(ct);
        return new ImportResult(created, updated, []) { Unchanged = unchanged };
    }

    private static (bool, DateOnly?, bool, DateOnly?, DateOnly?) Snapshot(PersonQualification q) => (q.Held, q.GainedOn, q.InProgress, q.ExpectedOn, q.RequiredBy);

    public sealed record Row(int Line, string StaffRef, string Qualification, string Status, DateOnly? Date)
    {
        public static Row? Parse(TabularRow row, ImportRun run, DateOnly today)
        {
            var staffRef = row[QualificationImportColumns.StaffRef];
            if (staffRef.Length == 0)
            {
                run.Error(row.Line, $"{QualificationImportColumns.StaffRef} is empty; every row needs the person's staff reference");
            }
            var name = ImportValues.Text(row, QualificationImportColumns.Qualification, OwnQualification.NameMaxLength, run.Errors);
            if (name.Length == 0)
            {
                run.Error(row.Line, $"{QualificationImportColumns.Qualification} is empty; write its name or short code, such as QTS, HLTA status or DSBM");
            }
            var status = row[QualificationImportColumns.Status].ToLowerInvariant();
            if (status is not (Held or InProgress or Required))
            {
                run.Error(row.Line, $"{QualificationImportColumns.Status} \"{row[QualificationImportColumns.Status]}\" is not one of {Held}, {InProgress} or {Required}");
            }
            var dateText = row[QualificationImportColumns.Date];
            DateOnly? date = null;
            if (dateText.Length > 0)
            {
                if (ImportValues.TryParseIsoDate(dateText, out var parsed))
                {
                    date = parsed;
                }
                else
                {
                    run.Error(row.Line, $"{QualificationImportColumns.Date} \"{dateText}\" is not a date; write it like 2025-07-18");
                }
            }
            else if (status is InProgress or Required)
            {
                run.Error(row.Line, $"{QualificationImportColumns.Date} is empty; a qualification {(status == Required ? "required needs its deadline" : "in progress needs the date it is expected")}");
            }
            if (status == Held && date > today)
            {
                run.Error(row.Line, $"{QualificationImportColumns.Date} {dateText} is in the future; a qualification held was gained on or before today");
            }
            return new Row(row.Line, staffRef, name, status, date);
        }
    }
}

public static class QualificationImportColumns
{
    public const string StaffRef = "staff_ref";
    public const string Qualification = "qualification";
    public const string Status = "status";
    public const string Date = "date";

    public static readonly IReadOnlyList<string> All = [StaffRef, Qualification, Status, Date];
}
