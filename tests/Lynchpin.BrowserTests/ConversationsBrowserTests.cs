using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// A professional conversation (issue 18 item 1) in a browser: at phone width a coach (Laura Hughes, second in English at
/// Northfield) opens her coachee Grace O'Neill from her own page, records a conversation and sees it listed; the head then
/// opens Grace's conversations and sees its date, never its words.
/// </summary>
public class ConversationsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Coach_RecordsAConversationAtPhoneWidth_AndTheHeadSeesTheDateNotTheWords() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(375, 812);
        var (email, password) = await Browser.CreateUserAsync(UserRole.Staff, schoolUrn: DemoData.SecondaryUrn, staffRef: "NA019");
        await SignInAsync(page, email, password);
        var words = $"Use mini whiteboards for hinge questions in Year 8 ({Guid.NewGuid().ToString("N")[..6]})";

        // Act: home, her own page, her coachee's conversations, the form
        await page.GetByRole(AriaRole.Link, new() { Name = "Laura Hughes" }).ClickAsync();
        await page.Locator("#coachees").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Conversations of Grace O'Neill" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Professional conversations" }).WaitForAsync();
        var conversations = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a conversation" }).ClickAsync();
        await page.Locator("#conversation-form").WaitForAsync();
        Assert.True(await page.Locator("#Input_CoachTookPart").IsCheckedAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "conversation-form-375");
        await page.Locator("#Input_CriterionId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        // Two foci are one too many: the form says so and keeps the typing.
        await page.Locator("#Input_Focus").FillAsync("Questioning");
        await page.Locator("#Input_Agreed").FillAsync(words);
        await page.Locator("#Input_NextStep").FillAsync("Visit Fatima Begum's Year 8 lesson");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save conversation" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Equal(words, await page.Locator("#Input_Agreed").InputValueAsync());
        await page.Locator("#Input_Focus").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save conversation" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/record", StringComparison.Ordinal));

        // Assert: listed first, with her words
        var first = page.Locator("[data-conversation]").First;
        Assert.Contains(words, await first.Locator("[data-field='agreed']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Visit Fatima Begum", await first.Locator("[data-field='next-step']").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "conversations-coach-375");
        await page.SetViewportSizeAsync(1280, 900);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "conversations-coach-1280");

        // The head: the date, not the words
        await page.Context.ClearCookiesAsync();
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync(conversations);
        var dates = await page.Locator("#conversation-dates").InnerTextAsync();
        Assert.Contains(DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), dates, StringComparison.Ordinal);
        Assert.DoesNotContain(words, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-conversation]").CountAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "conversations-head-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "conversations-head-375");
    });
}
