using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

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

    /// <summary>Whether rows of these weeks both take place in some week (an every-week row meets both A and B).</summary>
    public static bool Overlap(TimetableWeek a, TimetableWeek b) => a == TimetableWeek.Every || b == TimetableWeek.Every || a == b;

    /// <summary>" in week A" when two overlapping rows meet only in one week; empty when both are every week.</summary>
    public static string CommonWeekText(TimetableWeek a, TimetableWeek b) =>
        a == TimetableWeek.Every && b == TimetableWeek.Every ? "" : $" in week {(a == TimetableWeek.Every ? b : a)}";
}
