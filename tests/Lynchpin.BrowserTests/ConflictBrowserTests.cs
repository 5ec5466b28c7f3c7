using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// Two browsers with the same staff form open: the second save is refused with a message naming who saved and when,
/// what they saved beside the person's own typing, which stays in the form; saving again then keeps it (ADR 0010).
/// </summary>
public class ConflictBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task SchoolLeader_SavesAStaffFormSomeoneElseSavedFirst_SeesTheirChangeBesideTheirOwnAndKeepsTyping() => RunAsync(async page =>
    {
        // Arrange: a person of the demo's secondary, and the head's form open in a second browser too.
        var id = await NewPersonAsync();
        await using var otherContext = await Browser.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await SignInAsDemoUserAsync(other, DemoData.HeadEmail);
        await page.GotoAsync($"/staff/{id}/edit");
        await other.GotoAsync($"/staff/{id}/edit");

        // Act: the other browser saves a new job title first; then this one saves a new last name.
        await other.GetByLabel("Job title").FillAsync("Site manager");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();
        await other.WaitForURLAsync($"**/staff/{id}");
        await page.GetByLabel("Last name").FillAsync("Okafor-Reyes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();

        // Assert: the error summary, the saved job title beside this browser's, the typing kept.
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("changed this at");
        await Assertions.Expect(summary).ToContainTextAsync("since you opened it");
        var conflict = page.Locator("#conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Site manager");
        await Assertions.Expect(conflict).ToContainTextAsync("Okafor-Reyes");
        Assert.Equal("Okafor-Reyes", await page.GetByLabel("Last name").InputValueAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "staff-edit-conflict");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "staff-edit-conflict-375");

        // Act: having seen theirs, this browser takes the job title too and saves again.
        await page.GetByLabel("Job title").FillAsync("Site manager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();
        await page.WaitForURLAsync($"**/staff/{id}");

        // Assert: both changes kept.
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<LynchpinDbContext>().StaffMembers.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(("Site manager", "Okafor-Reyes"), (saved.JobTitle, saved.LastName));
    });

    private async Task<int> NewPersonAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var school = await db.Schools.SingleAsync(s => s.Urn == DemoData.SecondaryUrn);
        var person = new StaffMember
        {
            SchoolId = school.Id,
            StaffRef = $"CONF{Guid.NewGuid():N}"[..12],
            FirstName = "Ada",
            LastName = "Okafor",
            JobTitle = "Caretaker",
            RoleFamily = RoleFamily.Site,
        };
        db.StaffMembers.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }
}
