using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// Issue 14: the head closes Northfield's finished 2025/26 appraisal cycle from the dashboard, after confirming, and finds
/// it read-only: the dashboard and a person's appraisal say who closed it and when, and offer nothing to change. She
/// reopens it at the end, as the demo had it.
/// </summary>
public class ClosedCycleBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>The demo's finished year (DemoAppraisals.CompletedYear).</summary>
    private const int Year = 2025;

    [SkippableFact]
    public Task Head_ClosesLastYearsCycle_AndSeesItReadOnly() => RunAsync(async page =>
    {
        // Arrange
        var (personId, cycleId) = await PersonInTheCycleAsync();
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/appraisal?year={Year}");
        try
        {
            // Act: the dashboard's link, then the confirmation
            await page.Locator("#close-cycle").ClickAsync();
            Assert.Equal("Close the 2025/26 appraisal cycle", (await page.Locator("h1").InnerTextAsync()).Trim());
            await AssertNoAxeViolationsAsync(page);
            await SaveScreenshotAsync(page, "closed-cycle-confirm");
            await page.GetByRole(AriaRole.Button, new() { Name = "Close the 2025/26 cycle" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{DemoData.SecondaryUrn}/appraisal");

            // Assert: the dashboard says so, with who and when, and offers only to reopen
            var banner = await page.Locator("#closed-cycle").InnerTextAsync();
            Assert.Contains("The 2025/26 appraisal cycle is closed", banner, StringComparison.Ordinal);
            Assert.Contains($"Rachel Whitfield closed it on {Dates.Long(SchoolClock.DateOf(DateTime.UtcNow))}", banner, StringComparison.Ordinal);
            Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Add people who joined since and change the due dates" }).CountAsync());
            Assert.True(await page.Locator("#reopen-cycle").IsVisibleAsync());
            await AssertNoAxeViolationsAsync(page);
            await SaveScreenshotAsync(page, "closed-cycle-dashboard");
            await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "closed-cycle-dashboard-375");

            // Assert: a person's appraisal of that year is read-only
            await page.GotoAsync($"/staff/{personId}/appraisal?year={Year}");
            Assert.True(await page.Locator("#closed-cycle").IsVisibleAsync());
            Assert.Equal(0, await page.Locator("#add-objective, #assign-link, #reopen-link, #agree-form").CountAsync());
            Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Change" }).CountAsync());
            await AssertNoAxeViolationsAsync(page);
            await SaveScreenshotAsync(page, "closed-cycle-person");
            await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "closed-cycle-person-375");

            // Act: reopen, from the dashboard
            await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/appraisal?year={Year}");
            await page.Locator("#reopen-cycle").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Reopen the 2025/26 cycle" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{DemoData.SecondaryUrn}/appraisal");

            // Assert
            Assert.Equal(0, await page.Locator("#closed-cycle").CountAsync());
            Assert.True(await page.Locator("#close-cycle").IsVisibleAsync());
        }
        finally
        {
            await ReopenAsync(cycleId);
        }
    });

    /// <summary>Someone at Northfield with an appraisal in the finished year, and that year's cycle.</summary>
    private async Task<(int PersonId, int CycleId)> PersonInTheCycleAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var appraisal = await db.Appraisals.Where(a => a.Cycle.School.Urn == DemoData.SecondaryUrn && a.Cycle.Year == Year && a.Objectives.Any())
            .OrderBy(a => a.Id).Select(a => new { a.StaffMemberId, a.CycleId }).FirstAsync();
        return (appraisal.StaffMemberId, appraisal.CycleId);
    }

    /// <summary>Leaves the demo's cycle open for the other tests, whatever happened.</summary>
    private async Task ReopenAsync(int cycleId)
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        await Core.Appraisals.ClosedCycles.ReopenAsync(db, cycleId);
    }
}
