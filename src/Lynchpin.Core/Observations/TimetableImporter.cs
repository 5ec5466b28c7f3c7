using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

/// <summary>
/// Imports a school's timetable from CSV or XLSX, replacing the one stored, all or nothing: every row is checked first,
/// and if any is wrong nothing changes and every problem is listed with its line.
/// </summary>
/// <remarks>
/// Columns <c>week,day,period,start,end,staff_ref,class,subject,year_group,room</c>: week A or B, or empty (or no week
/// column) for a timetable that is the same every week; day Monday to Friday (Mon, MON, Monday…); period the school's
/// label; start and end HH:MM with end after start; staff_ref a member of the school's staff — support staff rows (a
/// TA in a class) are welcome. Nobody can be in two places at once: two rows for one person on the same day and period
/// in a week they share (an every-week row shares both weeks) are both errors, each naming the other line.
/// Visits already on a rota keep their copy of the lesson when the timetable is replaced.
/// </remarks>
public class TimetableImporter(LynchpinDbContext db)
    : SchoolImporter<TimetableImporter.Row>(db, new(TimetableImportColumns.Required, TimetableImportColumns.Optional, "lessons", TimetableImportColumns.StaffRef))
{
    protected override Row Parse(TabularRow row, ImportRun run) => Row.Parse(row, run.Errors);

    protected override Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        FindClashes(rows, run.Errors);
        // Visits already on a rota keep their copy of the lesson, so replacing the timetable leaves them alone.
        return Task.FromResult<ImportWrite>(ct => ReplaceAsync(Db.TimetableRows, r => r.SchoolId == run.School.Id, rows.Select(r => new TimetableRow
        {
            SchoolId = run.School.Id,
            Week = r.Week,
            Day = r.Day!.Value,
            Period = r.Period,
            Start = r.Start!.Value,
            End = r.End!.Value,
            StaffMemberId = run.Staff.IdOf(r.StaffRef),
            Class = r.Class,
            Subject = r.Subject,
            YearGroup = r.YearGroup,
            Room = r.Room,
        }).ToList(), ct));
    }

    /// <summary>Two rows for one person in the same day and period, in a week both take place in: each names the other.</summary>
    private static void FindClashes(IReadOnlyList<Row> rows, List<RowError> errors)
    {
        foreach (var (row, others) in TimetableCells.Clashes(rows))
        {
            var clashes = string.Join(", and ", others.Select(o => $"line {o.Line} ({o.Class}){TimetableCells.CommonWeekText(row.Week, o.Week)}"));
            errors.Add(new RowError(row.Line,
                $"{row.StaffRef} is in two places at once on {TimetableValues.DayText(row.Day!.Value)} period {row.Period}: " +
                $"line {row.Line} ({row.Class}) and {clashes}; " +
                "a person can be in one place at a time"));
        }
    }

    public sealed class Row : ITimetableSlot
    {
        public int Line { get; private init; }
        public TimetableWeek Week { get; private init; }
        public DayOfWeek? Day { get; private init; }
        public string Period { get; private init; } = "";
        public TimeOnly? Start { get; private init; }
        public TimeOnly? End { get; private init; }
        public string StaffRef { get; private init; } = "";
        public string Class { get; private init; } = "";
        public string Subject { get; private init; } = "";
        public string YearGroup { get; private init; } = "";
        public string Room { get; private init; } = "";

        public static Row Parse(TabularRow row, List<RowError> errors)
        {
            var line = row.Line;
            void Error(string message) => errors.Add(new RowError(line, message));
            var week = TimetableCells.Week(row, TimetableImportColumns.Week, errors);
            var day = TimetableCells.Day(row, TimetableImportColumns.Day, errors);
            var period = TimetableCells.Period(row, TimetableImportColumns.Period, errors);

            TimeOnly? Time(string column)
            {
                var text = row[column];
                if (TimetableValues.TryParseTime(text, out var time))
                {
                    return time;
                }
                Error(text.Length == 0
                    ? $"{column} is empty; write the time as HH:MM, such as 09:00"
                    : $"{column} \"{text}\" is not a time written as HH:MM, such as 09:00 or 13:45");
                return null;
            }
            var start = Time(TimetableImportColumns.Start);
            var end = Time(TimetableImportColumns.End);
            if (start is { } s && end is { } e && e <= s)
            {
                Error($"{TimetableImportColumns.End} {TimetableValues.TimeText(e)} is not after {TimetableImportColumns.Start} {TimetableValues.TimeText(s)}");
            }

            var staffRef = row[TimetableImportColumns.StaffRef];
            if (staffRef.Length == 0)
            {
                Error($"{TimetableImportColumns.StaffRef} is empty; every row needs the staff reference of the person in the lesson");
            }
            var @class = ImportValues.Text(row, TimetableImportColumns.Class, TimetableRow.ClassMaxLength, errors);
            if (@class.Length == 0)
            {
                Error($"{TimetableImportColumns.Class} is empty; write the class or teaching group, such as 9A or 10X/Ma1");
            }
            var subject = ImportValues.Text(row, TimetableImportColumns.Subject, TimetableRow.SubjectMaxLength, errors);
            var room = ImportValues.Text(row, TimetableImportColumns.Room, TimetableRow.RoomMaxLength, errors);
            var yearText = row[TimetableImportColumns.YearGroup];
            if (!TimetableValues.TryParseYearGroup(yearText, allowMixed: true, out var yearGroup))
            {
                Error($"{TimetableImportColumns.YearGroup} \"{yearText}\" is not a year group; write {TimetableValues.YearGroupSpellings}, " +
                    "5/6 for a mixed-year class, or leave it empty");
            }
            return new Row
            {
                Line = line,
                Week = week,
                Day = day,
                Period = period,
                Start = start,
                End = end,
                StaffRef = staffRef,
                Class = @class,
                Subject = subject,
                YearGroup = yearGroup,
                Room = room,
            };
        }
    }
}

public static class TimetableImportColumns
{
    public const string Week = "week";
    public const string Day = "day";
    public const string Period = "period";
    public const string Start = "start";
    public const string End = "end";
    public const string StaffRef = "staff_ref";
    public const string Class = "class";
    public const string Subject = "subject";
    public const string YearGroup = "year_group";
    public const string Room = "room";

    /// <summary>Columns that must be in the heading row and have a value on every row.</summary>
    public static readonly IReadOnlyList<string> Required = [Day, Period, Start, End, StaffRef, Class];

    /// <summary>Columns that may be left out (week: a one-week timetable) or left empty on a row.</summary>
    public static readonly IReadOnlyList<string> Optional = [Week, Subject, YearGroup, Room];

    public static readonly IReadOnlyList<string> All = [Week, Day, Period, Start, End, StaffRef, Class, Subject, YearGroup, Room];
}
