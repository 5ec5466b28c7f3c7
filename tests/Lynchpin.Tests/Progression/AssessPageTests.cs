using System.Net;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using static Lynchpin.Tests.Progression.ProgressionPages;

namespace Lynchpin.Tests.Progression;

/// <summary>
/// /staff/{id}/progression/assess over HTTP: recording a stage, correcting it (the earlier version kept),
/// refusing bad input with nothing stored, and who may assess whom (the people of <see cref="TrustScenario"/>).
/// </summary>
public abstract class AssessPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : AssessPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : AssessPageTests(app), IClassFixture<PostgresAppFactory>;

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

    private static string AssessUrl(StaffMember person, int checkpoint = 2) => $"/staff/{person.Id}/progression/assess?year={Year}&checkpoint={checkpoint}";

    private static async Task<(IHtmlFormElement Form, Uri Uri, AngleSharp.Html.Dom.IHtmlDocument Page)> OpenFormAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        return (Html.FormWithField(page, "Input.Stage"), response.RequestMessage!.RequestUri!, page);
    }

    [SkippableFact]
    public async Task Post_ValidStage_StoresVersionOneAndShowsItOnTheProgressionPage()
    {
        // Arrange
        using var client = await LeaderAsync();
        var (form, uri, page) = await OpenFormAsync(client, AssessUrl(_people.Teacher));
        var criteria = page.QuerySelectorAll("input[name='Input.CriteriaMet']").Select(c => c.GetAttribute("value")!).Take(2).ToList();

        // Act
        using var response = await SubmitAsync(client, form, Fill(form,
            ("Input.Stage", "3"), ("Input.AssessedOn", "2025-12-15"), ("Input.Note", "Seen in three lessons."),
            ("Input.CriteriaMet", criteria[0]), ("Input.CriteriaMet", criteria[1])), uri);

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await Html.ErrorSummaryAsync(response));
        Assert.Equal($"/staff/{_people.Teacher.Id}/progression?year={Year}&checkpoint=2#assessment", response.Headers.Location?.OriginalString);
        var stored = Assert.Single(await StoredAsync(App, _people.Teacher));
        Assert.Equal((Year, 2, 3, 1, true), (stored.Year, stored.Checkpoint, stored.Stage, stored.Version, stored.IsCurrent));
        Assert.Equal(new DateOnly(2025, 12, 15), stored.AssessedOn);
        Assert.Equal(_people.Head.Id, stored.AssessorId);
        Assert.Equal(criteria, stored.CriteriaMet);
        Assert.Equal("Seen in three lessons.", stored.Note);
        Assert.Equal(_people.Head.FullName, stored.RecordedByName);
        Assert.NotNull(stored.RecordedByUserId);

        using var progression = await client.GetAsync(response.Headers.Location!.OriginalString);
        var shown = await Html.ParseAsync(progression);
        Assert.Contains("is recorded", shown.QuerySelector(".govuk-notification-banner--success")?.TextContent);
        Assert.Equal("3", shown.QuerySelector($"tr[data-year='{Year}'] td[data-checkpoint='2'] [data-stage]")?.GetAttribute("data-stage"));
    }

    [SkippableFact]
    public async Task Post_CheckpointAlreadyAssessed_KeepsVersionOneAndAddsCurrentVersionTwo()
    {
        // Arrange
        await RecordAsync(App, _people.Teacher, checkpoint: 2, stage: 3, assessor: _people.Manager);
        using var client = await LeaderAsync();
        var (form, uri, page) = await OpenFormAsync(client, AssessUrl(_people.Teacher));

        // Act
        using var response = await SubmitAsync(client, form, Fill(form, ("Input.Stage", "4"), ("Input.AssessedOn", "2025-12-18")), uri);

        // Assert
        Assert.Contains("Saving records a correction", page.QuerySelector("#existing-notice")?.TextContent);
        Assert.Equal("3", page.QuerySelector("input[name='Input.Stage'][checked]")?.GetAttribute("value"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await Html.ErrorSummaryAsync(response));
        var versions = await StoredAsync(App, _people.Teacher);
        Assert.Equal(2, versions.Count);
        Assert.Equal((1, 3, false), (versions[0].Version, versions[0].Stage, versions[0].IsCurrent));
        Assert.Equal((2, 4, true), (versions[1].Version, versions[1].Stage, versions[1].IsCurrent));

        using var progression = await client.GetAsync($"/staff/{_people.Teacher.Id}/progression");
        var shown = await Html.ParseAsync(progression);
        var history = shown.QuerySelector($"table[data-history='{Year}-2']")!;
        Assert.Contains("Superseded", history.QuerySelector("tr[data-version='1']")?.TextContent);
        Assert.Contains("Current", history.QuerySelector("tr[data-version='2']")?.TextContent);
        Assert.Equal("4", shown.QuerySelector($"tr[data-year='{Year}'] td[data-checkpoint='2'] [data-stage]")?.GetAttribute("data-stage"));
    }

    [SkippableFact]
    public async Task Post_TheSameAssessmentAgain_StoresNoCorrectionAndSaysNothingChanged()
    {
        // Arrange: a stage recorded through the page, then the form opened again, filled with it
        using var client = await LeaderAsync();
        var (form, uri, _) = await OpenFormAsync(client, AssessUrl(_people.Teacher));
        using var first = await SubmitAsync(client, form, Fill(form, ("Input.Stage", "3"), ("Input.AssessedOn", "2025-12-15"), ("Input.Note", "Seen twice.")), uri);
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, await Html.ErrorSummaryAsync(first));
        var (again, againUri, _) = await OpenFormAsync(client, AssessUrl(_people.Teacher));

        // Act
        using var response = await Html.SubmitAsync(client, again, Html.FormValues(again), againUri);

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await Html.ErrorSummaryAsync(response));
        Assert.Equal(1, Assert.Single(await StoredAsync(App, _people.Teacher)).Version);
        using var progression = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.StartsWith("Nothing changed: stage 3", (await Html.ParseAsync(progression)).QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")?.TextContent.Trim());
    }

    [SkippableTheory]
    [InlineData(null, "2025-12-15", "Input.Stage", "Select the stage")]
    [InlineData("3", "2099-01-05", "Input.AssessedOn", "must be today or in the past")]
    [InlineData("3", "2024-12-13", "Input.AssessedOn", "must be in the school year 2025/26")]
    [InlineData("3", "", "Input.AssessedOn", "Enter the date of the assessment")]
    [InlineData("3", "2025-02-31", "Input.AssessedOn", "Enter a real date of the assessment")]
    public async Task Post_InvalidInput_Returns400WithTheErrorAndStoresNothing(string? stage, string date, string field, string message)
    {
        // Arrange
        using var client = await LeaderAsync();
        var (form, uri, _) = await OpenFormAsync(client, AssessUrl(_people.Teacher));

        // Act
        using var response = await SubmitAsync(client, form, Fill(form, ("Input.Stage", stage), ("Input.AssessedOn", date)), uri);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".govuk-error-summary")?.TextContent);
        Assert.NotNull(page.QuerySelector($".govuk-error-summary a[href='#{field.Replace('.', '_')}']"));
        Assert.Contains(message, page.QuerySelector($"#{field.Replace('.', '_')}-error")?.TextContent);
        Assert.Empty(await StoredAsync(App, _people.Teacher));
    }

    [SkippableFact]
    public async Task Post_NoteTooLong_Returns400AndStoresNothing()
    {
        // Arrange
        using var client = await LeaderAsync();
        var (form, uri, _) = await OpenFormAsync(client, AssessUrl(_people.Teacher));

        // Act
        using var response = await SubmitAsync(client, form,
            Fill(form, ("Input.Stage", "2"), ("Input.AssessedOn", "2025-12-15"), ("Input.Note", new string('x', Assessment.NoteMaxLength + 1))), uri);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000 characters or fewer", await Html.ErrorSummaryAsync(response));
        Assert.Empty(await StoredAsync(App, _people.Teacher));
    }

    [SkippableFact]
    public async Task Get_ForASiteAssistant_ShowsTheCriteriaOfTheirRoleFamilyOnly()
    {
        // Arrange
        using var client = await LeaderAsync();

        // Act
        var (_, _, page) = await OpenFormAsync(client, AssessUrl(_people.Caretaker));

        // Assert
        var criteria = page.QuerySelectorAll("input[name='Input.CriteriaMet']").Select(c => c.GetAttribute("value")).ToList();
        Assert.Contains(criteria, c => c!.Contains("COSHH"));
        Assert.Contains(criteria, c => c!.Contains("safeguarding training"));
        Assert.DoesNotContain(criteria, c => c!.Contains("Teachers' Standards"));
        Assert.Equal(7, page.QuerySelectorAll("input[name='Input.Stage']").Length);
    }

    [SkippableFact]
    public async Task Staff_CannotAssessAnyoneIncludingThemselves()
    {
        // Arrange
        using var client = await SignedInAsAsync(UserRole.Staff, _people.Teacher);

        // Act
        using var own = await client.GetAsync(AssessUrl(_people.Teacher));
        using var colleague = await client.GetAsync(AssessUrl(_people.Caretaker));
        using var post = await client.PostAsync($"/staff/{_people.Caretaker.Id}/progression/assess", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client), ["Input.Year"] = $"{Year}", ["Input.Checkpoint"] = "2", ["Input.Stage"] = "3", ["Input.AssessedOn"] = "2025-12-15" }));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, colleague.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await StoredAsync(App, _people.Caretaker));
    }

    [SkippableFact]
    public async Task LineManager_AssessesSomeoneBelowButNotAPeerOrThemselves()
    {
        // Arrange
        using var client = await SignedInAsAsync(UserRole.LineManager, _people.Manager);
        var (form, uri, _) = await OpenFormAsync(client, AssessUrl(_people.Caretaker));

        // Act
        using var below = await SubmitAsync(client, form, Fill(form, ("Input.Stage", "2"), ("Input.AssessedOn", "2025-12-15")), uri);
        using var peer = await client.GetAsync(AssessUrl(_people.Peer));
        using var self = await client.GetAsync(AssessUrl(_people.Manager));

        // Assert
        Assert.True(below.StatusCode == HttpStatusCode.Redirect, await Html.ErrorSummaryAsync(below));
        var stored = Assert.Single(await StoredAsync(App, _people.Caretaker));
        Assert.Equal(_people.Manager.Id, stored.AssessorId);
        Assert.Equal(HttpStatusCode.Forbidden, peer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
    }

    [SkippableFact]
    public async Task Leader_CanNameThePersonsLineManagerAsAssessor_ButNotSomeoneElse()
    {
        // Arrange: the head records for the caretaker, whose line manager is the mentor.
        using var client = await LeaderAsync();
        var (form, uri, page) = await OpenFormAsync(client, AssessUrl(_people.Caretaker));
        var offered = page.QuerySelectorAll("select[name='Input.AssessorId'] option")
            .ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());

        // Act
        using var refused = await SubmitAsync(client, form, Fill(form, ("Input.Stage", "2"), ("Input.AssessedOn", "2025-12-15"),
            ("Input.AssessorId", _people.Teacher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))), uri);
        using var accepted = await SubmitAsync(client, form, Fill(form, ("Input.Stage", "2"), ("Input.AssessedOn", "2025-12-15"),
            ("Input.AssessorId", _people.Mentor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))), uri);

        // Assert: the head themself, the line manager and the school's SLT are offered; the caretaker and a colleague are not.
        Assert.Equal($"{_people.Head.FullName} (you)", offered[_people.Head.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal($"{_people.Mentor.FullName} (line manager)", offered[_people.Mentor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.DoesNotContain(_people.Caretaker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), offered.Keys);
        Assert.DoesNotContain(_people.Teacher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), offered.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, await Html.ErrorSummaryAsync(accepted));
        var stored = Assert.Single(await StoredAsync(App, _people.Caretaker));
        Assert.Equal(_people.Mentor.Id, stored.AssessorId);
    }

    [SkippableFact]
    public async Task Coach_ReadsTheirCoacheesProgressionButCannotAssess()
    {
        // Arrange: the peer coaches a new teacher they do not line-manage.
        var coachee = await Data.CreateStaffAsync(_people.SchoolA1, RoleFamily.Teaching, lineManager: _people.Head, coach: _people.Peer);
        await RecordAsync(App, coachee, checkpoint: 1, stage: 2);
        using var client = await SignedInAsAsync(UserRole.Staff, _people.Peer);

        // Act
        using var read = await client.GetAsync($"/staff/{coachee.Id}/progression");
        using var assess = await client.GetAsync(AssessUrl(coachee));

        // Assert
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var page = await Html.ParseAsync(read);
        Assert.Equal("2", page.QuerySelector($"tr[data-year='{Year}'] td[data-checkpoint='1'] [data-stage]")?.GetAttribute("data-stage"));
        Assert.Empty(page.QuerySelectorAll("a[href*='/progression/assess']"));
        Assert.Equal(HttpStatusCode.Forbidden, assess.StatusCode);
    }

    [SkippableFact]
    public async Task LeaderOfAnotherSchool_IsForbiddenToReadOrAssess()
    {
        // Arrange
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: _people.SchoolB1));

        // Act
        using var read = await client.GetAsync($"/staff/{_people.Teacher.Id}/progression");
        using var assess = await client.GetAsync(AssessUrl(_people.Teacher));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, assess.StatusCode);
    }

    [SkippableFact]
    public async Task Get_UnknownPerson_Returns404()
    {
        // Arrange
        using var client = await LeaderAsync();

        // Act
        using var response = await client.GetAsync("/staff/987654321/progression/assess");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
