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
        app.MapGet("/calendar/{file}", async (string file, CalendarFeeds feeds, Core.Coaching.CoachCalendar coaching, Core.Cpd.CpdCalendar cpd,
                SchoolClock clock, HttpContext http, CancellationToken ct) =>
            {
                if (!file.EndsWith(".ics", StringComparison.Ordinal))
                {
                    return Results.NotFound();
                }
                var since = clock.Today.AddDays(-DaysBack);
                var owner = await feeds.FindOwnerAsync(file[..^".ics".Length], ct);
                string? text = owner switch
                {
                    { StaffMemberId: int staffId } => Write(await feeds.ForPersonAsync(staffId, since, ct), await cpd.ForPersonAsync(staffId, since, ct), clock.UtcNow),
                    { UserId: string userId } when await coaching.FeedAsync(userId, since, ct) is { } coachFeed
                        => Write(coachFeed.Name, coachFeed.Entries, clock.UtcNow),
                    _ => null,
                };
                if (text is null)
                {
                    return Results.NotFound();
                }
                return Results.Text(text, "text/calendar; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>A person's feed: their visits and their CPD.</summary>
    public static string Write(CalendarFeed feed, IEnumerable<CalendarEntry> cpd, DateTime now) =>
        Write($"Visits and CPD: {feed.Name}, {feed.SchoolName}", feed.Visits.Select(v => v.ToEntry()).Concat(cpd), now);

    /// <summary>Any area's entries (<see cref="CalendarEntry"/>) as an iCalendar feed; an entry without times is all day.</summary>
    public static string Write(string calendarName, IEnumerable<CalendarEntry> entries, DateTime now)
    {
        var calendar = new Calendar { ProductId = "-//Lynchpin//Visits//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddTimeZone(TimeZone);
        foreach (var entry in entries)
        {
            var timed = entry.Start is not null && entry.End is not null;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = entry.Uid,
                Summary = entry.Summary,
                Description = entry.Description,
                Location = entry.Location,
                DtStart = timed ? new CalDateTime(entry.Date, entry.Start!.Value, TimeZone) : new CalDateTime(entry.Date),
                DtEnd = timed ? new CalDateTime(entry.Date, entry.End!.Value, TimeZone) : new CalDateTime(entry.Date.AddDays(1)),
                DtStamp = new CalDateTime(now, CalDateTime.UtcTzId),
                LastModified = new CalDateTime(DateTime.SpecifyKind(entry.ChangedAt, DateTimeKind.Utc), CalDateTime.UtcTzId),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
