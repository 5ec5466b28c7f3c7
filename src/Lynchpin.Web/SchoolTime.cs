namespace Lynchpin.Web;

/// <summary>
/// Times are stored in UTC; people read them in the schools' own time, which is UK time
/// (an hour ahead of UTC in British Summer Time).
/// </summary>
public static class SchoolTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Format(DateTime utc, string format) =>
        FromUtc(utc).ToString(format, System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

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
