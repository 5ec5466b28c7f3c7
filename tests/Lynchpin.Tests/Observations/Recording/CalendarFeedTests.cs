using System.Net;
using Ical.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lynchpin.Tests.Observations.ObservationSchool;

namespace Lynchpin.Tests.Observations.Recording;

/// <summary>The private iCal feed and the calendar page, with the example school's rota.</summary>
public abstract class CalendarFeedTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteRecordingAppFactory app) : CalendarFeedTests(app), IClassFixture<SqliteRecordingAppFactory>;

    public sealed class Postgres(PostgresRecordingAppFactory app) : CalendarFeedTests(app), IClassFixture<PostgresRecordingAppFactory>;

    private async Task<string> TokenAsync(StaffMember person)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarFeeds>().TokenAsync(person.Id);
    }

    [SkippableFact]
    public async Task Get_Feed_HoldsTheObserversVisitsInLondonTimeAndParses()
    {
        // Arrange
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        var token = await TokenAsync(s.Amira);
        using var anonymous = App.CreateClient();

        // Act
        using var response = await anonymous.GetAsync($"/calendar/{token}.ics");
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var calendar = Calendar.Load(text)!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal([$"visit-{rota.Visits[0].Id}-observer@lynchpin", $"visit-{rota.Visits[1].Id}-observer@lynchpin"], events.Select(e => e.Uid));
        Assert.Equal(["Learning walk: 9A with Tom Reed", "Learning walk: 9B with Sara Cole"], events.Select(e => e.Summary));
        Assert.Equal(["R1", "R2"], events.Select(e => e.Location));
        Assert.Contains("Teacher: Tom Reed", events[0].Description);
        Assert.Equal(("Europe/London", new DateTime(2026, 11, 2, 9, 0, 0), new DateTime(2026, 11, 2, 10, 0, 0)),
            (events[0].DtStart!.TzId, events[0].DtStart!.Value, events[0].DtEnd!.Value));
        Assert.Contains("DTSTART;TZID=Europe/London:20261102T090000", text);
    }

    [SkippableFact]
    public async Task Get_Feed_ShowsVisitsToOnesLessonsOnlyWhereShared()
    {
        // Arrange: Tom is visited by Amira (pastoral: not shared) and by Ravi (middle leader: shared)
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        var token = await TokenAsync(s.Tom);
        using var anonymous = App.CreateClient();

        // Act
        var calendar = Calendar.Load(await anonymous.GetStringAsync($"/calendar/{token}.ics"))!;

        // Assert
        Assert.Equal([$"visit-{rota.Visits[2].Id}-observee@lynchpin"], calendar.Events.Select(e => e.Uid));
        Assert.Equal("Learning walk by Ravi Shah: 10B", calendar.Events.Single().Summary);
    }

    [SkippableFact]
    public async Task Post_Reset_TheOldLinkIsNotFoundAndTheNewOneWorks()
    {
        // Arrange
        var s = await CreateAsync(App);
        await s.StoreValidRotaAsync(App);
        using var amira = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Amira));
        using var page = await amira.GetAsync("/observations/calendar");
        var document = await Html.ParseAsync(page);
        var oldUrl = new Uri(document.QuerySelector("#feed-url")!.GetAttribute("value")!);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("form[action*='handler=Reset']")!;
        using var anonymous = App.CreateClient();

        // Act
        using var before = await anonymous.GetAsync(oldUrl.PathAndQuery);
        using var reset = await Html.SubmitAsync(amira, form, Html.FormValues(form), page.RequestMessage!.RequestUri!);
        using var after = await anonymous.GetAsync(oldUrl.PathAndQuery);
        var newUrl = new Uri((await Html.ParseAsync(await amira.GetAsync("/observations/calendar"))).QuerySelector("#feed-url")!.GetAttribute("value")!);
        using var renewed = await anonymous.GetAsync(newUrl.PathAndQuery);
        using var unknown = await anonymous.GetAsync($"/calendar/{new string('x', 43)}.ics");

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.NotEqual(oldUrl, newUrl);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
