using System.Net;
using Ical.Net;
using Lynchpin.Core.Coaching;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Coaching;

/// <summary>
/// What a coach records comes back where it is read: the coach's calendar feed holds their own visits (planned and recorded,
/// by school, not another coach's nor cancelled ones); a structured conversation saved on its form is on the pupil's record;
/// a focus group saved on its form is on the school's coaching page.
/// </summary>
public abstract class CoachingRecordsTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CoachingRecordsTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CoachingRecordsTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_CoachsCalendarFeed_HoldsTheirPlannedAndRecordedVisitsAndNoOtherCoachs()
    {
        // Arrange: the scenario's coach has a visit planned today at A1; add one recorded last week, one cancelled,
        // and the other coach's visit to B1 on the same day
        var s = await CoachingScenario.CreateAsync(Data);
        var recordedOn = s.Today.AddDays(-7);
        var (recorded, cancelled, others) = await Data.WithDbAsync(async db =>
        {
            CoachingVisit Visit(TestUser coach, School school, DateOnly date, VisitStatus status) => db.CoachingVisits.Add(new CoachingVisit
            {
                CoachUserId = coach.Id,
                SchoolId = school.Id,
                Date = date,
                Year = s.Year,
                Status = status,
                Areas = status == VisitStatus.Done ? [CoachingArea.Leadership, CoachingArea.ParentCarerEngagement] : [],
                RecordedAt = status == VisitStatus.Done ? DateTime.UtcNow : null,
            }).Entity;
            var done = Visit(s.Coach, s.SchoolA1, recordedOn, VisitStatus.Done);
            var off = Visit(s.Coach, s.SchoolA1, s.Today.AddDays(3), VisitStatus.Cancelled);
            var theirs = Visit(s.OtherCoach, s.SchoolB1, s.Today, VisitStatus.Planned);
            await db.SaveChangesAsync();
            return (done.Id, off.Id, theirs.Id);
        });
        using var coach = await App.CreateSignedInClientAsync(s.Coach);
        using var page = await coach.GetAsync("/coaching/calendar");
        var feedUrl = new Uri((await PageAssert.OkAsync(page)).GetElementById("feed-url")!.GetAttribute("value")!);
        using var anonymous = App.CreateClient();

        // Act
        using var response = await anonymous.GetAsync(feedUrl.PathAndQuery);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.ToDictionary(e => e.Uid!);
        var expected = await Data.WithDbAsync(db => db.CoachingVisits.CountAsync(v => v.CoachUserId == s.Coach.Id && v.Status != VisitStatus.Cancelled));
        Assert.Equal(expected, events.Count);
        var done = events[$"coaching-visit-{recorded}@lynchpin"];
        var planned = events[$"coaching-visit-{s.CoachPlannedVisit}@lynchpin"];
        Assert.Equal(($"Coaching visit: {s.SchoolA1.Name}", recordedOn.ToDateTime(TimeOnly.MinValue), false), (done.Summary, done.DtStart!.Value, done.DtStart.HasTime));
        Assert.Equal(($"Coaching visit: {s.SchoolA1.Name}", s.Today.ToDateTime(TimeOnly.MinValue), false), (planned.Summary, planned.DtStart!.Value, planned.DtStart.HasTime));
        Assert.StartsWith("Recorded. Areas: ", done.Description, StringComparison.Ordinal);
        Assert.Equal("Planned", planned.Description);
        Assert.DoesNotContain($"coaching-visit-{cancelled}@lynchpin", events.Keys);
        Assert.DoesNotContain($"coaching-visit-{others}@lynchpin", events.Keys);
        Assert.All(events.Values, e => Assert.Equal($"Coaching visit: {s.SchoolA1.Name}", e.Summary));
    }

    [SkippableFact]
    public async Task Post_DesignatedTeacherRecordsAConversation_ReadBackOnThePupilsRecord()
    {
        // Arrange
        var s = await CoachingScenario.CreateAsync(Data);
        using var teacher = await App.CreateSignedInClientAsync(s.TeacherUser);
        var heldOn = s.Today.AddDays(-2);
        var focus = $"Getting to school on time {TestData.Unique()}";

        // Act
        using var saved = await PageForms.SubmitAsync(teacher, $"/pupils/{s.P1.Id}/conversations/new", "Input.ParentOrCarer", new Dictionary<string, string>
        {
            ["Input.HeldOn"] = $"{heldOn:yyyy-MM-dd}",
            ["Input.ParentOrCarer"] = "Pat Carer",
            ["Input.ChildTookPart"] = "true",
            ["Input.Explore"] = "Mornings are hard since the move",
            ["Input.Focus"] = focus,
            ["Input.Targets[0].Target"] = "In school by 8.45 every day",
            ["Input.Targets[0].HomeAction"] = "Alarm set at 7",
            ["Input.Targets[0].SchoolAction"] = "Breakfast club place",
            ["Input.NextOn"] = $"{s.Today.AddDays(40):yyyy-MM-dd}",
        });
        using var page = await teacher.GetAsync($"/pupils/{s.P1.Id}");

        // Assert
        PageAssert.RedirectsTo(saved, $"/pupils/{s.P1.Id}#conversations");
        var card = (await PageAssert.OkAsync(page)).QuerySelector("[data-conversation]")!;
        var rows = card.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => PageAssert.Text(r.QuerySelector("dt")), r => PageAssert.Text(r.QuerySelector("dd")));
        Assert.Equal($"{heldOn:d MMMM yyyy} with Pat Carer and the child", PageAssert.Text(card.QuerySelector("h3")));
        Assert.Equal("Mornings are hard since the move", rows["Explore"]);
        Assert.Equal(focus, rows["Focus"]);
        Assert.Equal("At home: Alarm set at 7. At school: Breakfast club place.", rows["Target: In school by 8.45 every day"]);
        Assert.Equal($"{s.Today.AddDays(40):d MMMM yyyy}", rows["Next"]);
    }

    [SkippableFact]
    public async Task Post_CoachRecordsAFocusGroup_ReadBackOnTheSchoolsCoachingPage()
    {
        // Arrange
        var s = await CoachingScenario.CreateAsync(Data);
        using var coach = await App.CreateSignedInClientAsync(s.Coach);
        var theme = $"Homework club is too late {TestData.Unique()}";

        // Act
        using var saved = await PageForms.SubmitAsync(coach, $"/schools/{s.SchoolA1.Urn}/coaching/focus-groups/new", "Input.Themes", new Dictionary<string, string>
        {
            ["Input.HeldOn"] = $"{s.Today:yyyy-MM-dd}",
            ["Input.Kind"] = nameof(FocusGroupKind.Carers),
            ["Input.Participants"] = "6",
            ["Input.Themes"] = $"{theme}\nWant to hear about good days too",
        });
        using var page = await coach.GetAsync($"/schools/{s.SchoolA1.Urn}/coaching");

        // Assert
        PageAssert.RedirectsTo(saved, $"/schools/{s.SchoolA1.Urn}/coaching");
        var text = PageAssert.Text((await PageAssert.OkAsync(page)).GetElementById("focus-groups"));
        Assert.Contains($"{s.Today:d MMM yyyy}, 6 carers: {theme}; Want to hear about good days too", text);
    }

    [SkippableFact]
    public async Task Post_VirtualSchoolChangesACaseloadOnThePage_TheChangeIsInTheAuditTrail()
    {
        // Arrange: the other coach has B1 this year
        var s = await CoachingScenario.CreateAsync(Data);
        using var virtualSchool = await App.CreateSignedInClientAsync(s.VirtualSchool);

        // Act: A1 added beside B1
        using var saved = await PageForms.SubmitAsync(virtualSchool, "/coaching/caseloads", "Input.Schools", new Dictionary<string, string>
        {
            ["Input.Coach"] = s.OtherCoach.Email,
            ["Input.Year"] = $"{s.Year}",
            ["Input.Schools"] = $"{s.SchoolB1.Urn}, {s.SchoolA1.Urn}",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == Caseloads.CaseloadChanged && e.Detail!.StartsWith($"caseload of {s.OtherCoach.Email} for ") && e.UserId == s.VirtualSchool.Id));
        Assert.EndsWith($"added URN {s.SchoolA1.Urn}; removed none", audit.Detail);
    }

    [SkippableFact]
    public async Task Get_CoachingAndPupilForms_EveryLabelAndLegendStartsWithACapitalLetter()
    {
        // Arrange: the forms whose labels come from lower-case [Display] names (kept so for error messages mid-sentence)
        var s = await CoachingScenario.CreateAsync(Data);
        using var coach = await App.CreateSignedInClientAsync(s.Coach);
        using var teacher = await App.CreateSignedInClientAsync(s.TeacherUser);
        var a1 = $"/schools/{s.SchoolA1.Urn}";
        (HttpClient Client, string Url)[] pages =
        [
            (coach, $"{a1}/coaching/visits/record"), (coach, $"{a1}/coaching"), (coach, $"{a1}/coaching/focus-groups/new"),
            (coach, $"{a1}/coaching/plan?year={s.Year}"), (teacher, $"/pupils/{s.P1.Id}"), (teacher, $"/pupils/{s.P1.Id}/peps/new"),
            (teacher, $"/pupils/{s.P1.Id}/conversations/new"),
        ];
        var lowerCase = new List<string>();
        var labels = 0;

        // Act
        foreach (var (client, url) in pages)
        {
            using var response = await client.GetAsync(url);
            foreach (var label in (await PageAssert.OkAsync(response)).QuerySelectorAll("main label.govuk-label, main legend.govuk-fieldset__legend"))
            {
                labels++;
                var text = PageAssert.Text(label);
                if (text.Length > 0 && char.IsLower(text[0]))
                {
                    lowerCase.Add($"{url}: {text}");
                }
            }
        }
        using var visit = await coach.GetAsync($"{a1}/coaching/visits/record");

        // Assert
        Assert.True(labels >= 30, $"Only {labels} labels were found: the pages changed.");
        Assert.Empty(lowerCase);
        Assert.Equal("Date of the visit", PageAssert.Text((await PageAssert.OkAsync(visit)).QuerySelector("label[for=Input_Date]")));
    }
}
