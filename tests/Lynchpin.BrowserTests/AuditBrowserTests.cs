using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// The audit trail in the browser: the head reads a teaching assistant's appraisal; the trust admin finds that read on
/// the audit page from the menu, filtered by kind and by who, and downloads the rows as CSV. axe and screenshots at 1280
/// and 375 px.
/// </summary>
public class AuditBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task TrustAdmin_FindsTheHeadsReadOfAnAppraisal_AndDownloadsIt() => RunAsync(async page =>
    {
        // Arrange: the head opens the teaching assistant's appraisal in her own browser.
        int taId;
        await using (var scope = Browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            taId = await db.Users.Where(u => u.Email == DemoData.TeachingAssistantEmail).Select(u => u.StaffMemberId!.Value).SingleAsync();
        }
        await using (var headContext = await Browser.NewContextAsync())
        {
            var head = await headContext.NewPageAsync();
            await SignInAsDemoUserAsync(head, DemoData.HeadEmail);
            await head.GotoAsync($"/staff/{taId}/appraisal");
        }

        // Act: the trust admin opens the audit trail and narrows it to reads by the head.
        await SignInAsDemoUserAsync(page, DemoData.TrustAdminEmail);
        await (await MenuLinkAsync(page, "Audit")).ClickAsync();
        await page.WaitForURLAsync($"**/trusts/{DemoData.TrustCode}/audit");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "audit-trail-1280");
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Value = "reads" });
        await page.GetByLabel("Who (email)").FillAsync(DemoData.HeadEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("Kind=reads", StringComparison.OrdinalIgnoreCase));

        // Assert: the read is there, with the page it was on and the channel.
        var row = page.Locator($"#audit tbody tr[data-action='{AuditActions.AppraisalRead}']").First;
        Assert.Contains(DemoData.HeadEmail, await row.InnerTextAsync());
        Assert.Contains("Appraisal page", await row.InnerTextAsync());
        Assert.Contains("Page", await row.InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "audit-trail-filtered-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "audit-trail-filtered-375");

        // Act and assert: the same rows as a CSV file.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#audit-csv").ClickAsync());
        Assert.StartsWith($"audit-{DemoData.TrustCode}-", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("at_utc,actor,", csv, StringComparison.Ordinal);
        Assert.Contains($"{DemoData.HeadEmail},", csv, StringComparison.Ordinal);
        Assert.Contains(AuditActions.AppraisalRead, csv, StringComparison.Ordinal);
    });
}
