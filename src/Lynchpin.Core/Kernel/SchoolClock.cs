using System.Globalization;

namespace Lynchpin.Core.Kernel;

/// <summary>
/// The one way to tell the time: stored times are UTC, and "today" is the date in the schools' own time zone, UK time
/// (an hour ahead of UTC in British Summer Time), whatever zone the server runs in. Tests replace the TimeProvider.
/// </summary>
public sealed class SchoolClock(TimeProvider time)
{
    private static readonly TimeZoneInfo Zone = FindZone();
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Now, in UTC, as stored.</summary>
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>Now in the schools' time zone, for comparing with lesson times.</summary>
    public DateTime LocalNow => FromUtc(UtcNow);

    /// <summary>Today's date in the schools' time zone.</summary>
    public DateOnly Today => DateOf(UtcNow);

    /// <summary>A stored UTC time in the schools' time zone.</summary>
    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The schools' date of a stored UTC time.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>When a date in the schools' time zone begins, in UTC: the bound of a range of days asked of stored times.</summary>
    public static DateTime UtcStartOf(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>A wall-clock time in the schools' time zone, in UTC (an hour the clocks skip counts as the next).</summary>
    public static DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(Zone.IsInvalidTime(unspecified) ? unspecified.AddHours(1) : unspecified, Zone);
    }

    /// <summary>A stored UTC time as people read it, in the schools' time zone and British English.</summary>
    public static string Format(DateTime utc, string format) => FromUtc(utc).ToString(format, British);

    private static TimeZoneInfo FindZone()
    {
        // A machine without time-zone data (a slim container) still shows times, in UTC.
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
