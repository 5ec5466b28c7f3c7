using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Core.Progression;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// What a school does in its first week, in a browser on the demo trust: a count on the profile opens the names behind
/// it, a line manager records her team's stages in one page, and each person's home page lists their work.
/// Screenshots at 1280 and 375 px; no page scrolls sideways on a phone.
/// </summary>
public class FirstWeekBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Head_OpensACountOnTheProfile_SeesThePeopleBehindIt() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/profile");
        await SaveScreenshotAsync(page, "firstweek-profile-1280");
        var count = page.Locator("#checkpoint-table tbody a").First;
        var shown = (await count.InnerTextAsync()).Trim();
        var people = int.Parse(shown.Split(' ')[0]);

        // Act
        await count.ClickAsync();
        await page.Locator("#people-heading").WaitForAsync();

        // Assert: as many names as the count said, each a link to the person's progression
        Assert.Equal(people, await page.Locator("#people-table tbody tr").CountAsync());
        Assert.EndsWith("/progression", new Uri(new Uri(page.Url), await page.Locator("#people-table tbody tr a").First.GetAttributeAsync("href")).AbsolutePath);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "firstweek-people-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "firstweek-people-375");
        await page.GoBackAsync();
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "firstweek-profile-375");
    });

    [SkippableFact]
    public Task LineManager_RecordsHerTeamsStagesInOnePage() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.LineManagerEmail);
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/profile");
        await page.Locator("#record-stages").ClickAsync();
        await page.Locator("#record-table").WaitForAsync();
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "firstweek-record-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "firstweek-record-375");
        var row = page.Locator("#record-table tbody tr").First;
        var staffId = int.Parse((await row.GetAttributeAsync("data-staff-id"))!);
        var select = row.Locator("select");
        var stage = await select.InputValueAsync() == "5" ? "4" : "5";
        var checkpoint = int.Parse(await page.Locator("#checkpoint").InputValueAsync());
        var year = int.Parse(await page.Locator("#year").InputValueAsync());

        // Act: one row changed, the rest left as they were
        await select.SelectOptionAsync(stage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save all stages" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();

        // Assert
        Assert.Equal($"1 stage is recorded for the {SchoolYear.CheckpointName(checkpoint).ToLowerInvariant()}, {SchoolYear.Name(year)}.",
            (await page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading").InnerTextAsync()).Trim());
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        Assert.Equal(int.Parse(stage), await db.Assessments.Where(a => a.StaffMemberId == staffId && a.Year == year && a.Checkpoint == checkpoint && a.IsCurrent)
            .Select(a => a.Stage).SingleAsync());
        Assert.Equal(stage, await page.Locator($"#record-table tr[data-staff-id='{staffId}'] select").InputValueAsync());
    });

    [SkippableFact]
    public Task Head_LineManagementTree_IsIndentedAndFolds() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/line-management");
        var team = page.Locator("#line-management-tree details").First;
        var reports = team.Locator("ul").First;
        var root = page.Locator("#line-management-tree > ul > li").First;

        // Assert: a team's people sit to the right of their manager
        var (rootBox, teamBox) = (await root.BoundingBoxAsync(), await reports.Locator("li").First.BoundingBoxAsync());
        Assert.True(teamBox!.X > rootBox!.X + 10, $"The team starts at {teamBox.X} px, its manager at {rootBox.X} px");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "firstweek-line-management-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "firstweek-line-management-375");

        // Act: fold the first team away
        await team.Locator("summary").First.ClickAsync();

        // Assert
        Assert.False(await reports.IsVisibleAsync());
    });

    [SkippableTheory]
    [InlineData(DemoData.HeadEmail, "head")]
    [InlineData(DemoData.LineManagerEmail, "senco")]
    [InlineData(DemoData.TeachingAssistantEmail, "ta")]
    public Task DemoUser_HomePage_IsTheirToDoList(string email, string who) => RunAsync(async page =>
    {
        // Act
        await SignInAsDemoUserAsync(page, email);
        await page.GotoAsync("/");

        // Assert: the to-do list comes first, and the page reads on a phone
        Assert.Equal("Your to-do list", (await page.Locator("#to-do").InnerTextAsync()).Trim());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, $"firstweek-home-{who}-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, $"firstweek-home-{who}-375");
    });
}
