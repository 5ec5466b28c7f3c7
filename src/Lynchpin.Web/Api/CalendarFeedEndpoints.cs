using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Lynchpin.Core.Observations;

namespace Lynchpin.Web.Api;

/// <summary>
/// A person's private calendar feed: <c>GET /calendar/{token}.ics</c>. Calendar apps fetch it without signing in, so the
/// unguessable token in the URL is the only key; an unknown or reset token is simply not found.
/// </summary>
public static class CalendarFeedEndpoints
{
    /// <summary>Schools in England keep English time; events carry it so a calendar abroad shows the right moment.</summary>
    public const string TimeZone = "Europe/London";

    /// <summary>A year back is enough for a calendar and keeps an old observer's feed small.</summary>
    private const int DaysBack = 365;

    public static void MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{file}", async (string file, CalendarFeeds feeds, SchoolClock clock, HttpContext http, CancellationToken ct) =>
            {
                if (!file.EndsWith(".ics", StringComparison.Ordinal))
                {
                    return Results.NotFound();
                }
                var today = clock.Today;
                var feed = await feeds.FindAsync(file[..^".ics".Length], today.AddDays(-DaysBack), ct);
                if (feed is null)
                {
                    return Results.NotFound();
                }
                return Results.Text(Write(feed, clock.UtcNow), "text/calendar; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    public static string Write(CalendarFeed feed, DateTime now)
    {
        var calendar = new Calendar { ProductId = "-//Lynchpin//Observation visits//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"Visits: {feed.Name}, {feed.SchoolName}");
        calendar.AddTimeZone(TimeZone);
        foreach (var visit in feed.Visits)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = visit.Uid,
                Summary = visit.Summary,
                Description = visit.Description,
                Location = visit.Room.Length > 0 ? visit.Room : null,
                DtStart = new CalDateTime(visit.Date, visit.Start, TimeZone),
                DtEnd = new CalDateTime(visit.Date, visit.End, TimeZone),
                DtStamp = new CalDateTime(now, CalDateTime.UtcTzId),
                LastModified = new CalDateTime(DateTime.SpecifyKind(visit.ChangedAt, DateTimeKind.Utc), CalDateTime.UtcTzId),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
