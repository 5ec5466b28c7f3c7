using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations.Rota;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Core.Observations;

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
        if (ListImport.Read(file, fileName, TimetableImportColumns.Required, TimetableImportColumns.Optional, Row.Parse, "lessons",
                rows, errors, cancellationToken) is { } unreadable)
        {
            return unreadable;
        }

        var staff = await ListImport.StaffIdsAsync(db, school.Id, cancellationToken);
        foreach (var row in rows.Where(r => r.StaffRef.Length > 0 && !staff.ContainsKey(r.StaffRef)))
        {
            errors.Add(new RowError(row.Line, ListImport.NotStaff(TimetableImportColumns.StaffRef, row.StaffRef, school)));
        }
        FindClashes(rows, errors);
        if (errors.Count > 0)
        {
            return ListImport.Failed(errors);
        }

        await using var transaction = await ListImport.BeginAsync(db, cancellationToken);
        var replaced = await db.TimetableRows.Where(r => r.SchoolId == school.Id).ExecuteDeleteAsync(cancellationToken);
        db.TimetableRows.AddRange(rows.Select(r => new TimetableRow
        {
            SchoolId = school.Id,
            Week = r.Week,
            Day = r.Day!.Value,
            Period = r.Period,
            Start = r.Start!.Value,
            End = r.End!.Value,
            StaffMemberId = staff[r.StaffRef],
            Class = r.Class,
            Subject = r.Subject,
            YearGroup = r.YearGroup,
            Room = r.Room,
        }));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new ListImportResult(rows.Count, replaced);
    }

    /// <summary>Two rows for one person in the same day and period, in a week both take place in: each names the other.</summary>
    private static void FindClashes(List<Row> rows, List<RowError> errors)
    {
        var groups = rows.Where(r => r.StaffRef.Length > 0 && r.Day is not null && r.Period.Length > 0)
            .GroupBy(r => (r.StaffRef, r.Day!.Value, r.Period))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            foreach (var row in group)
            {
                var others = group.Where(o => o != row && ListImport.Overlap(o.Week, row.Week)).ToList();
                if (others.Count == 0)
                {
                    continue;
                }
                var clashes = string.Join(", and ", others.Select(o => $"line {o.Line} ({o.Class}){ListImport.CommonWeekText(row.Week, o.Week)}"));
                errors.Add(new RowError(row.Line,
                    $"{row.StaffRef} is in two places at once on {TimetableValues.DayText(row.Day!.Value)} period {row.Period}: " +
                    $"line {row.Line} ({row.Class}) and {clashes}; " +
                    "a person can be in one place at a time"));
            }
        }
    }

    private sealed class Row
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
            var week = ParseWeek(row, TimetableImportColumns.Week, errors);
            var day = ParseDay(row, TimetableImportColumns.Day, errors);
            var period = ParsePeriod(row, TimetableImportColumns.Period, errors);

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
            var @class = ListImport.Text(row, TimetableImportColumns.Class, TimetableRow.ClassMaxLength, errors);
            if (@class.Length == 0)
            {
                Error($"{TimetableImportColumns.Class} is empty; write the class or teaching group, such as 9A or 10X/Ma1");
            }
            var subject = ListImport.Text(row, TimetableImportColumns.Subject, TimetableRow.SubjectMaxLength, errors);
            var room = ListImport.Text(row, TimetableImportColumns.Room, TimetableRow.RoomMaxLength, errors);
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

    internal static TimetableWeek ParseWeek(TabularRow row, string column, List<RowError> errors)
    {
        var text = row[column];
        if (TimetableValues.TryParseWeek(text, out var week))
        {
            return week;
        }
        errors.Add(new RowError(row.Line, $"{column} \"{text}\" is not A or B; leave it empty for a timetable that is the same every week"));
        return TimetableWeek.Every;
    }

    internal static DayOfWeek? ParseDay(TabularRow row, string column, List<RowError> errors)
    {
        var text = row[column];
        if (TimetableValues.TryParseDay(text, out var day, out var schoolDay) && schoolDay)
        {
            return day;
        }
        errors.Add(new RowError(row.Line,
            text.Length == 0 ? $"{column} is empty; write Mon, Tue, Wed, Thu or Fri"
            : TimetableValues.TryParseDay(text, out _, out _) ? $"{column} \"{text}\" is not a school day; the timetable runs Monday to Friday"
            : $"{column} \"{text}\" is not a day; write Mon, Tue, Wed, Thu or Fri (or the full name)"));
        return null;
    }

    internal static string ParsePeriod(TabularRow row, string column, List<RowError> errors)
    {
        var period = ListImport.Text(row, column, TimetableRow.PeriodMaxLength, errors);
        if (period.Length == 0)
        {
            errors.Add(new RowError(row.Line, $"{column} is empty; write the period's label as on the timetable, such as 1 or P1"));
        }
        return period;
    }
}
