using System.Globalization;
using System.Text.RegularExpressions;
using Lynchpin.Core.Observations.Rota;

namespace Lynchpin.Core.Observations;

/// <summary>
/// Reads the values of timetable, duty and observer files — weeks, days, times, year groups — so every file and page
/// accepts the same spellings and stores one form (a year group "Year 9" is stored as "9", so it matches a focus of "9").
/// </summary>
public static partial class TimetableValues
{
    /// <summary>A, B (also "Week A"), or empty for a timetable that is the same every week.</summary>
    public static bool TryParseWeek(string text, out TimetableWeek week)
    {
        week = TimetableWeek.Every;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }
        var match = WeekPattern().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }
        week = char.ToUpperInvariant(match.Groups[1].Value[0]) == 'A' ? TimetableWeek.A : TimetableWeek.B;
        return true;
    }

    public static string WeekText(TimetableWeek week) => week == TimetableWeek.Every ? "" : week.ToString();

    /// <summary>
    /// Monday to Friday as the full name or an abbreviation of three letters or more (Mon, TUE, Tues, Thurs), in any case.
    /// Saturday and Sunday read as days but are not school days: <paramref name="schoolDay"/> is false.
    /// </summary>
    public static bool TryParseDay(string text, out DayOfWeek day, out bool schoolDay)
    {
        var lower = text.Trim().ToLowerInvariant();
        if (lower == "weds")
        {
            lower = "wed";
        }
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString().ToLowerInvariant();
            if (lower.Length >= 3 && name.StartsWith(lower, StringComparison.Ordinal))
            {
                day = candidate;
                schoolDay = candidate is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                return true;
            }
        }
        day = default;
        schoolDay = false;
        return false;
    }

    public static string DayText(DayOfWeek day) => day.ToString()[..3];

    /// <summary>
    /// A time of day as HH:MM (also H:MM, or HH:MM:SS as Excel writes a time cell); seconds must be zero.
    /// </summary>
    public static bool TryParseTime(string text, out TimeOnly time)
    {
        var trimmed = text.Trim();
        // A time-only Excel cell reads as a time on Excel's day zero.
        if (trimmed.StartsWith("1899-12-30 ", StringComparison.Ordinal) || trimmed.StartsWith("1899-12-31 ", StringComparison.Ordinal))
        {
            trimmed = trimmed[11..];
        }
        if (TimeOnly.TryParseExact(trimmed, ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return time.Second == 0;
        }
        return false;
    }

    /// <summary>"Mon 2 Nov 2026", as the rota's messages write dates.</summary>
    public static string DateText(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string TimeText(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// One year group: N (nursery), R (reception), or 1 to 13, written bare or as Y9, Yr 9 or Year 9; stored as "N", "R"
    /// or the number. With <paramref name="allowMixed"/>, also a mixed-year class such as "5/6" or "Y5/Y6" (stored "5/6"),
    /// which is never any one year's focus. Empty text is no year group.
    /// </summary>
    public static bool TryParseYearGroup(string text, bool allowMixed, out string yearGroup)
    {
        yearGroup = "";
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }
        var parts = trimmed.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length > 1 && !allowMixed)
        {
            return false;
        }
        var years = new List<string>();
        foreach (var part in parts)
        {
            if (!TryParseOneYear(part, out var year) || years.Contains(year))
            {
                return false;
            }
            years.Add(year);
        }
        yearGroup = string.Join('/', years);
        return true;
    }

    /// <summary>What to write for a year group, for messages.</summary>
    public const string YearGroupSpellings = "R (reception), N (nursery) or 1 to 13 (also Y9 or Year 9)";

    private static bool TryParseOneYear(string text, out string year)
    {
        year = "";
        var lower = text.ToLowerInvariant();
        if (lower is "r" or "rec" or "reception")
        {
            year = "R";
            return true;
        }
        if (lower is "n" or "nur" or "nursery")
        {
            year = "N";
            return true;
        }
        var match = YearPattern().Match(lower);
        if (!match.Success)
        {
            return false;
        }
        var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (number is < 1 or > 13)
        {
            return false;
        }
        year = number.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"^(?:(?:week|wk)\s*)?([ab])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"^(?:y|yr|year)?\s*(\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
