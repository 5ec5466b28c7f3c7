using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// Outcomes in a browser, on the demo trust: the trust admin compares the schools for 2025/26, sorts by Progress 8, reads
/// the scatter with its correlation and warning, and opens Northfield's outcomes, with the chart and the table of its
/// years. Axe on both pages; screenshots at 1280 and 375 px.
/// </summary>
public class OutcomesBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task TrustAdmin_ComparesSchools_AndOpensOneSchoolsOutcomes() => RunAsync(async page =>
    {
        // Arrange
        await SignInAsDemoUserAsync(page, DemoData.TrustAdminEmail);

        // Act: from the navigation to the comparison, then sorted by Progress 8, highest first
        await page.GetByRole(AriaRole.Link, new() { Name = "Outcomes", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/trusts/{DemoData.TrustCode}/outcomes");
        await page.Locator("#comparison a[data-sort='p8']").ClickAsync();
        await page.Locator("#comparison a[data-sort='p8']").ClickAsync();

        // Assert: every school, Northfield (the one with Progress 8) first; the trust's row; the scatter and its caveat
        Assert.Equal(3, await page.Locator("#comparison tbody tr[data-urn]").CountAsync());
        Assert.Equal($"{DemoData.SecondaryUrn}", await page.Locator("#comparison tbody tr[data-urn]").First.GetAttributeAsync("data-urn"));
        Assert.Contains("weighted by pupils", await page.Locator("#trust-row").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("With 1 school having both figures", await page.Locator("#correlation").InnerTextAsync(), StringComparison.Ordinal);

        // Act: an outcome every school has, against the mean profile stage
        await page.GetByLabel("Lynchpin measure").SelectOptionAsync("meanStage");
        await page.GetByLabel("Outcome").SelectOptionAsync("persistentAbsence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();

        // Assert
        Assert.StartsWith("Across 3 schools, Pearson's r = ", await page.Locator("#correlation").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#scatter-points tbody tr").CountAsync());
        Assert.Contains("not a cause", await page.Locator(".govuk-warning-text").InnerTextAsync(), StringComparison.Ordinal);
        var scatter = page.Locator("canvas#outcomes-scatter");
        await scatter.WaitForAsync();
        Assert.True((await scatter.BoundingBoxAsync())!.Height > 100);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "outcomes-trust-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "outcomes-trust-375");
        await page.SetViewportSizeAsync(1280, 900);

        // Act: Northfield's own outcomes
        await page.Locator($"#comparison tr[data-urn='{DemoData.SecondaryUrn}'] th a").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/schools/{DemoData.SecondaryUrn}/outcomes");

        // Assert: four years, Progress 8 with its intervals, the chart drawn, sentences that say what changed and not why
        var years = await page.Locator("#outcomes-table thead th").AllInnerTextsAsync();
        Assert.Equal(["2022/23", "2023/24", "2024/25", "2025/26"], years.Skip(1).Select(y => y.Trim()));
        Assert.Contains(" to ", await page.Locator("#outcomes-table tr[data-measure='p8'] td").First.InnerTextAsync(), StringComparison.Ordinal);
        var chart = page.Locator("canvas#outcomes-chart");
        await chart.WaitForAsync();
        Assert.True((await chart.BoundingBoxAsync())!.Height > 100);
        var sentences = await page.Locator("#changes li").AllInnerTextsAsync();
        Assert.Contains(sentences, s => s.Contains("crosses zero", StringComparison.Ordinal));
        Assert.All(sentences, s => Assert.DoesNotMatch("(?i)because|caused|led to|due to|result of", s));
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, "outcomes-school-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, "outcomes-school-375");
    });
}
