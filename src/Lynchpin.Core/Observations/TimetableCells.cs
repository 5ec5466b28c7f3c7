using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

/// <summary>A timetable or duty row: someone in one period of a day, every week or in week A or B.</summary>
internal interface ITimetableSlot
{
    int Line { get; }
    string StaffRef { get; }
    DayOfWeek? Day { get; }
    string Period { get; }
    TimetableWeek Week { get; }
}

/// <summary>
/// The cells the timetable and duty files share (week, day, period), read with the same messages, and how two of their
/// rows meet in a week.
/// </summary>
internal static class TimetableCells
{
    public static TimetableWeek Week(TabularRow row, string column, List<RowError> errors)
    {
        var text = row[column];
        if (TimetableValues.TryParseWeek(text, out var week))
        {
            return week;
        }
        errors.Add(new RowError(row.Line, $"{column} \"{text}\" is not A or B; leave it empty for a timetable that is the same every week"));
        return TimetableWeek.Every;
    }

    public static DayOfWeek? Day(TabularRow row, string column, List<RowError> errors)
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

    public static string Period(TabularRow row, string column, List<RowError> errors)
    {
        var period = ImportValues.Text(row, column, TimetableRow.PeriodMaxLength, errors);
        if (period.Length == 0)
        {
            errors.Add(new RowError(row.Line, $"{column} is empty; write the period's label as on the timetable, such as 1 or P1"));
        }
        return period;
    }

    /// <summary>
    /// Each row with the person's other rows on the same day and period, in a week both take place in (an every-week row
    /// meets both A and B), in file order; rows that meet none are left out.
    /// </summary>
    public static IEnumerable<(T Row, List<T> Others)> Clashes<T>(IEnumerable<T> rows) where T : ITimetableSlot
    {
        var groups = rows.Where(r => r.StaffRef.Length > 0 && r.Day is not null && r.Period.Length > 0)
            .GroupBy(r => (r.StaffRef, r.Day!.Value, r.Period))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            foreach (var row in group)
            {
                var others = group.Where(o => o.Line != row.Line && Overlap(o.Week, row.Week)).ToList();
                if (others.Count > 0)
                {
                    yield return (row, others);
                }
            }
        }
    }

    private static bool Overlap(TimetableWeek a, TimetableWeek b) => a == TimetableWeek.Every || b == TimetableWeek.Every || a == b;

    /// <summary>" in week A" when two overlapping rows meet only in one week; empty when both are every week.</summary>
    public static string CommonWeekText(TimetableWeek a, TimetableWeek b) =>
        a == TimetableWeek.Every && b == TimetableWeek.Every ? "" : $" in week {(a == TimetableWeek.Every ? b : a)}";
}
