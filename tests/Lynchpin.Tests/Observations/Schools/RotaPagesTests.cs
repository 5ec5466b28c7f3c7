using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Tests.Observations.Recording;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Observations.Schools;

/// <summary>
/// The leaders' observation pages on the small school of <see cref="ObservationSchool"/>: making a rota, its report and
/// checker, moving, adding and removing visits (clashes refused), settings, the three imports and coverage.
/// </summary>
public abstract class RotaPagesTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqlitePlanningAppFactory app) : RotaPagesTests(app), IClassFixture<SqlitePlanningAppFactory>;

    public sealed class Postgres(PostgresPlanningAppFactory app) : RotaPagesTests(app), IClassFixture<PostgresPlanningAppFactory>;

    [SkippableFact]
    public async Task Generate_SmallSchool_StoresARotaThatPassesTheCheckerAndShowsTheReport()
    {
        // Arrange
        var school = await ObservationSchool.CreateAsync(App);
        using var client = await LeaderOfAsync(school.School);

        // Act
        using var response = await PageForms.SubmitAsync(client, $"{Hub(school)}/rotas/new", "Input.From", new Dictionary<string, string>
        {
            ["Input.From"] = "2026-11-02", ["Input.To"] = "2026-11-10", ["Input.Kind"] = "learning-walk", ["Input.TimeLimit"] = "10",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rota = await Data.WithDbAsync(db => db.ObservationRotas.Include(r => r.Visits).SingleAsync(r => r.SchoolId == school.School.Id));
        Assert.Equal($"{Hub(school)}/rotas/{rota.Id}", response.Headers.Location?.OriginalString);
        // Amira 2, Ravi 1 and Jo 1 can all be placed (RotaServiceTests), so a good rota has all four visits.
        Assert.Equal(4, rota.Visits.Count);
        Assert.Empty(await CheckAsync(rota.Id));
        using var page = await client.GetAsync(response.Headers.Location);
        var document = await PageAssert.OkAsync(page);
        Assert.Contains(PageAssert.Text(document.QuerySelector("#rota-status")), new[] { "Optimal", "Feasible" }.Select(s => s + ":"), new StartsWithComparer());
        Assert.NotNull(document.QuerySelector("#checker-pass"));
        Assert.Contains("4 visits", PageAssert.Text(document.QuerySelector(".govuk-notification-banner--success")));
        Assert.Equal(7, document.QuerySelectorAll("#goals tbody tr").Length);
        Assert.Equal(4, document.QuerySelectorAll("tr[data-visit-id]").Length);
        Assert.All(document.QuerySelectorAll("table.rota-day"), t => Assert.NotEqual("2026-11-04", t.GetAttribute("data-date")));
        Assert.All(document.QuerySelectorAll("table.rota-day caption"), c => Assert.Matches(@", (week [AB]|every week)$", PageAssert.Text(c)));
    }

    [SkippableFact]
    public async Task Generate_OverlappingARota_Returns400OfferingTheChoiceAndReplaceLeavesOneRota()
    {
        // Arrange
        var school = await ObservationSchool.CreateAsync(App);
        using var client = await LeaderOfAsync(school.School);
        var form = new Dictionary<string, string>
        {
            ["Input.From"] = "2026-11-02", ["Input.To"] = "2026-11-10", ["Input.Kind"] = "learning-walk", ["Input.TimeLimit"] = "3",
        };
        using var first = await PageForms.SubmitAsync(client, $"{Hub(school)}/rotas/new", "Input.From", form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // Act
        using var refused = await PageForms.SubmitAsync(client, $"{Hub(school)}/rotas/new", "Input.From", form);
        using var replaced = await PageForms.SubmitAsync(client, $"{Hub(school)}/rotas/new", "Input.From", new Dictionary<string, string>(form) { ["Input.Overlap"] = "replace" });

        // Assert
        var document = await PageAssert.FormErrorsAsync(refused, "Input_Overlap");
        Assert.Contains("These dates overlap the learning walk rota from 2 November 2026 to 10 November 2026 (4 visits)", PageAssert.Text(document.QuerySelector(".govuk-error-summary")));
        Assert.Equal(["replace", "keep"], document.QuerySelectorAll("input[name='Input.Overlap']").Select(i => i.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var rotas = await Data.WithDbAsync(db => db.ObservationRotas.Where(r => r.SchoolId == school.School.Id).Select(r => r.Id).ToListAsync());
        Assert.Equal($"{Hub(school)}/rotas/{Assert.Single(rotas)}", replaced.Headers.Location?.OriginalString);
        using var page = await client.GetAsync(replaced.Headers.Location);
        Assert.Contains("It replaces the learning walk rota from 2 November 2026 to 10 November 2026 (4 visits), now deleted.",
            PageAssert.Text((await PageAssert.OkAsync(page)).QuerySelector(".govuk-notification-banner--success")));
    }

    [SkippableFact]
    public async Task Delete_Rota_RemovesItAndItsVisitsAndGoesBackToTheHub()
    {
        // Arrange
        var school = await ObservationSchool.CreateAsync(App);
        var rota = await school.StoreValidRotaAsync(App);
        using var client = await LeaderOfAsync(school.School);
        using var page = await client.GetAsync($"{Hub(school)}/rotas/{rota.Id}");
        var deleteForm = Assert.IsAssignableFrom<IHtmlFormElement>((await PageAssert.OkAsync(page)).QuerySelector("#delete-rota"));

        // Act
        using var response = await Html.SubmitAsync(client, deleteForm, Html.FormValues(deleteForm), page.RequestMessage!.RequestUri!);

        // Assert
        PageAssert.RedirectsTo(response, Hub(school));
        Assert.False(await Data.WithDbAsync(db => db.ObservationRotas.AnyAsync(r => r.Id == rota.Id)));
        Assert.False(await Data.WithDbAsync(db => db.RotaVisits.AnyAsync(v => v.RotaId == rota.Id)));
    }

    [SkippableFact]
    public async Task Generate_NoTimetable_Returns400SayingSoAndStoresNothing()
    {
        // Arrange
        var school = await ObservationSchool.CreateStaffAsync(Data);
        using var client = await LeaderOfAsync(school.School);

        // Act
        using var response = await PageForms.SubmitAsync(client, $"{Hub(school)}/rotas/new", "Input.From", new Dictionary<string, string>
        {
            ["Input.From"] = "2026-11-02", ["Input.To"] = "2026-11-10", ["Input.Kind"] = "learning-walk",
        });

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Input_From");
        Assert.Contains("no timetable yet", PageAssert.Text(document.QuerySelector(".govuk-error-summary")));
        Assert.False(await Data.WithDbAsync(db => db.ObservationRotas.AnyAsync(r => r.SchoolId == school.School.Id)));
    }

    [SkippableFact]
    public async Task Generate_EndBeforeStartAndBadTimeLimit_Returns400WithBothFieldErrors()
    {
        var school = await ObservationSchool.CreateAsync(App);
        using var client = await LeaderOfAsync(school.School);

        using var response = await PageForms.SubmitAsync(client, $"{Hub(school)}/rotas/new", "Input.From", new Dictionary<string, string>
        {
            ["Input.From"] = "2026-11-10", ["Input.To"] = "2026-11-02", ["Input.Kind"] = "learning-walk", ["Input.TimeLimit"] = "0",
        });

        await PageAssert.FormErrorsAsync(response, "Input_TimeLimit");
        Assert.False(await Data.WithDbAsync(db => db.ObservationRotas.AnyAsync(r => r.SchoolId == school.School.Id)));
    }

    [SkippableFact]
    public async Task MoveVisit_ToAPeriodTheObserverTeaches_Returns400WithTheClashAndLeavesTheVisit()
    {
        // Arrange: Ravi's visit (Tom, Tue 3 P1) moved to Sara's Mon 2 P2, when Ravi teaches 8A.
        var school = await ObservationSchool.CreateAsync(App);
        var rota = await school.StoreValidRotaAsync(App);
        var visit = rota.Visits.Single(v => v.ObserverId == school.Ravi.Id);
        using var client = await LeaderOfAsync(school.School);

        // Act
        using var response = await PageForms.SubmitAsync(client, $"{Hub(school)}/rotas/{rota.Id}/visits/{visit.Id}/move", "Input.Date",
            new Dictionary<string, string>
            {
                ["Input.Date"] = "2026-11-02", ["Input.Period"] = "2", ["Input.ObserveeId"] = Id(school.Sara), ["Input.Class"] = "",
            });

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "Input_Date");
        Assert.Contains("Ravi Shah", PageAssert.Text(document.QuerySelector(".govuk-error-summary")));
        var stored = await Data.WithDbAsync(db => db.RotaVisits.SingleAsync(v => v.Id == visit.Id));
        Assert.Equal((ObservationSchool.Tue3, "1", school.Tom.Id), (stored.Date, stored.Period, stored.ObserveeId));
    }

    [SkippableFact]
    public async Task MoveVisit_ToAFreeLesson_MovesItAndTheRotaStillPasses()
    {
        // Arrange: Jo's visit to Ravi moves from Mon 2 to Mon 9 (week B; Ravi's 8A is every week).
        var school = await ObservationSchool.CreateAsync(App);
        var rota = await school.StoreValidRotaAsync(App);
        var visit = rota.Visits.Single(v => v.ObserverId == school.Jo.Id);
        using var client = await LeaderOfAsync(school.School);

        // Act
        using var response = await PageForms.SubmitAsync(client, $"{Hub(school)}/rotas/{rota.Id}/visits/{visit.Id}/move", "Input.Date",
            new Dictionary<string, string> { ["Input.Date"] = "2026-11-09" });

        // Assert
        PageAssert.RedirectsTo(response, $"{Hub(school)}/rotas/{rota.Id}");
        var stored = await Data.WithDbAsync(db => db.RotaVisits.SingleAsync(v => v.Id == visit.Id));
        Assert.Equal((ObservationSchool.Mon9, TimetableWeek.B, "8A"), (stored.Date, stored.Week, stored.Class));
        Assert.Empty(await CheckAsync(rota.Id));
    }

    [SkippableFact]
    public async Task AddVisit_ObserverAlreadyVisitingThen_Returns400AndAddsNothing_ButAFreeOneIsAdded()
    {
        // Arrange: Amira asks for 3 visits, so a third fits by her limit; Mon 2 P1 she is already with Tom.
        var school = await ObservationSchool.CreateAsync(App);
        await school.ImportObserversAsync(App, amiraVisits: 3);
        var rota = await school.StoreValidRotaAsync(App);
        using var client = await LeaderOfAsync(school.School);
        var url = $"{Hub(school)}/rotas/{rota.Id}/visits/new";

        // Act
        using var clash = await PageForms.SubmitAsync(client, url, "Input.Date", new Dictionary<string, string>
        {
            ["Input.ObserverId"] = Id(school.Amira), ["Input.Date"] = "2026-11-02", ["Input.Period"] = "1", ["Input.ObserveeId"] = Id(school.Sara),
        });
        using var free = await PageForms.SubmitAsync(client, url, "Input.Date", new Dictionary<string, string>
        {
            ["Input.ObserverId"] = Id(school.Amira), ["Input.Date"] = "2026-11-09", ["Input.Period"] = "2", ["Input.ObserveeId"] = Id(school.Ravi),
        });

        // Assert
        var document = await PageAssert.FormErrorsAsync(clash, "Input_Date");
        Assert.Contains("Amira Khan", PageAssert.Text(document.QuerySelector(".govuk-error-summary")));
        PageAssert.RedirectsTo(free, $"{Hub(school)}/rotas/{rota.Id}");
        var visits = await Data.WithDbAsync(db => db.RotaVisits.Where(v => v.RotaId == rota.Id).ToListAsync());
        Assert.Equal(5, visits.Count);
        Assert.Single(visits, v => v.ObserverId == school.Amira.Id && v.ObserveeId == school.Ravi.Id && v.Date == ObservationSchool.Mon9);
        Assert.Empty(await CheckAsync(rota.Id));
    }

    [SkippableFact]
    public async Task RemoveVisit_FromTheRotaPage_TakesItOff()
    {
        var school = await ObservationSchool.CreateAsync(App);
        var rota = await school.StoreValidRotaAsync(App);
        var visit = rota.Visits.Single(v => v.ObserverId == school.Jo.Id);
        using var client = await LeaderOfAsync(school.School);
        using var page = await client.GetAsync($"{Hub(school)}/rotas/{rota.Id}");
        var document = await PageAssert.OkAsync(page);
        var form = (IHtmlFormElement)document.QuerySelector($"tr[data-visit-id='{visit.Id}'] form")!;

        using var response = await Html.SubmitAsync(client, form, Html.FormValues(form), page.RequestMessage!.RequestUri!);

        PageAssert.RedirectsTo(response, $"{Hub(school)}/rotas/{rota.Id}");
        var left = await Data.WithDbAsync(db => db.RotaVisits.Where(v => v.RotaId == rota.Id).Select(v => v.Id).ToListAsync());
        Assert.Equal(3, left.Count);
        Assert.DoesNotContain(visit.Id, left);
    }

    [SkippableFact]
    public async Task RotaCsv_HasTheCommandsColumnsAndEveryVisit()
    {
        var school = await ObservationSchool.CreateAsync(App);
        var rota = await school.StoreValidRotaAsync(App);
        using var client = await LeaderOfAsync(school.School);

        using var response = await client.GetAsync($"{Hub(school)}/rotas/{rota.Id}/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(RotaCsv.Header, lines[0]);
        Assert.Equal(5, lines.Count);
        Assert.Contains(lines, l => l.StartsWith($"2026-11-03,A,Tue,1,{school.Ravi.StaffRef},{school.Tom.StaffRef},10B", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Settings_BadLimitAndNoQuestions_Returns400WithFieldErrorsAndSavesNothing()
    {
        var school = await ObservationSchool.CreateStaffAsync(Data);
        using var client = await LeaderOfAsync(school.School);

        using var response = await PageForms.SubmitAsync(client, $"{Hub(school)}/settings", "Settings.MaxObserversPerLesson", new Dictionary<string, string>
        {
            ["Settings.MaxObserversPerLesson"] = "0", ["Settings.LearningWalkQuestions"] = "  \n ", ["Settings.SharePastoralRecords"] = "true",
        });

        await PageAssert.FormErrorsAsync(response, "Settings_MaxObserversPerLesson", "Settings_LearningWalkQuestions");
        Assert.False(await Data.WithDbAsync(db => db.ObservationSettings.AnyAsync(s => s.SchoolId == school.School.Id)));
    }

    [SkippableFact]
    public async Task Settings_GoodForm_SavesSharingLimitsAndQuestions()
    {
        var school = await ObservationSchool.CreateStaffAsync(Data);
        using var client = await LeaderOfAsync(school.School);

        using var response = await PageForms.SubmitAsync(client, $"{Hub(school)}/settings", "Settings.MaxObserversPerLesson", new Dictionary<string, string>
        {
            ["Settings.MaxVisitsPerObservee"] = "3", ["Settings.SharePastoralRecords"] = "true", ["Settings.RecordJudgements"] = "yes",
            ["Settings.DropInQuestions"] = "What are pupils reading?\r\n\r\nWho is stuck?",
        });

        PageAssert.RedirectsTo(response, $"{Hub(school)}/settings");
        var stored = await Data.WithDbAsync(db => db.ObservationSettings.SingleAsync(s => s.SchoolId == school.School.Id));
        Assert.Equal((3, 1, true, true, false), (stored.MaxVisitsPerObservee, stored.MaxObserversPerLesson, stored.SharePastoralRecords, stored.RecordJudgements, stored.ShareSupportRecords));
        Assert.Equal(["What are pupils reading?", "Who is stuck?"], stored.DropInQuestions);
        Assert.Equal(ObservationSettingsDefaults.Questions, stored.LearningWalkQuestions);
    }

    [SkippableFact]
    public async Task Settings_TwoLeadersBothOpenBothSave_SecondIsA409KeepingTheTypingAndTheFirstIsKept()
    {
        // Arrange: two leaders have the settings form open (issue 15: the second save silently undid the first).
        var school = await ObservationSchool.CreateStaffAsync(Data);
        using var first = await LeaderOfAsync(school.School);
        using var second = await LeaderOfAsync(school.School);
        var url = $"{Hub(school)}/settings";
        var formA = await PageForms.OpenAsync(first, url, "Settings.MaxObserversPerLesson");
        var formB = await PageForms.OpenAsync(second, url, "Settings.MaxObserversPerLesson");
        formA.Values["Settings.MaxVisitsPerObservee"] = "4";
        formB.Values["Settings.DropInQuestions"] = "Who is stuck?";

        // Act
        using var saved = await Html.SubmitAsync(first, formA.Form, formA.Values, formA.PageUri);
        using var refused = await Html.SubmitAsync(second, formB.Form, formB.Values, formB.PageUri);

        // Assert
        PageAssert.RedirectsTo(saved, url);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("since you opened it", PageAssert.Text(page.QuerySelector(".govuk-error-summary")));
        Assert.Contains("Visits to one person in a rota", PageAssert.Text(page.QuerySelector("#conflict")));
        Assert.Equal("Who is stuck?", (page.QuerySelector("textarea[name='Settings.DropInQuestions']") as IHtmlTextAreaElement)?.Value);
        var stored = await Data.WithDbAsync(db => db.ObservationSettings.SingleAsync(s => s.SchoolId == school.School.Id));
        Assert.Equal(4, stored.MaxVisitsPerObservee);
        Assert.NotEqual(["Who is stuck?"], stored.DropInQuestions);
    }

    [SkippableFact]
    public async Task Settings_WeekANotAMonday_Returns400_AndBlockingAndUnblockingADateWork()
    {
        var school = await ObservationSchool.CreateStaffAsync(Data);
        using var client = await LeaderOfAsync(school.School);
        var url = $"{Hub(school)}/settings";

        using var tuesday = await PageForms.SubmitAsync(client, url, "CalendarForm.WeekAStarts", new Dictionary<string, string> { ["CalendarForm.WeekAStarts"] = "2026-11-03" });
        using var monday = await PageForms.SubmitAsync(client, url, "CalendarForm.WeekAStarts", new Dictionary<string, string> { ["CalendarForm.WeekAStarts"] = "2026-11-02" });
        using var block = await PageForms.SubmitAsync(client, url, "Block.Date", new Dictionary<string, string> { ["Block.Date"] = "2026-11-04", ["Block.Reason"] = "INSET" });

        await PageAssert.FormErrorsAsync(tuesday, "CalendarForm_WeekAStarts");
        PageAssert.RedirectsTo(monday, url);
        PageAssert.RedirectsTo(block, url);
        var calendar = await CalendarAsync(school);
        Assert.Equal(ObservationSchool.Mon2, calendar.WeekAStarts);
        Assert.Equal([new BlockedDay(ObservationSchool.Wed4, "INSET")], calendar.Blocked);

        using var page = await client.GetAsync(url);
        var form = (IHtmlFormElement)(await PageAssert.OkAsync(page)).QuerySelector("#blocked-dates form")!;
        using var unblock = await Html.SubmitAsync(client, form, Html.FormValues(form), page.RequestMessage!.RequestUri!);
        PageAssert.RedirectsTo(unblock, url);
        Assert.Empty((await CalendarAsync(school)).Blocked);
    }

    public static TheoryData<string> Lists => ["timetable", "duties", "observers"];

    [SkippableTheory]
    [MemberData(nameof(Lists))]
    public async Task Import_GoodFile_ReplacesTheList_ABadFileChangesNothingAndListsTheLine(string what)
    {
        // Arrange: the school's lists imported once; the good file is the same list, the bad one names nobody on line 3.
        var school = await ObservationSchool.CreateAsync(App);
        using var client = await LeaderOfAsync(school.School);
        var lines = what switch
        {
            "timetable" => school.TimetableLines,
            "duties" => school.DutyLines,
            _ => school.ObserverLines(),
        };
        string[] bad = what == "duties"
            ? [.. lines, ",Wed,2,NOBODY9,Reception"]
            : [.. lines.Select((line, i) => i == 2 ? line.Replace(what == "observers" ? school.Ravi.StaffRef : school.Tom.StaffRef, "NOBODY9", StringComparison.Ordinal) : line)];
        var before = await CountAsync(school, what);

        // Act
        using var badResponse = await UploadAsync(client, school, what, bad);
        var afterBad = await CountAsync(school, what);
        using var goodResponse = await UploadAsync(client, school, what, lines);

        // Assert
        var document = await PageAssert.FormErrorsAsync(badResponse, "Upload");
        var row = Assert.Single(document.QuerySelectorAll("#row-errors tbody tr"));
        Assert.Equal("3", PageAssert.Text(row.QuerySelector("td")));
        Assert.Contains("NOBODY9", PageAssert.Text(row));
        Assert.Equal(before, afterBad);
        PageAssert.RedirectsTo(goodResponse, Hub(school));
        Assert.Equal(lines.Length - 1, await CountAsync(school, what));
    }

    [SkippableFact]
    public async Task Coverage_CountsRecordsByKindAndSaysThePastoralAndSupportShare()
    {
        // Arrange: Tom seen twice (by Amira, pastoral, and Ravi, a middle leader), Sara once by Jo (support).
        var school = await ObservationSchool.CreateAsync(App);
        await Data.WithDbAsync(async db =>
        {
            db.ObservationRecords.AddRange(
                Record(school, school.Amira, ObserverKind.Pastoral, school.Tom, ObservationSchool.Mon2),
                Record(school, school.Ravi, ObserverKind.MiddleLeader, school.Tom, ObservationSchool.Tue3),
                Record(school, school.Jo, ObserverKind.Support, school.Sara, ObservationSchool.Mon2));
            return await db.SaveChangesAsync();
        });
        using var client = await LeaderOfAsync(school.School);

        // Act
        using var response = await client.GetAsync($"{Hub(school)}/coverage?from=2026-11-01&to=2026-11-30");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Equal("Pastoral and support staff made 2 of the 3 records (66.7%).", PageAssert.Text(document.QuerySelector("#share-sentence")));
        var tom = document.QuerySelector($"#coverage-table tr[data-staff-ref='{school.Tom.StaffRef}']")!;
        var cells = tom.QuerySelectorAll("td").Select(PageAssert.Text).ToList();
        // Seen, then Senior leader, Middle leader, Teacher, Pastoral, Support staff, then Planned.
        Assert.Equal(["2", "0", "1", "0", "1", "0", "0"], cells);
        Assert.Equal(["Ravi Shah"], document.QuerySelectorAll("#not-yet-seen li").Select(PageAssert.Text));
        Assert.Equal("1", PageAssert.Text(document.QuerySelector("#by-kind tr[data-kind='support'] td")));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("/settings")]
    [InlineData("/coverage")]
    [InlineData("/rotas/new")]
    [InlineData("/import/timetable")]
    public async Task Get_AsStaffOfTheSchool_Returns403(string page)
    {
        var school = await ObservationSchool.CreateStaffAsync(Data);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: school.Tom));

        using var response = await client.GetAsync(Hub(school) + page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task Hub_ShowsWhatIsSetUpAndTheRotas()
    {
        var school = await ObservationSchool.CreateAsync(App);
        var rota = await school.StoreValidRotaAsync(App);
        using var client = await LeaderOfAsync(school.School);

        using var response = await client.GetAsync(Hub(school));

        var document = await PageAssert.OkAsync(response);
        Assert.Equal("6 lessons for 4 people", PageAssert.Text(document.QuerySelector("#setup-timetable")));
        Assert.StartsWith("3 observers, 2 of them pastoral or support staff", PageAssert.Text(document.QuerySelector("#setup-observers")), StringComparison.Ordinal);
        Assert.StartsWith("Week A starts Mon 2 Nov 2026; 1 blocked date", PageAssert.Text(document.QuerySelector("#setup-calendar")), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"#rotas a[href='{Hub(school)}/rotas/{rota.Id}']"));
    }

    private static ObservationRecord Record(ObservationSchool school, StaffMember observer, ObserverKind kind, StaffMember observee, DateOnly date) => new()
    {
        SchoolId = school.School.Id,
        Kind = ObservationKind.LearningWalk,
        ObserverId = observer.Id,
        ObserverKind = kind,
        ObserveeId = observee.Id,
        Date = date,
        CreatedAt = ObservationSchool.Now.UtcDateTime,
        UpdatedAt = ObservationSchool.Now.UtcDateTime,
        CreatedByName = "Test",
    };

    private static string Hub(ObservationSchool school) => $"/schools/{school.School.Urn}/observations";

    private static string Id(StaffMember person) => person.Id.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpClient> LeaderOfAsync(School school) =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school));

    private async Task<IReadOnlyList<RotaViolation>> CheckAsync(int rotaId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<RotaService>().CheckAsync(rotaId);
        Assert.True(check.Succeeded, string.Join("; ", check.Errors));
        return check.Value!;
    }

    private async Task<CalendarSetup> CalendarAsync(ObservationSchool school)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SchoolCalendars>().GetAsync(school.School.Id);
    }

    private Task<int> CountAsync(ObservationSchool school, string what) => Data.WithDbAsync(db => what switch
    {
        "timetable" => db.TimetableRows.CountAsync(r => r.SchoolId == school.School.Id),
        "duties" => db.StaffDuties.CountAsync(r => r.SchoolId == school.School.Id),
        _ => db.RotaObservers.CountAsync(r => r.SchoolId == school.School.Id),
    });

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, ObservationSchool school, string what, string[] lines)
    {
        var (form, values, pageUri) = await PageForms.OpenAsync(client, $"{Hub(school)}/import/{what}", "Upload");
        return await Html.SubmitWithFileAsync(client, form, values, "Upload", $"{what}.csv", Encoding.UTF8.GetBytes(string.Join("\n", lines)), pageUri);
    }

    private sealed class StartsWithComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => x is not null && y is not null && (x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal));

        public int GetHashCode(string obj) => 0;
    }
}
