using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Conditions;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// "Do you need to improve the conditions?" (issue 18 item 4) in a browser: the head opens Northfield's conditions review
/// from the profile, finds the time set aside for triads amber with its note, and sets a target for pastoral staff's CPD.
/// </summary>
public class ConditionsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Head_OpensTheConditionsReview_SeesCoachingTimeAmber_AndSetsATarget() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/profile");

        // Act: from the profile's seventh question to the review
        await page.Locator("#conditions-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/conditions", StringComparison.Ordinal));

        // Assert: the triads' time is amber, with the head's note, and the rule is on the page
        var triad = await page.Locator($"#indicator-{ConditionsIndicators.TriadTime}").InnerTextAsync();
        Assert.Contains("Amber", triad, StringComparison.Ordinal);
        Assert.Contains("42 minutes", triad, StringComparison.Ordinal);
        Assert.Contains(DemoConditions.TriadNote, triad, StringComparison.Ordinal);
        Assert.Contains("Amber: below the target", await page.Locator("#rag-rule").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2025/26", await page.Locator("#year-on-year-table thead").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "conditions-review");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "conditions-review-375");

        // Act: set a target for pastoral staff's CPD hours
        await page.Locator($"#indicator-{ConditionsIndicators.CpdPastoral} th a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(ConditionsIndicators.CpdPastoral, StringComparison.Ordinal));
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "conditions-indicator");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "conditions-indicator-375");
        await page.Locator("#Input_Target").FillAsync("12");
        await page.Locator("#Input_Actions").FillAsync("Book the pastoral team onto the attendance course in the spring.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Assert: back on the review with the target beside the measurement
        await page.WaitForURLAsync(url => !url.Contains(ConditionsIndicators.CpdPastoral, StringComparison.Ordinal));
        var pastoral = await page.Locator($"#indicator-{ConditionsIndicators.CpdPastoral}").InnerTextAsync();
        Assert.Contains("12 hours", pastoral, StringComparison.Ordinal);
        Assert.Contains("attendance course", pastoral, StringComparison.Ordinal);
        Assert.Contains("target, notes and actions saved", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
    });
}
