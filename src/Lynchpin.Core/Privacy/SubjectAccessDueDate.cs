namespace Lynchpin.Core.Privacy;

/// <summary>
/// When a subject access request must be answered, as the ICO counts it: one calendar month from the day it was received
/// (the same date next month, or the last day of next month when it is shorter: 31 January → 28 or 29 February),
/// moved to the next working day when that falls on a weekend or a bank holiday.
/// </summary>
public static class SubjectAccessDueDate
{
    public static DateOnly For(DateOnly received)
    {
        // AddMonths keeps the day, or takes the month's last day when it has no such day.
        var due = received.AddMonths(1);
        while (!IsWorkingDay(due))
        {
            due = due.AddDays(1);
        }
        return due;
    }

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !EnglishBankHolidays.Dates.Contains(date);
}

/// <summary>
/// Bank holidays in England and Wales, 2025 to 2028, as published on gov.uk/bank-holidays (substitute days included).
/// Add the next years as they are announced; a date past the list is judged on weekends alone.
/// </summary>
public static class EnglishBankHolidays
{
    public static IReadOnlySet<DateOnly> Dates { get; } = new HashSet<DateOnly>(
        new[]
        {
            "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
            "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
            "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
        }.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
}
