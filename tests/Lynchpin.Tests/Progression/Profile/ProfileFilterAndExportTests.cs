using System.Net;
using ClosedXML.Excel;
using CsvHelper;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Progression.Profile;

/// <summary>
/// The profile's filters, a line manager's team limit, bad choices and the exports, on SQLite
/// (the PostgreSQL runs of the same queries are in <see cref="ProfilePageTests"/> and the calculator's tests).
/// </summary>
public sealed class ProfileFilterAndExportTests(SqliteAppFactory app) : IntegrationTest(app), IClassFixture<SqliteAppFactory>
{
    private async Task<(ProfileScenario School, HttpClient Client)> LeaderAsync()
    {
        var s = await ProfileScenario.CreateAsync(App);
        var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        return (s, client);
    }

    [SkippableFact]
    public async Task Get_YearNotYetDue_ShowsNotYetDueNeverNotAssessedCounts()
    {
        // Arrange: every checkpoint of 2099/00 is after today
        var (s, client) = await LeaderAsync();
        using var _ = client;

        // Act
        var page = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2099");

        // Assert
        Assert.Equal(["Not yet due", "Not yet due", "Not yet due", "Not yet due"], ProfilePage.Row(page, "checkpoint-table", "Not assessed"));
    }

    [SkippableFact]
    public async Task Get_FilteredToSupportStaff_CountsOnlySupportStaff()
    {
        // Arrange
        var (s, client) = await LeaderAsync();
        using var _ = client;

        // Act
        var page = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025&category=support");

        // Assert: B (TA), C (site, from November) and E (pastoral)
        Assert.Equal(["2", "3", "3", "3"], ProfilePage.Row(page, "checkpoint-table", "In post"));
        Assert.Equal(["1 (50%)", "0 (0%)", "0 (0%)", "1 (33%)"], ProfilePage.Row(page, "checkpoint-table", "2"));
        Assert.Equal(["1 (50%)", "1 (33%)", "2 (67%)", "1 (33%)"], ProfilePage.Row(page, "checkpoint-table", "Not assessed"));
        Assert.Equal("Support staff, 2025/26", ProfilePage.Text(page.GetElementById("profile-scope")));
        Assert.Equal("support", page.QuerySelector("#category option[selected]")?.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Get_LeaderChoosesATeam_CountsEveryoneBelowThatManagerAndIgnoresAnotherSchoolsManager()
    {
        // Arrange: a manager at another school
        var (s, client) = await LeaderAsync();
        using var _ = client;
        var elsewhere = await ProfileScenario.CreateAsync(App);

        // Act
        var team = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025&team={s.A.Id}");
        var foreign = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025&team={elsewhere.A.Id}");

        // Assert: below A are B and C (C from November)
        Assert.Equal(["1", "2", "2", "2"], ProfilePage.Row(team, "checkpoint-table", "In post"));
        Assert.Contains($"in the team of {s.A.FirstName} {s.A.LastName}", ProfilePage.Text(team.GetElementById("profile-scope")));
        Assert.Equal(s.A.Id.ToString(), team.QuerySelector("#team option[selected]")?.GetAttribute("value"));
        Assert.Equal(["4", "5", "4", "4"], ProfilePage.Row(foreign, "checkpoint-table", "In post"));
    }

    [SkippableFact]
    public async Task Get_LineManager_SeesOnlyTheirOwnTeamEvenWhenAskingForAnother()
    {
        // Arrange: B line-manages C only
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.B));

        // Act
        var own = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025");
        var widened = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025&team={s.A.Id}");
        using var export = await client.GetAsync($"/schools/{s.School.Urn}/profile/export?year=2025&format=csv&team={s.A.Id}");

        // Assert
        foreach (var page in new[] { own, widened })
        {
            Assert.Equal(["0", "1", "1", "1"], ProfilePage.Row(page, "checkpoint-table", "In post"));
            Assert.Equal(["0 (0%)", "1 (100%)", "0 (0%)", "0 (0%)"], ProfilePage.Row(page, "checkpoint-table", "0"));
            Assert.Null(page.GetElementById("team"));
            Assert.NotNull(page.GetElementById("own-team"));
        }
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = ReadCsv(await export.Content.ReadAsStringAsync());
        Assert.Equal(["0", "1", "1", "1"], rows.Select(r => r["in_post"]));
    }

    [SkippableFact]
    public async Task Get_LineManagerOfAnotherSchool_IsForbiddenAndAnUnknownSchoolIsNotFound()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        var other = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: other.B));

        // Act
        using var forbidden = await client.GetAsync($"/schools/{s.School.Urn}/profile");
        using var export = await client.GetAsync($"/schools/{s.School.Urn}/profile/export?format=csv");
        using var missing = await client.GetAsync("/schools/999999999/profile");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableFact]
    public async Task Get_MovementBetweenChosenCheckpoints_CountsUpStayedAndDown()
    {
        // Arrange
        var (s, client) = await LeaderAsync();
        using var _ = client;

        // Act
        var page = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025&from=1&to=2");

        // Assert: A 3→3, B 2→4, D 5→4
        Assert.Equal("Between the first six weeks and the end of autumn term, 1 person moved up a stage and 1 moved down; 1 stayed at the same stage.",
            ProfilePage.Text(page.GetElementById("movement-sentence")));
        Assert.Equal(["0", "0", "0", "0", "1", "0", "0"], ProfilePage.Row(page, "movement-table", "2"));
        Assert.Equal(["0", "0", "0", "1", "0", "0", "0"], ProfilePage.Row(page, "movement-table", "3"));
        Assert.Equal(["0", "0", "0", "0", "1", "0", "0"], ProfilePage.Row(page, "movement-table", "5"));
        var totals = ProfilePage.SummaryList(page, "movement-totals");
        Assert.Equal(["1", "1", "1", "3"], new[] { "Moved up", "Stayed at the same stage", "Moved down", "Assessed at both" }.Select(k => totals[k]));
    }

    [SkippableFact]
    public async Task Get_MovementToBeforeFrom_Returns400WithTheErrorAndStillShowsTheProfile()
    {
        // Arrange
        var (s, client) = await LeaderAsync();
        using var _ = client;

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/profile?year=2025&from=3&to=2");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Select a To checkpoint later than the From checkpoint", ProfilePage.Text(page.QuerySelector(".govuk-error-summary")));
        Assert.Equal("#to", page.QuerySelector(".govuk-error-summary a")?.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("to-error"));
        Assert.Null(page.GetElementById("movement-table"));
        Assert.Equal(["4", "5", "4", "4"], ProfilePage.Row(page, "checkpoint-table", "In post"));
    }

    [SkippableFact]
    public async Task Get_ExportAsCsv_GivesTheCheckpointTable()
    {
        // Arrange
        var (s, client) = await LeaderAsync();
        using var _ = client;

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/profile/export?year=2025&format=csv");
        using var support = await client.GetAsync($"/schools/{s.School.Urn}/profile/export?year=2025&format=csv&category=support");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"progression-profile-{s.School.Urn}-2025-26.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = ReadCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(4, rows.Count);
        Assert.Equal(
            ["checkpoint", "checkpoint_name", "date", "stage_0", "stage_1", "stage_2", "stage_3", "stage_4", "stage_5", "stage_6", "not_assessed", "in_post"],
            rows[0].Keys);
        Assert.Equal(["1", "First six weeks", "2025-10-10", "0", "0", "1", "1", "0", "1", "0", "1", "4"], rows[0].Values);
        Assert.Equal(["2", "End of autumn term", "2025-12-19", "1", "0", "0", "1", "2", "0", "0", "1", "5"], rows[1].Values);
        Assert.Equal(["4", "End of summer term", "2026-07-17", "0", "0", "1", "0", "1", "1", "0", "1", "4"], rows[3].Values);
        Assert.Equal(["2", "3", "3", "3"], ReadCsv(await support.Content.ReadAsStringAsync()).Select(r => r["in_post"]));
    }

    [SkippableFact]
    public async Task Get_ExportAsXlsx_GivesTheCheckpointTableAsAWorkbook()
    {
        // Arrange
        var (s, client) = await LeaderAsync();
        using var _ = client;

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/profile/export?year=2025&format=xlsx");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"progression-profile-{s.School.Urn}-2025-26.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        Assert.Equal("checkpoint", sheet.Cell(1, 1).GetString());
        Assert.Equal("in_post", sheet.Cell(1, 12).GetString());
        // Row 3 is checkpoint 2: C at 0, A at 3, B (corrected) and D at 4, E not assessed
        Assert.Equal(2, sheet.Cell(3, 1).GetValue<int>());
        Assert.Equal("End of autumn term", sheet.Cell(3, 2).GetString());
        Assert.Equal(new DateTime(2025, 12, 19), sheet.Cell(3, 3).GetDateTime());
        Assert.Equal([1, 0, 0, 1, 2, 0, 0, 1, 5], Enumerable.Range(4, 9).Select(c => sheet.Cell(3, c).GetValue<int>()));
        Assert.Equal(5, sheet.LastRowUsed()!.RowNumber());
    }

    [SkippableFact]
    public async Task Get_ExportInAnUnknownFormat_Returns400()
    {
        // Arrange
        var (s, client) = await LeaderAsync();
        using var _ = client;

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/profile/export?year=2025&format=pdf");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task Get_Navigation_LinksEachRoleToTheProfileItMaySee()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var s = await ProfileScenario.CreateAsync(App, trust);
        using var leader = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        using var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));
        using var manager = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.B));
        using var staff = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.C));

        // Act
        async Task<string?> ProfileNavAsync(HttpClient client)
        {
            var page = await ProfilePage.GetAsync(client, "/");
            return page.QuerySelectorAll(".govuk-service-navigation__link").FirstOrDefault(a => ProfilePage.Text(a) == "Profile")?.GetAttribute("href");
        }
        var schoolPage = await ProfilePage.GetAsync(leader, $"/schools/{s.School.Urn}");

        // Assert
        Assert.Equal($"/schools/{s.School.Urn}/profile", await ProfileNavAsync(leader));
        Assert.Equal($"/schools/{s.School.Urn}/profile", await ProfileNavAsync(manager));
        Assert.Equal($"/trusts/{trust.Code}/profile", await ProfileNavAsync(admin));
        Assert.Null(await ProfileNavAsync(staff));
        Assert.Equal(
            [$"/schools/{s.School.Urn}/profile", $"/schools/{s.School.Urn}/framework", $"/schools/{s.School.Urn}/checkpoints",
                $"/schools/{s.School.Urn}/learning-community", $"/schools/{s.School.Urn}/term-dates", $"/schools/{s.School.Urn}/import-assessments"],
            schoolPage.QuerySelectorAll("#progression-links a").Select(a => a.GetAttribute("href")));
    }

    /// <summary>Each data row as column → value, in the file's column order.</summary>
    private static List<OrderedRow> ReadCsv(string text)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true }, leaveOpen: false);
        var headers = reader.Headers.ToList();
        var rows = new List<OrderedRow>();
        while (reader.Read())
        {
            rows.Add(new OrderedRow(headers, reader.Current.ToArray().ToList()));
        }
        return rows;
    }

    private sealed record OrderedRow(IReadOnlyList<string> Keys, IReadOnlyList<string> Values)
    {
        public string this[string key] => Values[Keys.ToList().IndexOf(key)];
    }
}
