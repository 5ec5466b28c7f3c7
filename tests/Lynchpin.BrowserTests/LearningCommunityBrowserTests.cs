using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// The learning community (issue 18 item 2) in a browser: the head gives a learning-lead role on the roles page, and a
/// person held at stage 3 is shown who could help them and why. The role is taken back at the end, as other tests share
/// the demo.
/// </summary>
public class LearningCommunityBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Feedback = "Uses feedback from coaching conversations to improve practice";
    private const string Shares = "Shares effective practice with colleagues in the learning community";

    [SkippableFact]
    public Task Head_GivesALearningLeadRole_AndAHeldPersonIsShownWhoCouldHelpAndWhy() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Learning community roles" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/learning-community", StringComparison.Ordinal));
        Assert.Contains("Fatima Begum", await page.Locator("#holders-table").InnerTextAsync(), StringComparison.Ordinal);

        // Act: Rajesh Patel agrees to share how he uses coaching feedback
        await page.Locator("#Input_StaffMemberId").SelectOptionAsync(new SelectOptionValue { Label = "Rajesh Patel (Second in Mathematics)" });
        await page.Locator("#Input_Kind").SelectOptionAsync(new SelectOptionValue { Label = "Learning lead" });
        await page.Locator("#Input_CriterionId").SelectOptionAsync(new SelectOptionValue { Label = $"Stage 3, everyone: {Feedback}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Give the role" }).ClickAsync();

        // Assert: the role is listed with his stage now
        Assert.Contains("Rajesh Patel is now a learning lead", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        var given = page.Locator("#holders-table tbody tr", new() { HasText = "Rajesh Patel" }).Filter(new() { HasText = Feedback });
        Assert.Contains("Stage", await given.Locator("[data-stage]").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "learning-community-roles");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "learning-community-roles-phone");

        // And a person held at stage 3 on the profile is shown who could help, and why, on their progression page
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/profile");
        if (await page.Locator("#held-details").CountAsync() > 0)
        {
            await page.Locator("#held-details summary").ClickAsync();
        }
        var held = page.Locator("#held-table tbody tr").Filter(new() { Has = page.Locator("td:nth-child(2)", new() { HasTextString = "3" }) }).First;
        Assert.Contains("leads it", await held.Locator("[data-could-help]").InnerTextAsync(), StringComparison.Ordinal);
        var person = await held.Locator("td").First.Locator("a").GetAttributeAsync("href");
        await page.GotoAsync($"{person}/progression");
        var shares = page.Locator("#learn-from-list > li", new() { HasText = Shares });
        Assert.Contains($"Fatima Begum met '{Shares}'", await shares.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("and leads it.", await shares.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#learn-from").ScrollIntoViewIfNeededAsync();
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "learning-community-who-could-help");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "learning-community-who-could-help-phone");

        // Put the demo back for the other tests.
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/learning-community");
        await page.Locator("#holders-table tbody tr", new() { HasText = "Rajesh Patel" }).Filter(new() { HasText = Feedback })
            .GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains("taken back", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
    });
}
