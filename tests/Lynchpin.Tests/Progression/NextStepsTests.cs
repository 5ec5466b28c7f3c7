using System.Net;
using System.Text.Json.Nodes;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Api;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Progression;

/// <summary>
/// "What can you do to improve it?" (issue 18 item 3) at checkpoint 2 of 2025/26 (19 Dec 2025), whose two checkpoints
/// before are checkpoint 1 of 2025/26 and checkpoint 4 of 2024/25 (across the year boundary). Latest versions count.
/// <code>
///                              2024 cp4   2025 cp1      2025 cp2     held?
/// A teacher, coach G             3          3             3            yes (across the year boundary)
/// B TA                           3          3             2, then 3    yes (cp2 corrected to 3)
/// C TA                           3          3             3, then 4    no  (cp2 corrected to 4)
/// D teacher                      –          3             3            no  (nothing at 2024 cp4)
/// E teacher, left 30 Nov 2025    3          3             3            no  (not in post on 19 Dec)
/// F teacher                      6          6             6            no  (the highest stage)
/// G pastoral (A's coach)         –          –             –            no  (not assessed)
/// </code>
/// </summary>
public abstract class NextStepsTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : NextStepsTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : NextStepsTests(app), IClassFixture<PostgresAppFactory>;

    private sealed record Scenario(School School, StaffMember A, StaffMember B, StaffMember C, StaffMember D, StaffMember E, StaffMember F, StaffMember G);

    private async Task<Scenario> CreateAsync()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var g = await Data.CreateStaffAsync(school, RoleFamily.Pastoral, firstName: "Gail");
        var a = await Data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Ann", coach: g, lineManager: g);
        var b = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, firstName: "Bea");
        var c = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, firstName: "Cal");
        var d = await Data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Dev");
        var e = await Data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Eve", leavingDate: new DateOnly(2025, 11, 30));
        var f = await Data.CreateStaffAsync(school, RoleFamily.Teaching, firstName: "Fay");
        foreach (var person in new[] { a, b, c, e })
        {
            await AssessAsync(person, 2024, 4, 3);
            await AssessAsync(person, 2025, 1, 3);
        }
        await AssessAsync(a, 2025, 2, 3);
        await AssessAsync(b, 2025, 2, 2); await AssessAsync(b, 2025, 2, 3);
        await AssessAsync(c, 2025, 2, 3); await AssessAsync(c, 2025, 2, 4);
        await AssessAsync(d, 2025, 1, 3); await AssessAsync(d, 2025, 2, 3);
        await AssessAsync(e, 2025, 2, 3);
        await AssessAsync(f, 2024, 4, 6); await AssessAsync(f, 2025, 1, 6); await AssessAsync(f, 2025, 2, 6);
        return new Scenario(school, a, b, c, d, e, f, g);
    }

    private async Task AssessAsync(StaffMember person, int year, int checkpoint, int stage)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var on = SchoolYear.DefaultDate(year, checkpoint).AddDays(-3);
        await scope.ServiceProvider.GetRequiredService<AssessmentRecorder>()
            .RecordAsync(new AssessmentInput(person.Id, year, checkpoint, stage, on, null, [], null), new Recorder(null, "Test"));
    }

    private async Task<NextStepsResult> StepsAsync(School school, ProfileFilter? filter = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NextSteps>().ForSchoolAsync(school, 2025, 2, filter ?? ProfileFilter.Everyone);
    }

    [Theory]
    [InlineData(3, 3, 3, true)]
    [InlineData(0, 0, 0, true)]
    [InlineData(6, 6, 6, false)]
    [InlineData(3, 3, 2, false)]
    [InlineData(4, 3, 3, false)]
    [InlineData(3, 3, null, false)]
    [InlineData(null, 3, 3, false)]
    public void IsHeld_SameStageBelowSixAtThreeCheckpoints(int? now, int? before, int? twoBefore, bool held) =>
        Assert.Equal(held, NextSteps.IsHeld(now, before, twoBefore));

    [Theory]
    [InlineData(2025, 2, 2025, 1)]
    [InlineData(2025, 1, 2024, 4)]
    [InlineData(2025, 4, 2025, 3)]
    public void Previous_CheckpointOneFollowsTheYearBeforesFour(int year, int checkpoint, int beforeYear, int beforeCheckpoint) =>
        Assert.Equal((beforeYear, beforeCheckpoint), NextSteps.Previous(year, checkpoint));

    [SkippableFact]
    public async Task ForSchool_HeldAtStage_CountsLatestVersionsAcrossTheYearAndLeavesOutLeaversGapsAndStageSix()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        var steps = await StepsAsync(s.School);

        // Assert
        Assert.Equal((2025, 1), steps.Before);
        Assert.Equal((2024, 4), steps.TwoBefore);
        Assert.Equal([s.A.Id, s.B.Id], steps.HeldAtStage.Select(p => p.Id).Order());
        Assert.All(steps.HeldAtStage, p => Assert.Equal(3, p.Stage));
        Assert.Equal(s.G.FullName, steps.HeldAtStage.Single(p => p.Id == s.A.Id).CoachName);
    }

    [SkippableFact]
    public async Task ForSchool_WithoutCoachAndUnmetCriteria_NameThePeopleInPost()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        var steps = await StepsAsync(s.School);

        // Assert: everyone in post but A has no coach; E has left.
        Assert.Equal(new[] { s.B.Id, s.C.Id, s.D.Id, s.F.Id, s.G.Id }.Order(), steps.WithoutCoach.Select(p => p.Id).Order());
        Assert.NotEmpty(steps.UnmetCriteria);
        // Nobody assessed at 6 has criteria left; the most often unmet are listed first, each with its people.
        Assert.DoesNotContain(steps.UnmetCriteria, u => u.People.Any(p => p.Id == s.F.Id || p.Id == s.E.Id));
        Assert.Equal(steps.UnmetCriteria.Select(u => u.People.Count).OrderDescending(), steps.UnmetCriteria.Select(u => u.People.Count));
        var teachingAtThree = steps.UnmetCriteria.Where(u => u.RoleFamily == RoleFamily.Teaching && u.Stage == 3).ToList();
        Assert.NotEmpty(teachingAtThree);
        Assert.All(teachingAtThree, u => Assert.Equal([s.A.Id, s.D.Id], u.People.Select(p => p.Id).Order()));
        Assert.Empty(steps.BusyCoaches);
    }

    [SkippableFact]
    public async Task ForSchool_ALineManagersTeam_HoldsOnlyTheirPeople()
    {
        // Arrange
        var s = await CreateAsync();

        // Act
        var steps = await StepsAsync(s.School, new ProfileFilter(Team: [s.A.Id]));

        // Assert
        Assert.Equal([s.A.Id], steps.HeldAtStage.Select(p => p.Id));
        Assert.Empty(steps.WithoutCoach);
    }

    [SkippableFact]
    public async Task Get_NextStepsApi_AsTheLeaderAndAsALineManager_NamesTheirPeopleByStaffRef()
    {
        // Arrange
        var s = await CreateAsync();
        using var leader = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        using var manager = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.G));
        var url = $"/api/schools/{s.School.Urn}/profile/next-steps?year=2025&checkpoint=2";

        // Act
        using var asLeader = await leader.GetAsync(url);
        using var asManager = await manager.GetAsync(url);
        using var noCheckpoint = await leader.GetAsync($"/api/schools/{s.School.Urn}/profile/next-steps?year=2025");

        // Assert
        Assert.Equal(HttpStatusCode.OK, asLeader.StatusCode);
        var body = JsonNode.Parse(await asLeader.Content.ReadAsStringAsync())!;
        Assert.Equal(
            new[] { $"{s.A.StaffRef}:3", $"{s.B.StaffRef}:3" }.Order(),
            body["heldAtStage"]!.AsArray().Select(p => $"{(string)p!["staffRef"]!}:{(int)p["stage"]!}").Order());
        Assert.Equal(5, body["withoutCoach"]!.AsArray().Count);
        Assert.NotEmpty(body["unmetCriteria"]!.AsArray());
        var team = JsonNode.Parse(await asManager.Content.ReadAsStringAsync())!;
        Assert.Equal([s.A.StaffRef], team["heldAtStage"]!.AsArray().Select(p => (string)p!["staffRef"]!));
        await ApiAssert.ProblemAsync(noCheckpoint, HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task Get_ProfilePage_ShowsWhatCanBeDoneWithThePeopleAndALinkToAssignACoach()
    {
        // Arrange
        var s = await CreateAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        var page = await PageAssert.OkAsync(await client.GetAsync($"/schools/{s.School.Urn}/profile?year=2025&checkpoint=2"));

        // Assert
        Assert.Contains("2 people have been at the same stage", PageAssert.Text(page.QuerySelector("#held-sentence")));
        var rows = page.QuerySelectorAll("#held-table tbody tr");
        Assert.Equal(2, rows.Length);
        var bea = rows.Single(r => r.TextContent.Contains(s.B.FullName));
        Assert.Contains($"/staff/{s.B.Id}/edit#Input_CoachId", bea.QuerySelector("a[href*='/edit']")!.GetAttribute("href"));
        Assert.Contains("Assign a coach", bea.TextContent);
        Assert.Contains("Change the coach", rows.Single(r => r.TextContent.Contains(s.A.FullName)).TextContent);
        Assert.Equal(5, page.QuerySelectorAll("#without-coach-list li").Length);
        Assert.NotNull(page.QuerySelector("#unmet-table"));
    }
}
