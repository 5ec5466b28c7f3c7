using Lynchpin.Core.Audit;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Progression;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Pay;

/// <summary>
/// Imports people's pay for school years (<c>staff_ref,year,scale,point,fte_salary,hours_per_week,weeks_per_year</c>), all
/// or nothing: a row per person and year, adding or replacing that year's record. The rules are the pay form's
/// (<see cref="PayRecords.Validate"/>); the import is audited as one pay change by whoever ran it.
/// </summary>
public class PayImporter(LynchpinDbContext db, SchoolClock clock, AuditLog audit)
    : SchoolImporter<PayImporter.Row>(db, new(PayImportColumns.Required, PayImportColumns.Optional, "pay records", PayImportColumns.StaffRef))
{
    protected override Row Parse(TabularRow row, ImportRun run) => Row.Parse(row, run);

    protected override async Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows.Where(r => r.Input.Year is not null))
        {
            if (run.EarlierLineOf((row.StaffRef, row.Input.Year), row.Line) is int earlier)
            {
                run.Error(row.Line, $"{row.StaffRef} has two rows for {SchoolYear.Name(row.Input.Year!.Value)}: lines {earlier} and {row.Line}; keep one");
            }
        }
        var ids = rows.Where(r => run.Staff.Contains(r.StaffRef)).Select(r => run.Staff.IdOf(r.StaffRef)).Distinct().ToList();
        var stored = await Db.PayRecords.AsNoTracking().Where(p => ids.Contains(p.StaffMemberId)).Select(p => new { p.StaffMemberId, p.Year }).ToListAsync(cancellationToken);
        var existing = stored.Select(p => (p.StaffMemberId, p.Year)).ToHashSet();
        return ct => WriteAsync(run, rows, existing, ct);
    }

    private async Task<ImportResult> WriteAsync(ImportRun run, IReadOnlyList<Row> rows, HashSet<(int, int)> existing, CancellationToken ct)
    {
        var by = run.By ?? new Recorder(null, "Import");
        var ids = rows.Select(r => run.Staff.IdOf(r.StaffRef)).Distinct().ToList();
        var records = await Db.PayRecords.Where(p => ids.Contains(p.StaffMemberId)).ToDictionaryAsync(p => (p.StaffMemberId, p.Year), ct);
        var (created, updated) = (0, 0);
        foreach (var row in rows)
        {
            var key = (run.Staff.IdOf(row.StaffRef), row.Input.Year!.Value);
            if (!records.TryGetValue(key, out var record))
            {
                record = new PayRecord { StaffMemberId = key.Item1, Year = key.Item2, Scale = "", RecordedByName = by.Name };
                Db.PayRecords.Add(record);
                records[key] = record;
            }
            PayRecords.Apply(record, row.Input, by, clock.UtcNow);
            if (existing.Contains(key))
            {
                updated++;
            }
            else
            {
                created++;
            }
        }
        audit.Add(AuditActions.PayImported, AuditSubject.School(run.School),
            $"Pay imported for {run.School.Name} (URN {run.School.Urn}): {rows.Count} row(s) for {ids.Count} people", audit.As(by));
        await Db.SaveChangesAsync(ct);
        return new ImportResult(created, updated, []);
    }

    public sealed record Row(int Line, string StaffRef, PayInput Input)
    {
        public static Row Parse(TabularRow row, ImportRun run)
        {
            var staffRef = row[PayImportColumns.StaffRef];
            if (staffRef.Length == 0)
            {
                run.Error(row.Line, $"{PayImportColumns.StaffRef} is empty; every row needs the person's staff reference");
            }
            var yearText = row[PayImportColumns.Year];
            int? year = AssessmentImporter.TryParseYear(yearText, out var parsedYear) ? parsedYear : null;
            var bad = new HashSet<string>();
            if (year is null)
            {
                bad.Add("Year");
                run.Error(row.Line, $"{PayImportColumns.Year} \"{yearText}\" is not a school year; write it as 2025 or 2025/26");
            }
            var point = Number(row, PayImportColumns.Point, run, bad, "Point", whole: true);
            var salary = Number(row, PayImportColumns.FteSalary, run, bad, "FteSalary", whole: false);
            var hours = Number(row, PayImportColumns.HoursPerWeek, run, bad, "HoursPerWeek", whole: false);
            var weeks = Number(row, PayImportColumns.WeeksPerYear, run, bad, "WeeksPerYear", whole: false);
            var input = new PayInput(year, row[PayImportColumns.Scale], point is null ? null : (int)point.Value, salary, hours, weeks);
            // The form's rules, for what was readable; each message names its column.
            foreach (var error in PayRecords.Validate(input).Where(e => !bad.Contains(e.Field)))
            {
                run.Error(row.Line, $"{PayImportColumns.ForField(error.Field)}: {error.Message}");
            }
            return new Row(row.Line, staffRef, input);
        }

        private static decimal? Number(TabularRow row, string column, ImportRun run, HashSet<string> bad, string field, bool whole)
        {
            var text = row[column];
            if (text.Length == 0)
            {
                return null;
            }
            if (whole && ImportValues.TryParseWholeNumber(text, out var wholeNumber))
            {
                return wholeNumber;
            }
            if (!whole && ImportValues.TryParseDecimal(text, out var number))
            {
                return number;
            }
            bad.Add(field);
            run.Error(row.Line, $"{column} \"{text}\" is not {(whole ? "a whole number" : "a number")}; write it like {(whole ? "32" : "24500.00")}, without £ or commas");
            return null;
        }
    }
}

public static class PayImportColumns
{
    public const string StaffRef = "staff_ref";
    public const string Year = "year";
    public const string Scale = "scale";
    public const string Point = "point";
    public const string FteSalary = "fte_salary";
    public const string HoursPerWeek = "hours_per_week";
    public const string WeeksPerYear = "weeks_per_year";

    public static readonly IReadOnlyList<string> Required = [StaffRef, Year, Scale, FteSalary];

    public static readonly IReadOnlyList<string> Optional = [Point, HoursPerWeek, WeeksPerYear];

    public static readonly IReadOnlyList<string> All = [StaffRef, Year, Scale, Point, FteSalary, HoursPerWeek, WeeksPerYear];

    /// <summary>The column of a <see cref="PayInput"/> field, for the form's messages.</summary>
    public static string ForField(string field) => field switch
    {
        "Year" => Year,
        "Scale" => Scale,
        "Point" => Point,
        "FteSalary" => FteSalary,
        "HoursPerWeek" => HoursPerWeek,
        _ => WeeksPerYear,
    };
}
