using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations.Rota;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Observations;

public static class DutyImportColumns
{
    public const string Week = "week";
    public const string Day = "day";
    public const string Period = "period";
    public const string StaffRef = "staff_ref";
    public const string Duty = "duty";

    public static readonly IReadOnlyList<string> Required = [Day, Period, StaffRef, Duty];

    public static readonly IReadOnlyList<string> Optional = [Week];

    public static readonly IReadOnlyList<string> All = [Week, Day, Period, StaffRef, Duty];
}

/// <summary>
/// Imports a school's duties and other regular unavailability (reception, student services, exam invigilation) from
/// CSV or XLSX, replacing those stored, all or nothing. Columns <c>week,day,period,staff_ref,duty</c>, read as in the
/// timetable; one person cannot have two duties in the same period of a week.
/// </summary>
public class DutyImporter(LynchpinDbContext db)
{
    public async Task<ImportResult> ImportAsync(int schoolUrn, Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        var school = await ListImport.SchoolAsync(db, schoolUrn, cancellationToken);
        if (school is null)
        {
            return ListImport.NoSchool(schoolUrn);
        }
        var errors = new List<RowError>();
        var rows = new List<Row>();
        if (ListImport.Read(file, fileName, DutyImportColumns.Required, DutyImportColumns.Optional, Row.Parse, "duties",
                rows, errors, cancellationToken) is { } unreadable)
        {
            return unreadable;
        }

        var staff = await ListImport.StaffIdsAsync(db, school.Id, cancellationToken);
        foreach (var row in rows.Where(r => r.StaffRef.Length > 0 && !staff.ContainsKey(r.StaffRef)))
        {
            errors.Add(new RowError(row.Line, ListImport.NotStaff(DutyImportColumns.StaffRef, row.StaffRef, school)));
        }
        FindClashes(rows, errors);
        if (errors.Count > 0)
        {
            return ListImport.Failed(errors);
        }

        await using var transaction = await ListImport.BeginAsync(db, cancellationToken);
        var replaced = await db.StaffDuties.Where(d => d.SchoolId == school.Id).ExecuteDeleteAsync(cancellationToken);
        db.StaffDuties.AddRange(rows.Select(r => new StaffDuty
        {
            SchoolId = school.Id,
            Week = r.Week,
            Day = r.Day!.Value,
            Period = r.Period,
            StaffMemberId = staff[r.StaffRef],
            Name = r.Name,
        }));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new ListImportResult(rows.Count, replaced);
    }

    private static void FindClashes(List<Row> rows, List<RowError> errors)
    {
        var groups = rows.Where(r => r.StaffRef.Length > 0 && r.Day is not null && r.Period.Length > 0)
            .GroupBy(r => (r.StaffRef, r.Day!.Value, r.Period))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            foreach (var row in group)
            {
                var other = group.FirstOrDefault(o => o != row && ListImport.Overlap(o.Week, row.Week));
                if (other is not null)
                {
                    errors.Add(new RowError(row.Line,
                        $"{row.StaffRef} has two duties at once: line {row.Line} ({row.Name}) and line {other.Line} ({other.Name}) are both " +
                        $"{TimetableValues.DayText(row.Day!.Value)} period {row.Period}{ListImport.CommonWeekText(row.Week, other.Week)}; keep one"));
                }
            }
        }
    }

    private sealed class Row
    {
        public int Line { get; private init; }
        public TimetableWeek Week { get; private init; }
        public DayOfWeek? Day { get; private init; }
        public string Period { get; private init; } = "";
        public string StaffRef { get; private init; } = "";
        public string Name { get; private init; } = "";

        public static Row Parse(TabularRow row, List<RowError> errors)
        {
            // In column order, so a line's problems read left to right.
            var week = TimetableImporter.ParseWeek(row, DutyImportColumns.Week, errors);
            var day = TimetableImporter.ParseDay(row, DutyImportColumns.Day, errors);
            var period = TimetableImporter.ParsePeriod(row, DutyImportColumns.Period, errors);
            var staffRef = row[DutyImportColumns.StaffRef];
            if (staffRef.Length == 0)
            {
                errors.Add(new RowError(row.Line, $"{DutyImportColumns.StaffRef} is empty; every row needs the staff reference of the person on duty"));
            }
            var name = ListImport.Text(row, DutyImportColumns.Duty, StaffDuty.NameMaxLength, errors);
            if (name.Length == 0)
            {
                errors.Add(new RowError(row.Line, $"{DutyImportColumns.Duty} is empty; say what the duty is, such as Reception or Exam invigilation"));
            }
            return new Row { Line = row.Line, Week = week, Day = day, Period = period, StaffRef = staffRef, Name = name };
        }
    }
}
