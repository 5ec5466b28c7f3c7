using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// Achievement coaching in the demo trust, as its people use it: the coach records a visit at Northfield Academy
/// and opens its plan; the School Champion sees her own school's pupils and no other school's coaching; the
/// designated teacher records a PEP with the child's views on a phone. Every page at 1280 and 375 px, without axe violations.
/// </summary>
public class CoachingBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Northfield = $"/schools/{DemoData.SecondaryUrn}/coaching";

    private static async Task LooksRightAsync(IPage page, string name)
    {
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, name);
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, $"{name}-375");
    }

    private static Task<string> BannerAsync(IPage page) => page.Locator(".govuk-notification-banner--success").InnerTextAsync();

    [SkippableFact]
    public Task Coach_RecordsAVisit_SeesItOnTheSchoolsPage() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.CoachEmail);

        // Act: the coach's home, then Northfield's coaching page
        await page.GotoAsync("/coaching");
        var home = await page.Locator("main").InnerTextAsync();
        await LooksRightAsync(page, "coaching-home");
        await page.GotoAsync(Northfield);
        await LooksRightAsync(page, "coaching-school");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a visit", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/coaching/visits/record", StringComparison.Ordinal));
        await LooksRightAsync(page, "coaching-record-visit");
        var note = $"Walked the PEP tracker with the champion ({Guid.NewGuid():N}).";
        await page.Locator("#Input_WhoMet").FillAsync("Helen Marsh (School Champion)");
        await page.Locator("#Input_Areas").CheckAsync();
        await page.Locator("#Input_Notes").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the visit" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/coaching/plan", StringComparison.Ordinal));

        // Assert: every school of the caseload is on the home page; the visit is recorded
        foreach (var (_, name, _) in DemoCoaching.NeighbourSchools)
        {
            Assert.Contains(name, home, StringComparison.Ordinal);
        }
        Assert.Contains(DemoData.SecondaryName, home, StringComparison.Ordinal);
        Assert.Contains("is recorded", await BannerAsync(page), StringComparison.Ordinal);

        // Assert: the plan, to review at the visit, and the visit on the school's page
        await LooksRightAsync(page, "coaching-plan");
        await page.GotoAsync(Northfield);
        Assert.Contains("Helen Marsh (School Champion)", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    });

    [SkippableFact]
    public Task Coach_AddsAnActionAndMarksItDone_SeesItInThePlan() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.CoachEmail);
        await page.GotoAsync($"{Northfield}/plan");
        var description = $"Champion shares the PEP tracker with heads of year ({Guid.NewGuid():N}).";

        // Act: add an action to the leadership area
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action to leadership" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/coaching/plan/actions", StringComparison.Ordinal));
        await LooksRightAsync(page, "coaching-action");
        await page.Locator("#Input_Description").FillAsync(description);
        await page.Locator("#Input_OwnerId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_DueOn").FillAsync("2027-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the action" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/coaching/plan", StringComparison.Ordinal));
        var added = await BannerAsync(page);

        // Act: open it again and mark it done, first without evidence (refused), then with it
        await page.GetByRole(AriaRole.Link, new() { Name = description }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/coaching/plan/actions", StringComparison.Ordinal));
        await page.GetByLabel("Done", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the action" }).ClickAsync();
        var refused = await page.Locator(".govuk-error-summary").InnerTextAsync();
        await LooksRightAsync(page, "coaching-action-error");
        await page.Locator("#Input_Evidence").FillAsync("Minutes of the heads of year meeting, 2 December.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the action" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/coaching/plan", StringComparison.Ordinal));

        // Assert
        Assert.Contains("The action is added", added, StringComparison.Ordinal);
        Assert.Contains("Say what shows the action is done", refused, StringComparison.Ordinal);
        Assert.Contains("The action is saved", await BannerAsync(page), StringComparison.Ordinal);
        var row = page.Locator("[data-actions=leadership] tr", new() { HasText = description });
        Assert.Equal("Done", (await row.Locator("[data-status]").InnerTextAsync()).Trim());
        Assert.Contains("Minutes of the heads of year meeting", await row.InnerTextAsync(), StringComparison.Ordinal);
    });

    [SkippableFact]
    public Task SchoolChampion_SeesHerSchoolsPupilsAndPlan_AndNotAnotherSchools() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.ChampionEmail);

        // Act
        await page.GotoAsync("/pupils");
        var pupils = await page.Locator("#pupils").InnerTextAsync();
        await LooksRightAsync(page, "champion-pupils");
        await page.GotoAsync($"{Northfield}/plan");
        await LooksRightAsync(page, "champion-plan");
        var otherSchool = await page.GotoAsync($"/schools/{DemoData.PrimaryUrn}/coaching");
        var otherPupil = await page.GotoAsync($"/api/schools/{DemoData.PrimaryUrn}/pupils");

        // Assert: Northfield's looked-after children, none of Brookside's
        Assert.Contains("Tyler", pupils, StringComparison.Ordinal);
        Assert.DoesNotContain("Ruby", pupils, StringComparison.Ordinal);
        Assert.Equal(403, otherSchool!.Status);
        Assert.Equal(403, otherPupil!.Status);
    });

    [SkippableFact]
    public Task DesignatedTeacher_RecordsAPepWithTheChildsViewsAtPhoneWidth() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(375, 812);
        await SignInAsDemoUserAsync(page, DemoData.DesignatedTeacherEmail);
        await page.GotoAsync("/pupils");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Amira") }).First.ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, @"^/pupils/\d+$"));
        await LooksRightAsync(page, "pupil-record");

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a PEP" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/peps/new", StringComparison.Ordinal));
        var views = $"I like science best. I want to stay at this school with my friends ({Guid.NewGuid():N}).";
        await page.Locator("#Input_SocialWorker").FillAsync("Dev Patel");
        await page.Locator("#Input_Carer").FillAsync("Karen Ellis");
        await page.Locator("#Input_ChildViews").FillAsync(views);
        string[][] targets =
        [
            ["Read a chapter book each half term", "Reading age behind", "Library visits with a mentor", "Reading mentor", "2027-02-12", "200"],
            ["Attendance of 96 % or more", "Late mornings", "Breakfast club", "Carer and tutor", "2027-02-12", "150"],
            ["Join the science club", "Amira asked for it", "Club place and a bus pass", "Designated teacher", "2027-02-12", "90"],
        ];
        for (var i = 0; i < targets.Length; i++)
        {
            string[] fields = ["Outcome", "Why", "How", "Who", "ByWhen", "PupilPremiumPlusCost"];
            for (var f = 0; f < fields.Length; f++)
            {
                await page.Locator($"#Input_Targets_{i}__{fields[f]}").FillAsync(targets[i][f]);
            }
        }
        await page.Locator("#Input_NextPepOn").FillAsync("2027-02-10");
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "pep-form-375");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Record") }).ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, @"^/pupils/\d+/peps/\d+$"));

        // Assert: the child's words as written, and the quality check's reason for them
        var pep = await page.Locator("main").InnerTextAsync();
        Assert.Contains(views, pep, StringComparison.Ordinal);
        Assert.Contains("The child's views are recorded", pep, StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "pep-view-375");
        await page.SetViewportSizeAsync(1280, 900);
        await SaveScreenshotAsync(page, "pep-view");
    });
}
