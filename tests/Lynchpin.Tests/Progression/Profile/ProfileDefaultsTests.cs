using System.Net;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Tests.Observations.Recording;

namespace Lynchpin.Tests.Progression.Profile;

/// <summary>The app on 5 January 2026, mid 2025/26: the first six weeks and the end of autumn term are due, spring and summer not.</summary>
public abstract class MidYearAppFactory(DatabaseProvider provider) : ClockAppFactory(provider, ProfileDefaultsTests.Now);

public sealed class SqliteMidYearAppFactory() : MidYearAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresMidYearAppFactory() : MidYearAppFactory(DatabaseProvider.Postgres);

/// <summary>
/// What the profile pages default to mid-year and the lists behind their counts, on <see cref="ProfileScenario"/> seen on
/// 5 January 2026: its spring and summer assessments are early ones, for checkpoints not yet due.
/// </summary>
public abstract class ProfileDefaultsTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    public sealed class Sqlite(SqliteMidYearAppFactory app) : ProfileDefaultsTests(app), IClassFixture<SqliteMidYearAppFactory>;

    public sealed class Postgres(PostgresMidYearAppFactory app) : ProfileDefaultsTests(app), IClassFixture<PostgresMidYearAppFactory>;

    [SkippableFact]
    public async Task Get_SchoolProfileMidYear_ComparesTheLastTwoDueCheckpointsAndNeverCallsAFutureOneNotAssessed()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        var page = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025");

        // Assert: spring and summer are not yet due, whoever was assessed early for them
        Assert.Equal(["1 (25%)", "1 (20%)", "Not yet due", "Not yet due"], ProfilePage.Row(page, "checkpoint-table", "Not assessed"));
        // movement: first six weeks against the end of autumn term (A 3→3, B 2→4, D 5→4), not 1→4
        Assert.Equal("1", page.QuerySelector("#from option[selected]")!.GetAttribute("value"));
        Assert.Equal("2", page.QuerySelector("#to option[selected]")!.GetAttribute("value"));
        Assert.Equal(new Dictionary<string, string> { ["Moved up"] = "1", ["Stayed at the same stage"] = "1", ["Moved down"] = "1", ["Assessed at both"] = "3" },
            ProfilePage.SummaryList(page, "movement-totals"));
        // the sentences speak of the end of autumn term, flag the small number, name C's stage, and set the early ones apart
        var sentences = ProfilePage.Paragraphs(page, "in-year-sentences");
        Assert.Equal("At the end of autumn term 2025/26, 4 of the 5 people in post were assessed; 1 was not.", sentences[0]);
        Assert.StartsWith("Only 4 people were assessed: with fewer than 5", sentences[1]);
        Assert.Contains("1 person was still below stage 3, at stage 0 (Not yet through the mandatory requirements): stage 1 (Mandatory requirements met) is the next to secure with them.", sentences);
        Assert.Contains("2 people were assessed early for the end of spring term, which is not due until 27 March 2026; the sentences above do not count them.", sentences);
    }

    [SkippableFact]
    public async Task Get_SchoolProfileWithOneCheckpointDue_ShowsNoEmptyMovementGrid()
    {
        // Arrange: 2025/26 seen on 5 January 2026 with the end of autumn term moved after today
        var s = await ProfileScenario.CreateAsync(App);
        await Data.WithDbAsync(async db =>
        {
            db.CheckpointDates.AddRange(
                new CheckpointDate { SchoolId = s.School.Id, Year = 2025, Checkpoint = 1, Date = new DateOnly(2025, 10, 10) },
                new CheckpointDate { SchoolId = s.School.Id, Year = 2025, Checkpoint = 2, Date = new DateOnly(2026, 1, 9) },
                new CheckpointDate { SchoolId = s.School.Id, Year = 2025, Checkpoint = 3, Date = new DateOnly(2026, 3, 27) },
                new CheckpointDate { SchoolId = s.School.Id, Year = 2025, Checkpoint = 4, Date = new DateOnly(2026, 7, 17) });
            return await db.SaveChangesAsync();
        });
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        var page = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025");

        // Assert
        Assert.Null(page.GetElementById("movement-table"));
        Assert.Equal("Only the first six weeks is due so far: movement shows once the end of autumn term is due on 9 January 2026.",
            ProfilePage.Text(page.GetElementById("movement-sentence")));
    }

    [SkippableFact]
    public async Task Get_TrustProfileWithoutACheckpoint_DefaultsToTheLatestDueAtEverySchoolAndSaysHowManyWereAssessed()
    {
        // Arrange: two schools; the second has put its end of autumn term after today
        var trust = await Data.CreateTrustAsync();
        var first = await ProfileScenario.CreateAsync(App, trust);
        var second = await ProfileScenario.CreateAsync(App, trust);
        await Data.WithDbAsync(async db =>
        {
            db.CheckpointDates.Add(new CheckpointDate { SchoolId = second.School.Id, Year = 2025, Checkpoint = 2, Date = new DateOnly(2026, 1, 9) });
            return await db.SaveChangesAsync();
        });
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        var page = await ProfilePage.GetAsync(client, $"/trusts/{trust.Code}/profile?year=2025");
        var autumn = await ProfilePage.GetAsync(client, $"/trusts/{trust.Code}/profile?year=2025&checkpoint=2");

        // Assert: the first six weeks, the latest checkpoint both schools have reached
        Assert.Equal("1", page.QuerySelector("#checkpoint option[selected]")!.GetAttribute("value"));
        var sentences = ProfilePage.Paragraphs(page, "trust-sentences");
        Assert.StartsWith("In the first six weeks of 2025/26, 6 of the 8 people in post across the trust were assessed: 3 of 4 at ", sentences[0]);
        Assert.Contains(sentences, t => t.StartsWith("Fewer than 5 people were assessed at ", StringComparison.Ordinal));
        // asked for the end of autumn term, the second school's is not yet due: not "not assessed"
        Assert.Contains(ProfilePage.Paragraphs(autumn, "trust-sentences"),
            t => t == $"The end of autumn term is not yet due at {second.School.Name} (9 January 2026): those not assessed there are not behind.");
        Assert.Equal("Not yet due", ProfilePage.Row(autumn, "trust-table", second.School.Name)[7]);
    }

    [SkippableFact]
    public async Task Get_ACountOnTheProfile_OpensThePeopleBehindIt()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        var profile = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025");
        var anchor = profile.QuerySelectorAll("#checkpoint-table tbody tr").Single(r => ProfilePage.Text(r.QuerySelector("th")).StartsWith("4 ", StringComparison.Ordinal))
            .QuerySelectorAll("td")[1].QuerySelector("a")!;
        Assert.Equal("2 (40%)", ProfilePage.Text(anchor));
        var link = anchor.GetAttribute("href")!;

        // Act: stage 4 at the end of autumn term is B (corrected from 3) and D
        var page = await ProfilePage.GetAsync(client, link);

        // Assert
        Assert.Equal("At stage 4 (Consolidating) at the end of autumn term 2025/26", ProfilePage.Text(page.GetElementById("people-heading")));
        Assert.Equal([s.B.Id, s.D.Id], People(page).Order());
    }

    [SkippableFact]
    public async Task Get_PeopleAsALineManager_ListsOnlyTheirTeamWhateverTheQuerySays()
    {
        // Arrange: A manages B, who manages C; D is outside A's team
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.A));

        // Act
        var stage4 = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile/people?year=2025&checkpoint=2&stage=4&team={s.D.Id}");
        var notAssessed = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile/people?year=2025&checkpoint=3&stage=none");

        // Assert
        Assert.Equal([s.B.Id], People(stage4));
        Assert.Equal([s.B.Id], People(notAssessed)); // B had no spring assessment; E, not assessed either, is not in A's team
    }

    [SkippableFact]
    public async Task Get_PeopleForAMovementCell_ListsThoseWhoMadeThatMove()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        var profile = await ProfilePage.GetAsync(client, $"/schools/{s.School.Urn}/profile?year=2025&from=1&to=2");
        var links = profile.QuerySelectorAll("#movement-table a").Select(a => a.GetAttribute("href")!).ToList();

        // Act: B moved from 2 to 4
        var page = await ProfilePage.GetAsync(client, links.Single(l => l.Contains("fromStage=2", StringComparison.Ordinal)));

        // Assert: one link per non-zero cell (A 3→3, B 2→4, D 5→4), and B behind hers
        Assert.Equal(3, links.Count);
        Assert.Equal([s.B.Id], People(page));
        Assert.Equal("From stage 2 (Non-negotiables met) at the first six weeks to stage 4 (Consolidating) at the end of autumn term 2025/26",
            ProfilePage.Text(page.GetElementById("people-heading")));
    }

    [SkippableFact]
    public async Task Get_PeopleWithAStageThatIsNotOne_IsABadRequestWithTheError()
    {
        // Arrange
        var s = await ProfileScenario.CreateAsync(App);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/profile/people?year=2025&checkpoint=2&stage=9");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Select a stage from 0 to 6", await Html.ErrorSummaryAsync(response));
    }

    private static IReadOnlyList<int> People(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#people-table tbody tr").Select(r => int.Parse(r.GetAttribute("data-staff-id")!)).ToList();
}
