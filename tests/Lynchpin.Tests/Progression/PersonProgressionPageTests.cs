using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using static Lynchpin.Tests.Progression.ProgressionPages;

namespace Lynchpin.Tests.Progression;

/// <summary>
/// /staff/{id}/progression over HTTP: the stage at each checkpoint, the assessment in full, the history of
/// versions, the person's reflection, and the short section on the person's page.
/// In 2025/26 the default checkpoint dates are 10 Oct 2025, 19 Dec 2025, 27 Mar 2026 and 17 Jul 2026.
/// </summary>
public abstract class PersonProgressionPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : PersonProgressionPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : PersonProgressionPageTests(app), IClassFixture<PostgresAppFactory>;

    private TrustScenario _people = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _people = await TrustScenario.CreateAsync(Data);
    }

    private async Task<HttpClient> LeaderAsync() =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: _people.SchoolA1, staff: _people.Head));

    private async Task<HttpClient> SignedInAsAsync(UserRole role, StaffMember staff) =>
        await App.CreateSignedInClientAsync(await Data.CreateUserAsync(role, staff: staff));

    private static string Cell(int year, int checkpoint) => $"tr[data-year='{year}'] td[data-checkpoint='{checkpoint}']";

    [SkippableFact]
    public async Task Get_PersonStartingMidYear_ShowsStagesNotInPostAndNotAssessed()
    {
        // Arrange: starts after the first checkpoint, assessed at the second and third only.
        var newcomer = await Data.CreateStaffAsync(_people.SchoolA1, RoleFamily.LearningSupport, lineManager: _people.Manager, startDate: new DateOnly(2025, 11, 3));
        await RecordAsync(App, newcomer, checkpoint: 2, stage: 0);
        await RecordAsync(App, newcomer, checkpoint: 3, stage: 1);
        using var client = await LeaderAsync();

        // Act
        using var response = await client.GetAsync($"/staff/{newcomer.Id}/progression");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Not in post", page.QuerySelector(Cell(Year, 1))?.TextContent);
        Assert.Equal("0", page.QuerySelector($"{Cell(Year, 2)} [data-stage]")?.GetAttribute("data-stage"));
        Assert.Contains("Not yet through the mandatory requirements", page.QuerySelector(Cell(Year, 2))?.TextContent);
        Assert.Equal("1", page.QuerySelector($"{Cell(Year, 3)} [data-stage]")?.GetAttribute("data-stage"));
        Assert.Contains("Not assessed", page.QuerySelector(Cell(Year, 4))?.TextContent);
        // The current school year always has a row, so its checkpoints can be recorded.
        var thisYear = SchoolYear.Of(DateOnly.FromDateTime(DateTime.Today));
        Assert.NotNull(page.QuerySelector($"tr[data-year='{thisYear}']"));
        Assert.NotNull(page.QuerySelector($"{Cell(Year, 4)} a[href='/staff/{newcomer.Id}/progression/assess?year={Year}&checkpoint=4']"));
        Assert.Null(page.QuerySelector($"{Cell(Year, 1)} a[href*='/progression/assess']"));
    }

    [SkippableFact]
    public async Task Get_WithAssessments_ShowsTheLatestInFull()
    {
        // Arrange
        await RecordAsync(App, _people.Teacher, checkpoint: 1, stage: 2);
        await RecordAsync(App, _people.Teacher, checkpoint: 3, stage: 4, assessor: _people.Manager,
            criteria: ["Shares effective practice with colleagues in the learning community"], note: "Led the department's CPD session.");
        using var client = await LeaderAsync();

        // Act
        using var response = await client.GetAsync($"/staff/{_people.Teacher.Id}/progression");

        // Assert
        var page = await Html.ParseAsync(response);
        Assert.Contains("End of spring term, 2025/26", page.QuerySelector("#assessment h2")?.TextContent);
        Assert.Equal("Stage 4: Consolidating", page.QuerySelector("#assessment-stage")?.TextContent.Trim());
        Assert.Equal(_people.Manager.FullName, page.QuerySelector("#assessment-assessor")?.TextContent.Trim());
        Assert.Contains("Shares effective practice", page.QuerySelector("#assessment-criteria")?.TextContent);
        Assert.Contains("Led the department's CPD session.", page.QuerySelector("#assessment-note")?.TextContent);
    }

    [SkippableFact]
    public async Task Get_AnEarlierCheckpoint_ShowsThatAssessmentInFull()
    {
        // Arrange
        await RecordAsync(App, _people.Teacher, checkpoint: 1, stage: 2, note: "First half term.");
        await RecordAsync(App, _people.Teacher, checkpoint: 3, stage: 4);
        using var client = await LeaderAsync();

        // Act
        using var response = await client.GetAsync($"/staff/{_people.Teacher.Id}/progression?year={Year}&checkpoint=1");

        // Assert
        var page = await Html.ParseAsync(response);
        Assert.Equal("Stage 2: Non-negotiables met", page.QuerySelector("#assessment-stage")?.TextContent.Trim());
        Assert.Contains("First half term.", page.QuerySelector("#assessment-note")?.TextContent);
    }

    [SkippableFact]
    public async Task Staff_SeesOwnProgressionReflectsAndTheLineManagerReadsIt()
    {
        // Arrange
        await RecordAsync(App, _people.Teacher, checkpoint: 2, stage: 3, assessor: _people.Manager);
        using var own = await SignedInAsAsync(UserRole.Staff, _people.Teacher);
        using var page = await own.GetAsync($"/staff/{_people.Teacher.Id}/progression");
        var document = await Html.ParseAsync(page);
        var form = Html.FormWithField(document, "Reflection");

        // Act
        using var saved = await SubmitAsync(own, form, Fill(form, ("Reflection", "I want to coach a new colleague next term.")), page.RequestMessage!.RequestUri!);
        using var manager = await SignedInAsAsync(UserRole.LineManager, _people.Manager);
        using var managerView = await manager.GetAsync($"/staff/{_people.Teacher.Id}/progression");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(document.QuerySelectorAll("a[href*='/progression/assess']"));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await Html.ErrorSummaryAsync(saved));
        var stored = Assert.Single(await StoredAsync(App, _people.Teacher));
        Assert.Equal("I want to coach a new colleague next term.", stored.Reflection);
        Assert.NotNull(stored.ReflectionAt);
        var managerPage = await Html.ParseAsync(managerView);
        Assert.Contains("I want to coach a new colleague next term.", managerPage.QuerySelector("#assessment-reflection")?.TextContent);
        Assert.Null(managerPage.QuerySelector("#reflection-form"));
        Assert.NotEmpty(managerPage.QuerySelectorAll("a[href*='/progression/assess']"));
    }

    [SkippableFact]
    public async Task PostReflection_TooLong_Returns400WithTheErrorAndSavesNothing()
    {
        // Arrange
        await RecordAsync(App, _people.Teacher, checkpoint: 2, stage: 3);
        using var own = await SignedInAsAsync(UserRole.Staff, _people.Teacher);
        using var page = await own.GetAsync($"/staff/{_people.Teacher.Id}/progression");
        var form = Html.FormWithField(await Html.ParseAsync(page), "Reflection");

        // Act
        using var response = await SubmitAsync(own, form,
            Fill(form, ("Reflection", new string('r', Assessment.ReflectionMaxLength + 1))), page.RequestMessage!.RequestUri!);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.NotNull(document.QuerySelector(".govuk-error-summary a[href='#Reflection']"));
        Assert.Contains("4000 characters or fewer", document.QuerySelector("#Reflection-error")?.TextContent);
        Assert.Null(Assert.Single(await StoredAsync(App, _people.Teacher)).Reflection);
    }

    [SkippableFact]
    public async Task PostReflection_BySomeoneElse_IsForbiddenAndSavesNothing()
    {
        // Arrange: the line manager may read and assess, but the reflection is the person's own.
        await RecordAsync(App, _people.Teacher, checkpoint: 2, stage: 3);
        using var manager = await SignedInAsAsync(UserRole.LineManager, _people.Manager);
        var token = await AntiforgeryTokenAsync(manager);

        // Act
        using var response = await manager.PostAsync($"/staff/{_people.Teacher.Id}/progression?handler=Reflection", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["year"] = $"{Year}", ["checkpoint"] = "2", ["Reflection"] = "Written by someone else" }));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(Assert.Single(await StoredAsync(App, _people.Teacher)).Reflection);
    }

    [SkippableFact]
    public async Task Staff_CannotReadAColleaguesProgression()
    {
        // Arrange
        using var client = await SignedInAsAsync(UserRole.Staff, _people.Teacher);

        // Act
        using var response = await client.GetAsync($"/staff/{_people.Caretaker.Id}/progression");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task Get_UnknownPerson_Returns404()
    {
        // Arrange
        using var client = await LeaderAsync();

        // Act
        using var response = await client.GetAsync("/staff/987654321/progression");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task StaffPage_ShowsTheLatestStageAndLinksToTheProgressionPage()
    {
        // Arrange
        await RecordAsync(App, _people.Caretaker, checkpoint: 1, stage: 1);
        await RecordAsync(App, _people.Caretaker, checkpoint: 2, stage: 2);
        using var client = await LeaderAsync();

        // Act
        using var assessed = await client.GetAsync($"/staff/{_people.Caretaker.Id}");
        using var notAssessed = await client.GetAsync($"/staff/{_people.Peer.Id}");

        // Assert
        var page = await Html.ParseAsync(assessed);
        Assert.Contains("Stage 2: Non-negotiables met, at the end of autumn term, 2025/26", page.QuerySelector("#progression-summary")?.TextContent);
        Assert.Equal($"/staff/{_people.Caretaker.Id}/progression", page.QuerySelector("#progression-link")?.GetAttribute("href"));
        Assert.Contains("Not assessed yet", (await Html.ParseAsync(notAssessed)).QuerySelector("#progression-summary")?.TextContent);
    }
}
