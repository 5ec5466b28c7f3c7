using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// The profile's "What can you do to improve it?" (issue 18 item 3) in a browser: the head reads who is held at a stage
/// and changes one person's coach from the suggestion. The coach is put back at the end, as other tests share the demo.
/// </summary>
public class NextStepsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Head_OpensWhatCanYouDo_AndChangesACoachFromASuggestion() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/profile");
        await page.Locator("#next-steps").ScrollIntoViewIfNeededAsync();
        Assert.Contains("been at the same stage", await page.Locator("#held-sentence").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "profile-next-steps");
        // The section alone, as the full page is long: from its heading, one screen high.
        var top = await page.Locator("#next-steps").EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY");
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(TestEnvironment.ResultsFolder("screenshots"), "profile-next-steps-section.png"),
            FullPage = true,
            Clip = new() { X = 0, Y = (float)top, Width = 1280, Height = 1400 },
        });
        // A long list is folded: open it as a reader would.
        if (await page.Locator("#held-details").CountAsync() > 0)
        {
            await page.Locator("#held-details summary").ClickAsync();
        }
        var row = page.Locator("#held-table tbody tr").First;
        var name = (await row.Locator("td").First.Locator("a").InnerTextAsync()).Trim();

        // Act: follow the suggestion's link to the coach field and choose another coach
        // The Act column's link (the "who could help" column links to the same field, to make a helper the coach).
        await row.Locator("td").Last.Locator("a[href*='#Input_CoachId']").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/edit", StringComparison.Ordinal));
        var coach = page.Locator("#Input_CoachId");
        var original = await coach.InputValueAsync();
        var options = await coach.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        var other = options.First(v => v.Length > 0 && v != original);
        await coach.SelectOptionAsync(other);
        // An option reads "Name, job title".
        var otherName = (await coach.Locator($"option[value='{other}']").InnerTextAsync()).Split(',')[0].Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Assert: the person's record and the profile's suggestion both name the new coach
        await page.WaitForURLAsync(url => !url.Contains("/edit", StringComparison.Ordinal));
        Assert.StartsWith(otherName, (await page.Locator("#coach").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var person = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/profile");
        if (await page.Locator("#held-details").CountAsync() > 0)
        {
            await page.Locator("#held-details summary").ClickAsync();
        }
        var shown = page.Locator("#held-table tbody tr", new() { HasText = name });
        Assert.Contains(otherName, await shown.First.InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "profile-next-steps");

        // Put the demo back for the other tests.
        await page.GotoAsync(person);
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit details" }).ClickAsync();
        await page.Locator("#Input_CoachId").SelectOptionAsync(original);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/edit", StringComparison.Ordinal));
    });
}
