using System.Net;
using System.Text.Json;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Progression.Profile;

/// <summary>The school profile page and the trust view, on both databases. The numbers are those worked out in <see cref="ProfileScenario"/>.</summary>
public abstract class ProfilePageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ProfilePageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ProfilePageTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_LeaderWithoutAYear_ShowsTheLatestYearWithAssessmentsInTableChartAndSentences()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act: no year given, and the current year has no assessments
        var page = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile");

        // Assert: the table, checkpoint by checkpoint (count and share of those in post)
        Assert.Contains("2025/26", ProfilePage.Text(page.GetElementById("profile-scope")));
        Assert.Equal(["0 (0%)", "1 (20%)", "0 (0%)", "0 (0%)"], ProfilePage.Row(page, "checkpoint-table", "0"));
        Assert.Equal(["1 (25%)", "0 (0%)", "0 (0%)", "1 (25%)"], ProfilePage.Row(page, "checkpoint-table", "2"));
        Assert.Equal(["0 (0%)", "2 (40%)", "1 (25%)", "1 (25%)"], ProfilePage.Row(page, "checkpoint-table", "4"));
        Assert.Equal(["1 (25%)", "0 (0%)", "0 (0%)", "1 (25%)"], ProfilePage.Row(page, "checkpoint-table", "5"));
        Assert.Equal(["1 (25%)", "1 (20%)", "2 (50%)", "1 (25%)"], ProfilePage.Row(page, "checkpoint-table", "Not assessed"));
        Assert.Equal(["4", "5", "4", "4"], ProfilePage.Row(page, "checkpoint-table", "In post"));

        // the chart is drawn from the same numbers
        var chart = JsonDocument.Parse(page.QuerySelector("script[data-chart='checkpoint-chart']")!.TextContent).RootElement;
        Assert.Equal(["First six weeks", "End of autumn term", "End of spring term", "End of summer term"],
            chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var series = chart.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(8, series.Count);
        Assert.Equal([0, 2, 1, 1], series[4].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("Not assessed", series[7].GetProperty("label").GetString());
        Assert.Equal("img", page.GetElementById("checkpoint-chart")!.GetAttribute("role"));

        // the sentences: 3 of 4 assessed at the end of summer; A 3→4 and B 2→5 since the first six weeks
        Assert.Equal(
        [
            "At the end of summer term 2025/26, 3 of the 4 people in post were assessed; 1 was not.",
            "Only 3 people were assessed: with fewer than 5, one person more or less moves the mean and the shares a lot, so read them with care.",
            "The mean stage was 3.7; 67% of those assessed were at stages 3 to 5 and 33% at stages 5 to 6.",
            "1 person was still below stage 3, at stage 2 (Non-negotiables met): stage 3 (Establishing) is the next to secure with them.",
            "Since the first six weeks, 2 people moved up a stage and nobody moved down.",
            "Since the first six weeks, the mean stage rose from 3.3 to 3.7.",
            "The share at stages 3 to 5 stayed at 67% and the share at stages 5 to 6 stayed at 33%.",
        ], ProfilePage.Paragraphs(page, "in-year-sentences"));
        Assert.Equal(["3 (few)", "3.3", "67%", "33%"], ProfilePage.Row(page, "progressive-table", "First six weeks"));
        Assert.Equal(["", "+0.4", "0 points", "0 points"], ProfilePage.Row(page, "progressive-table", "Change,"));

        // movement defaults to the last two checkpoints due: the end of spring term (C at 1, A at 4) against the end of summer
        Assert.Equal(["0", "0", "1", "0", "0", "0", "0"], ProfilePage.Row(page, "movement-table", "1"));
        Assert.Equal(["0", "0", "0", "0", "1", "0", "0"], ProfilePage.Row(page, "movement-table", "4"));
        Assert.Equal("1", ProfilePage.SummaryList(page, "movement-totals")["Moved up"]);
        Assert.Equal("1", ProfilePage.SummaryList(page, "movement-totals")["Stayed at the same stage"]);

        // year on year at the end of summer term: 2024/25 had only A, at stage 2
        Assert.Equal(["2024/25 18 Jul 2025", "2025/26 17 Jul 2026"], ProfilePage.RowHeaders(page, "year-on-year-table"));
        Assert.Equal("At the end of summer term 2025/26, the mean stage was 3.7, up from 2.0 in 2024/25.",
            ProfilePage.Paragraphs(page, "year-on-year-sentences")[0]);
    }

    [SkippableFact]
    public async Task Get_TrustViewAsItsTrustAdmin_ShowsEachSchoolAndTheWholeTrust()
    {
        // Arrange: two schools with the same worked example
        var trust = await Data.CreateTrustAsync();
        var first = await ProfileScenario.CreateAsync(App, trust);
        var second = await ProfileScenario.CreateAsync(App, trust);
        await second.AssessAsync(App, second.E, 1, 6);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        var page = await ProfilePage.GetAsync(client, $"/trusts/{trust.Code}/profile?year=2025&checkpoint=1");

        // Assert: stages 0-6, not assessed, in post, assessed, mean stage, share at 3-5
        var rows = page.QuerySelectorAll("#trust-table tbody tr[data-urn]").Select(r => r.GetAttribute("data-urn")).ToList();
        Assert.Equal([first.School.Urn.ToString(), second.School.Urn.ToString()], rows.Order());
        Assert.Equal(["0 (0%)", "0 (0%)", "1 (25%)", "1 (25%)", "0 (0%)", "1 (25%)", "0 (0%)", "1 (25%)", "4", "3 (few)", "3.3", "67%"],
            ProfilePage.Row(page, "trust-table", first.School.Name));
        Assert.Equal(["0 (0%)", "0 (0%)", "1 (25%)", "1 (25%)", "0 (0%)", "1 (25%)", "1 (25%)", "0 (0%)", "4", "4 (few)", "4.0", "50%"],
            ProfilePage.Row(page, "trust-table", second.School.Name));
        Assert.Equal(["0 (0%)", "0 (0%)", "2 (25%)", "2 (25%)", "0 (0%)", "2 (25%)", "1 (13%)", "1 (13%)", "8", "7", "3.7", "57%"],
            ProfilePage.Row(page, "trust-table", "Whole trust"));
        Assert.NotNull(page.QuerySelector($"#trust-table a[href^='/schools/{first.School.Urn}/profile']"));
        var chart = JsonDocument.Parse(page.QuerySelector("script[data-chart='trust-chart']")!.TextContent).RootElement;
        Assert.Equal(3, chart.GetProperty("labels").GetArrayLength());
    }

    [SkippableFact]
    public async Task Get_TrustViewAsALeaderOfOneOfItsSchools_IsForbidden()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var s = await ProfileScenario.CreateAsync(App, trust);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        using var response = await client.GetAsync($"/trusts/{trust.Code}/profile");
        using var unknown = await client.GetAsync($"/trusts/NO-SUCH-{TestData.Unique()}/profile");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
