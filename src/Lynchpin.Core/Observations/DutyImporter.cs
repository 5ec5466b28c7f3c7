using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

/// <summary>
/// Imports a school's duties and other regular unavailability (reception, student services, exam invigilation) from
/// CSV or XLSX, replacing those stored, all or nothing. Columns <c>week,day,period,staff_ref,duty</c>, read as in the
/// timetable; one person cannot have two duties in the same period of a week.
/// </summary>
public class DutyImporter(LynchpinDbContext db)
    : SchoolImporter<DutyImporter.Row>(db, new(DutyImportColumns.Required, DutyImportColumns.Optional, "duties", DutyImportColumns.StaffRef))
{
    protected override Row Parse(TabularRow row, ImportRun run) => Row.Parse(row, run.Errors);

    protected override Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        FindClashes(rows, run.Errors);
        return Task.FromResult<ImportWrite>(ct => ReplaceAsync(Db.StaffDuties, d => d.SchoolId == run.School.Id, rows.Select(r => new StaffDuty
        {
            SchoolId = run.School.Id,
            Week = r.Week,
            Day = r.Day!.Value,
            Period = r.Period,
            StaffMemberId = run.Staff.IdOf(r.StaffRef),
            Name = r.Name,
        }).ToList(), ct));
    }

    private static void FindClashes(IReadOnlyList<Row> rows, List<RowError> errors)
    {
        foreach (var (row, others) in TimetableCells.Clashes(rows))
        {
            var other = others[0];
            errors.Add(new RowError(row.Line,
                $"{row.StaffRef} has two duties at once: line {row.Line} ({row.Name}) and line {other.Line} ({other.Name}) are both " +
                $"{TimetableValues.DayText(row.Day!.Value)} period {row.Period}{TimetableCells.CommonWeekText(row.Week, other.Week)}; keep one"));
        }
    }

    public sealed class Row : ITimetableSlot
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
            var week = TimetableCells.Week(row, DutyImportColumns.Week, errors);
            var day = TimetableCells.Day(row, DutyImportColumns.Day, errors);
            var period = TimetableCells.Period(row, DutyImportColumns.Period, errors);
            var staffRef = row[DutyImportColumns.StaffRef];
            if (staffRef.Length == 0)
            {
                errors.Add(new RowError(row.Line, $"{DutyImportColumns.StaffRef} is empty; every row needs the staff reference of the person on duty"));
            }
            var name = ImportValues.Text(row, DutyImportColumns.Duty, StaffDuty.NameMaxLength, errors);
            if (name.Length == 0)
            {
                errors.Add(new RowError(row.Line, $"{DutyImportColumns.Duty} is empty; say what the duty is, such as Reception or Exam invigilation"));
            }
            return new Row { Line = row.Line, Week = week, Day = day, Period = period, StaffRef = staffRef, Name = name };
        }
    }
}

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
