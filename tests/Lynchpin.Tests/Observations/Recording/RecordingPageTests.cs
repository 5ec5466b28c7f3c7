using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lynchpin.Tests.Observations.ObservationSchool;

namespace Lynchpin.Tests.Observations.Recording;

/// <summary>
/// My visits, the record form and reading a record, over HTTP, with the example school's rota: Amira (pastoral) visits
/// Tom's 9A and Sara's 9B on Mon 2 Nov, Ravi (Head of Science) visits Tom's 10B on Tue 3 Nov. Today is 25 Nov 2026.
/// </summary>
public abstract class RecordingPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteRecordingAppFactory app) : RecordingPageTests(app), IClassFixture<SqliteRecordingAppFactory>;

    public sealed class Postgres(PostgresRecordingAppFactory app) : RecordingPageTests(app), IClassFixture<PostgresRecordingAppFactory>;

    private async Task<HttpClient> SignInAsync(StaffMember staff, UserRole role = UserRole.Staff) =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(role, school: role == UserRole.SchoolLeader ? staff.School : null, staff: staff));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Func<Dictionary<string, string>, Dictionary<string, string>> fill)
    {
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Html.ParseAsync(page);
        var form = Html.FormWithField(document, "Input.Notes");
        return await Html.SubmitAsync(client, form, fill(Html.FormValues(form)), page.RequestMessage!.RequestUri!);
    }

    [SkippableFact]
    public async Task Get_MyVisits_ListsTheObserversVisitsWithRecordLinks()
    {
        // Arrange
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        using var amira = await SignInAsync(s.Amira);

        // Act
        using var response = await amira.GetAsync("/observations/visits");

        // Assert: her two visits, most recent first, each with its lesson and a Record link; not Ravi's
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var cards = document.QuerySelectorAll(".lynchpin-visit").Select(c => c.TextContent).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains("Sara Cole", cards[0]);
        Assert.Contains("9B, English", cards[0]);
        Assert.Contains("R2", cards[0]);
        Assert.Contains("Tom Reed", cards[1]);
        Assert.Contains("09:00 to 10:00", cards[1]);
        var links = document.QuerySelectorAll(".lynchpin-visit a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/observations/records/new?visit={rota.Visits[1].Id}", $"/observations/records/new?visit={rota.Visits[0].Id}"], links);
    }

    [SkippableFact]
    public async Task Post_RecordAVisit_SavesTheAnswersInOrderAndListsTheRecord()
    {
        // Arrange
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        var visit = rota.Visits[0];
        using var amira = await SignInAsync(s.Amira);

        // Act
        using var page = await amira.GetAsync($"/observations/records/new?visit={visit.Id}");
        var document = await Html.ParseAsync(page);
        using var saved = await PostFormAsync(amira, $"/observations/records/new?visit={visit.Id}", values =>
        {
            values["Input.TimeFrom"] = "09:10";
            values["Input.TimeTo"] = "09:25";
            values["Input.Answers[0]"] = "Equivalent fractions";
            values["Input.Answers[2]"] = "More time on the fraction wall";
            values["Input.Notes"] = "Pupils explained their reasoning to each other";
            return values;
        });
        using var visits = await amira.GetAsync("/observations/visits");

        // Assert: the page asks the school's three questions and says Tom will not see a pastoral observer's record
        Assert.Equal(ObservationSettingsDefaults.Questions,
            document.QuerySelectorAll("textarea[name^='Input.Answers']").Select(t => document.QuerySelector($"label[for='{t.Id}']")!.TextContent.Trim()));
        Assert.Contains("will not see this record", document.QuerySelector("#sharing")!.TextContent);
        Assert.Null(document.QuerySelector("[name='Input.Judgement']"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await Data.WithDbAsync(db => db.ObservationRecords.SingleAsync(r => r.VisitId == visit.Id));
        Assert.Equal($"/observations/records/{record.Id}", saved.Headers.Location!.OriginalString);
        Assert.Equal(["Equivalent fractions", "", "More time on the fraction wall"], record.Answers);
        Assert.Equal((new TimeOnly(9, 10), new TimeOnly(9, 25), ObservationKind.LearningWalk, false, "9A"),
            (record.TimeFrom, record.TimeTo, record.Kind, record.SharedWithObservee, record.Class));
        var listed = await Html.ParseAsync(visits);
        Assert.Contains(listed.QuerySelectorAll("#written ~ ul a"), a => a.GetAttribute("href") == $"/observations/records/{record.Id}");
        Assert.Contains(listed.QuerySelectorAll(".lynchpin-visit a"), a => a.GetAttribute("href") == $"/observations/records/{record.Id}");
    }

    [SkippableFact]
    public async Task Post_JudgementWhenTheSchoolRecordsNone_Is400AndSavesNothing()
    {
        // Arrange
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        var visit = rota.Visits[0];
        using var amira = await SignInAsync(s.Amira);

        // Act: a judgement posted although the form does not offer one
        using var response = await PostFormAsync(amira, $"/observations/records/new?visit={visit.Id}", values =>
        {
            values["Input.Answers[0]"] = "Ratio tables";
            values["Input.Judgement"] = "Good";
            return values;
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This school does not record judgements", await Html.ErrorSummaryAsync(response));
        Assert.False(await Data.WithDbAsync(db => db.ObservationRecords.AnyAsync(r => r.VisitId == visit.Id)));
    }

    [SkippableFact]
    public async Task Post_NothingWritten_Is400WithTheErrorOnTheFirstQuestion()
    {
        // Arrange
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        using var amira = await SignInAsync(s.Amira);

        // Act
        using var response = await PostFormAsync(amira, $"/observations/records/new?visit={rota.Visits[0].Id}", values => values);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("#Input_Answers_0_", document.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("#Input_Answers_0_"));
    }

    [SkippableFact]
    public async Task Get_RecordAnotherObserversVisit_IsForbidden()
    {
        // Arrange: Ravi's visit, opened by Amira
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        using var amira = await SignInAsync(s.Amira);

        // Act
        using var response = await amira.GetAsync($"/observations/records/new?visit={rota.Visits[2].Id}");
        using var missing = await amira.GetAsync("/observations/records/new?visit=999999");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableFact]
    public async Task Get_Records_TheObserveeAndTheirLineManagerSeeOnlySharedOnesAColleagueNoneALeaderAll()
    {
        // Arrange: Amira's (pastoral, not shared) and Ravi's (middle leader, shared) records of Tom; Lena manages Tom
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        var lena = await Data.CreateStaffAsync(s.School, RoleFamily.Teaching, firstName: "Lena", lastName: "Park", jobTitle: "Head of Maths");
        await Data.WithDbAsync(async db =>
        {
            (await db.StaffMembers.SingleAsync(m => m.Id == s.Tom.Id)).LineManagerId = lena.Id;
            return await db.SaveChangesAsync();
        });
        int unshared, shared;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var records = scope.ServiceProvider.GetRequiredService<ObservationRecords>();
            ObservationInput For(RotaVisit v) => new() { VisitId = v.Id, ObserverId = v.ObserverId, ObserveeId = v.ObserveeId, Answers = ["Fractions"] };
            unshared = (await records.CreateAsync(s.School.Id, For(rota.Visits[0]), new(null, "Amira Khan"))).Value!.Id;
            shared = (await records.CreateAsync(s.School.Id, For(rota.Visits[2]), new(null, "Ravi Shah"))).Value!.Id;
        }
        var clients = new Dictionary<string, HttpClient>
        {
            ["Tom"] = await SignInAsync(s.Tom),
            ["Lena"] = await SignInAsync(lena, UserRole.LineManager),
            ["Sara"] = await SignInAsync(s.Sara),
            ["Amira"] = await SignInAsync(s.Amira),
            ["Sam"] = await SignInAsync(s.Sam, UserRole.SchoolLeader),
        };

        // Act
        var outcomes = new List<string>();
        foreach (var (who, client) in clients)
        {
            using var a = await client.GetAsync($"/observations/records/{unshared}");
            using var b = await client.GetAsync($"/observations/records/{shared}");
            outcomes.Add($"{who} {(int)a.StatusCode} {(int)b.StatusCode}");
        }
        using var tomsVisits = await clients["Tom"].GetAsync("/observations/visits");
        using var editByLeader = await clients["Sam"].GetAsync($"/observations/records/{unshared}/edit");
        using var editByAuthor = await clients["Amira"].GetAsync($"/observations/records/{unshared}/edit");

        // Assert
        Assert.Equal(["Tom 403 200", "Lena 403 200", "Sara 403 403", "Amira 200 403", "Sam 200 200"], outcomes);
        var aboutTom = (await Html.ParseAsync(tomsVisits)).QuerySelectorAll("#about-me ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/observations/records/{shared}"], aboutTom);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (editByLeader.StatusCode, editByAuthor.StatusCode));
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    [SkippableFact]
    public async Task Post_EditByTheAuthor_ChangesTheNotesAndKeepsTheSharing()
    {
        // Arrange
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        int id;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var v = rota.Visits[0];
            id = (await scope.ServiceProvider.GetRequiredService<ObservationRecords>().CreateAsync(s.School.Id,
                new() { VisitId = v.Id, ObserverId = v.ObserverId, ObserveeId = v.ObserveeId, Answers = ["Fractions"] }, new(null, "Amira Khan"))).Value!.Id;
        }
        using var amira = await SignInAsync(s.Amira);

        // Act
        using var response = await PostFormAsync(amira, $"/observations/records/{id}/edit", values =>
        {
            values["Input.Notes"] = "Mini whiteboards for every pupil";
            return values;
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await Data.WithDbAsync(db => db.ObservationRecords.SingleAsync(r => r.Id == id));
        Assert.Equal(("Mini whiteboards for every pupil", "Fractions", false), (record.Notes, record.Answers[0], record.SharedWithObservee));
    }

    [SkippableFact]
    public async Task Post_EditOpenInTwoTabsBothSaved_SecondIsA409KeepingTheTypingAndTheFirstIsKept()
    {
        // Arrange: the observer has the record's edit form open twice (issue 15: a stale save overwrote the first).
        var s = await CreateAsync(App);
        var rota = await s.StoreValidRotaAsync(App);
        int id;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var v = rota.Visits[0];
            id = (await scope.ServiceProvider.GetRequiredService<ObservationRecords>().CreateAsync(s.School.Id,
                new() { VisitId = v.Id, ObserverId = v.ObserverId, ObserveeId = v.ObserveeId, Answers = ["Fractions"] }, new(null, "Amira Khan"))).Value!.Id;
        }
        using var amira = await SignInAsync(s.Amira);
        var url = $"/observations/records/{id}/edit";
        var (formA, valuesA, uriA) = await OpenAsync(amira, url);
        var (formB, valuesB, uriB) = await OpenAsync(amira, url);
        valuesA["Input.Notes"] = "Mini whiteboards for every pupil";
        valuesB["Input.Notes"] = "Paired reading";

        // Act
        using var saved = await Html.SubmitAsync(amira, formA, valuesA, uriA);
        using var refused = await Html.SubmitAsync(amira, formB, valuesB, uriB);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("since you opened it", PageAssert.Text(page.QuerySelector(".govuk-error-summary")));
        Assert.Contains("Mini whiteboards for every pupil", PageAssert.Text(page.QuerySelector("#conflict")));
        Assert.Equal("Paired reading", (page.QuerySelector("textarea[name='Input.Notes']") as AngleSharp.Html.Dom.IHtmlTextAreaElement)?.Value);
        Assert.Equal("Mini whiteboards for every pupil", await Data.WithDbAsync(db => db.ObservationRecords.Where(r => r.Id == id).Select(r => r.Notes).SingleAsync()));

        // Saving again, having seen theirs, keeps this tab's typing.
        var again = Html.FormWithField(page, "Input.Notes");
        using var resaved = await Html.SubmitAsync(amira, again, Html.FormValues(again), uriB);
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        Assert.Equal("Paired reading", await Data.WithDbAsync(db => db.ObservationRecords.Where(r => r.Id == id).Select(r => r.Notes).SingleAsync()));
    }

    private static async Task<(AngleSharp.Html.Dom.IHtmlFormElement Form, Dictionary<string, string> Values, Uri PageUri)> OpenAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = Html.FormWithField(await Html.ParseAsync(page), "Input.Notes");
        return (form, Html.FormValues(form), page.RequestMessage!.RequestUri!);
    }

    [SkippableFact]
    public async Task Post_DropInByALeader_RecordsTheChosenPersonAndLesson()
    {
        // Arrange: Sam (SLT) is not on the observer list but leads the school
        var s = await CreateAsync(App);
        using var sam = await SignInAsync(s.Sam, UserRole.SchoolLeader);
        using var jo = await SignInAsync(s.Jo);
        using var tom = await SignInAsync(s.Tom);

        // Act
        using var kindPage = await sam.GetAsync("/observations/records/new");
        using var response = await PostFormAsync(sam, "/observations/records/new?kind=drop-in", values =>
        {
            values["Input.ObserveeId"] = s.Sara.Id.ToString();
            values["Input.Date"] = "2026-11-24";
            values["Input.Class"] = "7C";
            values["Input.YearGroup"] = "Year 7";
            values["Input.Answers[1]"] = "They could explain the poem's imagery";
            return values;
        });
        using var joPage = await jo.GetAsync("/observations/records/new?kind=drop-in");
        using var tomPage = await tom.GetAsync("/observations/records/new?kind=drop-in");

        // Assert: a listed observer (Jo) may record a drop-in; a teacher not on the list (Tom) may not
        Assert.Equal(HttpStatusCode.OK, kindPage.StatusCode);
        Assert.NotNull((await Html.ParseAsync(kindPage)).QuerySelector("input[name='kind'][value='learning-walk']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await Data.WithDbAsync(db => db.ObservationRecords.SingleAsync(r => r.SchoolId == s.School.Id));
        Assert.Equal((ObservationKind.DropIn, s.Sam.Id, s.Sara.Id, new DateOnly(2026, 11, 24), "7C", "7", true),
            (record.Kind, record.ObserverId, record.ObserveeId, record.Date, record.Class, record.YearGroup, record.SharedWithObservee));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (joPage.StatusCode, tomPage.StatusCode));
    }
}
