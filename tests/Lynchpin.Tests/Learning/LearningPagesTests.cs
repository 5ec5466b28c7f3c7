using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Learning;

/// <summary>
/// The learning community's pages over HTTP, on the scenario of <see cref="LearningCommunityTests"/>: the leaders' roles
/// page, who can learn from whom on a person's progression page, and beside the profile's people held at a stage.
/// </summary>
public abstract class LearningPagesTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : LearningPagesTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : LearningPagesTests(app), IClassFixture<PostgresAppFactory>;

    private static string RolesUrl(School school) => $"/schools/{school.Urn}/learning-community";

    [SkippableFact]
    public async Task Get_RolesPage_ListsHoldersWithTheirStageAndFlags()
    {
        // Arrange
        var s = await LearningCommunityTests.CreateAsync(App, Data);
        using var head = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.North));

        // Act
        var page = await PageAssert.OkAsync(await head.GetAsync(RolesUrl(s.North)));

        // Assert
        var rows = page.QuerySelectorAll("#holders-table tbody tr");
        Assert.Equal(["Cal Coach", "Pat Newcoach", "Ann Lead"], rows.Select(r => r.QuerySelector("td a")!.TextContent.Trim()));
        Assert.Contains("More than 6", PageAssert.Text(rows[0].QuerySelector("[data-coachees]")));
        Assert.Contains("Stage 3 Below stage 4 expected", PageAssert.Text(rows[1].QuerySelector("[data-stage]")));
        Assert.Equal("Stage 5", PageAssert.Text(rows[2].QuerySelector("[data-stage]")));
        Assert.Contains($"Learning lead for '{LearningCommunityTests.Shares}' (stage 4, everyone)", rows[2].TextContent);
    }

    [SkippableFact]
    public async Task Post_Give_AddsTheRole_AndWithoutAChoiceShowsTheErrorsAndSavesNothing()
    {
        // Arrange
        var s = await LearningCommunityTests.CreateAsync(App, Data);
        using var head = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.North));
        var uri = new Uri(head.BaseAddress!, RolesUrl(s.North));
        var form = Html.FormWithField(await PageAssert.OkAsync(await head.GetAsync(uri)), "Input.Kind");
        var values = Html.FormValues(form);

        // Act
        values["Input.StaffMemberId"] = "";
        using var refused = await Html.SubmitAsync(head, form, values, uri);
        values["Input.StaffMemberId"] = s.Oli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["Input.Kind"] = nameof(LearningRoleKind.LearningLead);
        values["Input.CriterionId"] = LearningCommunityTests.FeedbackId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var given = await Html.SubmitAsync(head, form, values, uri);

        // Assert
        await PageAssert.FormErrorsAsync(refused, "Input_StaffMemberId", "Input_Kind");
        PageAssert.RedirectsTo(given, RolesUrl(s.North));
        var role = await Data.WithDbAsync(db => db.LearningRoles.AsNoTracking().SingleAsync(r => r.StaffMemberId == s.Oli.Id));
        Assert.Equal((LearningRoleKind.LearningLead, LearningCommunityTests.Feedback, "Head"),
            (role.Kind, role.CriterionText, role.GivenByName.Length > 0 ? "Head" : ""));
    }

    [SkippableFact]
    public async Task Get_PersonsProgression_ShowsWhoCanHelpAndWhy_WithAPeerVisitForThemAndACoachLinkForLeaders()
    {
        // Arrange
        var s = await LearningCommunityTests.CreateAsync(App, Data);
        using var lea = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Lea));
        using var head = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.North));
        var url = $"/staff/{s.Lea.Id}/progression";

        // Act
        var own = await PageAssert.OkAsync(await lea.GetAsync(url));
        var leaders = await PageAssert.OkAsync(await head.GetAsync(url));

        // Assert
        var shares = own.QuerySelector($"#learn-from-list > li[data-criterion='{LearningCommunityTests.Shares}']");
        Assert.NotNull(shares);
        Assert.Contains($"Ann Lead met '{LearningCommunityTests.Shares}' at stage 5 and leads it.", PageAssert.Text(shares));
        var ownLinks = own.QuerySelectorAll("#learn-from-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(ownLinks.Contains($"/observations/records/new?observee={s.Ann.Id}"), string.Join(" ", ownLinks));
        Assert.DoesNotContain(own.QuerySelectorAll("#learn-from-list a"), a => a.GetAttribute("href")!.Contains("/edit", StringComparison.Ordinal));
        Assert.Contains(leaders.QuerySelectorAll("#learn-from-list a"), a => a.GetAttribute("href") == $"/staff/{s.Lea.Id}/edit#Input_CoachId");
        Assert.DoesNotContain(leaders.QuerySelectorAll("#learn-from-list a"), a => a.GetAttribute("href")!.StartsWith("/observations", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Post_Withdraw_TheLeadWithdrawsTheirOwnOffer()
    {
        // Arrange
        var s = await LearningCommunityTests.CreateAsync(App, Data);
        using var ann = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Ann));
        var uri = new Uri(ann.BaseAddress!, $"/staff/{s.Ann.Id}/progression");
        var page = await PageAssert.OkAsync(await ann.GetAsync(uri));
        var form = Html.FormWithField(page, "roleId");

        // Act
        using var response = await Html.SubmitAsync(ann, form, Html.FormValues(form), uri);

        // Assert
        PageAssert.RedirectsTo(response, $"/staff/{s.Ann.Id}/progression#learn-from");
        Assert.False(await Data.WithDbAsync(db => db.LearningRoles.AnyAsync(r => r.StaffMemberId == s.Ann.Id)));
    }

    [SkippableFact]
    public async Task Get_ProfilePage_AHeldPersonIsShownWhoCouldHelp()
    {
        // Arrange: Lea at stage 3 at checkpoint 4 of 2024/25 and checkpoints 1 and 2 of 2025/26
        var s = await LearningCommunityTests.CreateAsync(App, Data);
        var basics = LearningCommunityTests.UpToStageTwo(RoleFamily.Teaching);
        await LearningCommunityTests.AssessAsync(App, s.Lea, 3, basics, 2024, 4);
        await LearningCommunityTests.AssessAsync(App, s.Lea, 3, basics, 2025, 1);
        using var head = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.North));

        // Act
        var page = await PageAssert.OkAsync(await head.GetAsync($"/schools/{s.North.Urn}/profile?year=2025&checkpoint=2"));

        // Assert: the school's own colleagues, a learning lead first
        var row = Assert.Single(page.QuerySelectorAll("#held-table tbody tr"));
        var help = PageAssert.Text(row.QuerySelector("[data-could-help]"));
        Assert.StartsWith($"Ann Lead met '{LearningCommunityTests.Shares}' at stage 5 and leads it.", help, StringComparison.Ordinal);
        Assert.Contains("Cal Coach met", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Xan", help, StringComparison.Ordinal);
    }
}
