using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// The leaders' careers and CPD pages that no journey visited (issue 13): the standards editor, the CPD budget, recording
/// an activity and the training needs. The head of Northfield Academy opens each, meets the error summary where there is
/// a form, and saves what a leader would. Axe on every state; screenshots at 1280 and 375 px.
/// </summary>
public class CareerPagesBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Head_OpensTheStandardsEditor_AndAnEmptyStandardIsRefused() => RunAsync(async page =>
    {
        // Arrange
        var urn = await AcademyUrnAsync();
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);

        // Act: the school's standards, the HLTA set, its first standard
        await page.GotoAsync($"/schools/{urn}/standards");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "standards-sets-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "standards-sets-375");
        await page.GetByRole(AriaRole.Link, new() { Name = "Higher level teaching assistant standards" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "standards-set-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "standards-set-375");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change" }).First.ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        var original = await page.GetByLabel("Standard", new() { Exact = true }).InputValueAsync();
        await page.GetByLabel("Standard", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Assert: the error summary, nothing copied, and the form keeps its section
        Assert.False(string.IsNullOrWhiteSpace(original));
        var summary = page.Locator(".govuk-error-summary");
        Assert.True(await summary.IsVisibleAsync());
        Assert.Equal("#Input_Text", await summary.Locator("a").First.GetAttributeAsync("href"));
        Assert.True(await page.Locator("#copy-notice").IsVisibleAsync(), "Nothing was saved, so the set is still the original");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "standards-edit-error-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "standards-edit-error-375");
    });

    [SkippableFact]
    public Task Head_SetsTheCpdBudget_AndRecordsAnActivity() => RunAsync(async page =>
    {
        // Arrange
        var urn = await AcademyUrnAsync();
        var title = $"Site induction refresher ({Guid.NewGuid().ToString("N")[..6]})";
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync($"/schools/{urn}/cpd");
        await AssertNoAxeViolationsAsync(page);

        // Act: the budget, first as words, then the amount it had
        await page.GetByRole(AriaRole.Link, new() { Name = "Set the budget and its holder" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        var amount = page.GetByLabel("Budget in pounds");
        var before = await amount.InputValueAsync();
        await amount.FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "cpd-budget-error-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "cpd-budget-error-375");
        await amount.FillAsync(before);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{urn}/cpd");

        // Act: record an activity, first with nothing filled in
        await page.Locator("#record-activity").ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the activity" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        Assert.Contains("Input_Title", await summary.InnerHTMLAsync());
        Assert.Contains("Input_Attendees", await summary.InnerHTMLAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "cpd-record-error-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "cpd-record-error-375");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Kind").SelectOptionAsync("course");
        await page.GetByLabel("Start date").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Hours for each person").FillAsync("1");
        await page.GetByLabel("Cost for each person, in pounds").FillAsync("0");
        await page.Locator("input[name='Input.Attendees']").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the activity" }).ClickAsync();

        // Assert: listed among the year's activities
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{urn}/cpd");
        Assert.Contains(title, await page.Locator("#activities-table").InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);
    });

    [SkippableFact]
    public Task Head_ReadsTheTrainingNeeds_ByRoleFamily() => RunAsync(async page =>
    {
        // Arrange
        var urn = await AcademyUrnAsync();
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync($"/schools/{urn}/cpd");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Training needs" }).ClickAsync();

        // Assert: a section per role family with needs, the learning support staff among them
        Assert.StartsWith("Training needs", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("#family-learning-support").IsVisibleAsync());
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "cpd-needs-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "cpd-needs-375");
    });

    private async Task<int> AcademyUrnAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LynchpinDbContext>().Schools
            .Where(s => s.Name == DemoData.SecondaryName).Select(s => s.Urn).SingleAsync();
    }
}
