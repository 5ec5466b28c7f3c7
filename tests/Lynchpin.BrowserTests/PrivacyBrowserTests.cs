using System.IO.Compression;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// Issue 11's privacy journeys in the browser: a person downloads everything held about them; a trust admin sets the
/// retention periods, places a legal hold and lifts it. axe and screenshots at 1280 and 375 px.
/// </summary>
public class PrivacyBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task TeachingAssistant_DownloadsHerData_TheZipHoldsHerRecordsCareerCpdAndPay() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.TeachingAssistantEmail);

        // Act: her account page, from the header's account link, then the download.
        await page.GotoAsync("/account");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "own-data-account-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "own-data-account-375");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download everything held about me" }).ClickAsync());

        // Assert
        Assert.Matches(@"^lynchpin-data-kayleigh-brooks-\d{4}-\d{2}-\d{2}\.zip$", download.SuggestedFilename);
        using var zip = ZipFile.OpenRead((await download.PathAsync())!);
        var files = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
        foreach (var kind in new[] { "staff-record", "assessments", "qualifications", "cpd-activities", "cpd-requests", "cpd-evaluations", "pay-records",
            "calendar-feeds", "account", "sessions", "audit" })
        {
            Assert.Contains($"{kind}.csv", files.Keys);
            Assert.Contains($"{kind}.json", files.Keys);
        }
        Assert.Contains("Kayleigh", files["staff-record.csv"]);
        Assert.Contains("HLTA", files["qualifications.csv"]);
        Assert.True(files["cpd-activities.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, "Her CPD is in the file");
        Assert.True(files["pay-records.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, "Her pay is in the file");
        Assert.Contains(DemoData.TeachingAssistantEmail, files["account.csv"]);
        Assert.DoesNotContain(DemoData.HeadEmail, files["account.csv"]);

        // The summary reads as a page of its own, with no accessibility faults either.
        await page.SetContentAsync(files["summary.html"]);
        Assert.Contains("Data held about Kayleigh Brooks", await page.Locator("h1").InnerTextAsync());
        await SaveScreenshotAsync(page, "own-data-summary-1280");
    });

    [SkippableFact]
    public Task TrustAdmin_SetsARetentionPeriod_PlacesALegalHoldAndLiftsIt() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.TrustAdminEmail);
        await page.GotoAsync("/accounts");

        // Act: from the accounts page to the trust's retention page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Retention and legal holds" }).ClickAsync();
        await page.WaitForURLAsync($"**/trusts/{DemoData.TrustCode}/retention");
        await AssertNoAxeViolationsAsync(page);

        // A period out of range comes back with the error summary, then a good one saves.
        await page.GetByLabel("Observation notes: years after the observation").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save periods" }).ClickAsync();
        Assert.Contains("between 1 and 50", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "retention-error-1280");
        await page.GetByLabel("Observation notes: years after the observation").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save periods" }).ClickAsync();
        Assert.Contains("Retention periods saved", await page.Locator("main").InnerTextAsync());
        Assert.Equal("4", await page.GetByLabel("Observation notes: years after the observation").InputValueAsync());

        // Place a hold on the teaching assistant.
        var person = page.GetByLabel("Whose records to hold");
        var option = await person.Locator("option", new() { HasText = "Brooks, Kayleigh" }).First.GetAttributeAsync("value");
        await person.SelectOptionAsync(option!);
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Employment tribunal claim, 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place hold" }).ClickAsync();

        // Assert
        var row = page.Locator("#hold-list tbody tr", new() { HasText = "Kayleigh Brooks" });
        Assert.Contains("Employment tribunal claim, 2026", await row.InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "retention-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "retention-375");

        // Act and assert: lift it (the demo is as it was, but for the period of 4 years).
        await row.GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains("Legal hold lifted", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#hold-list tbody tr", new() { HasText = "Kayleigh Brooks" }).CountAsync());
    });
}
