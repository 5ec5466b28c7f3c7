using System.Text.RegularExpressions;
using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Coaching;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// The impact page as the coach and a school's head read it in the demo trust: the looked-after cohort's baseline beside
/// this year with n and an interval, the published figures, what changed stated without any claim that coaching caused
/// it, and a cohort under five shown as too few to compare. At 1280 and 375 px, without axe violations.
/// </summary>
public partial class CoachingImpactBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static string Impact(int urn, string measure = "attendance") => $"/schools/{urn}/coaching/impact?measure={measure}";

    /// <summary>Words that would credit the coaching with a change.</summary>
    [GeneratedRegex(@"\b(because of|caused|thanks to|led to|due to|as a result|resulted in|improved by|helped)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimsCause();

    private static async Task LooksRightAsync(IPage page, string name)
    {
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, name);
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, $"{name}-375");
    }

    private static async Task<IReadOnlyList<string>> SentencesAsync(IPage page) =>
        await page.Locator("#sentences p").AllInnerTextsAsync();

    [SkippableFact]
    public Task Coach_ReadsNorthfieldsAttendance_BaselineBesideThisYearWithReferenceAndNoClaimOfCause() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.CoachEmail);

        // Act
        await page.GotoAsync(Impact(DemoData.SecondaryUrn));
        var sentences = await SentencesAsync(page);
        var baseline = await page.Locator("#cohort tr", new() { HasText = "(baseline)" }).InnerTextAsync();
        var current = await page.Locator($"#cohort tr[data-year='{DemoCoaching.CurrentYear}']").InnerTextAsync();
        var reference = await page.Locator("#reference tbody tr").AllInnerTextsAsync();
        await LooksRightAsync(page, "impact-coach");
        await page.GetByRole(AriaRole.Link, new() { Name = "Persistent absence", Exact = true }).ClickAsync();
        // Polls the address and the heading rather than waiting for a load event, which once did not come within 30 s in a
        // whole-suite run here although the page had loaded.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("measure=persistent-absence"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("persistent absence");
        var persistent = await SentencesAsync(page);
        await LooksRightAsync(page, "impact-coach-persistent-absence");

        // Assert: the baseline year (2024/25) and this year, six pupils each, this year with its interval
        Assert.StartsWith("2024/25 (baseline)", baseline.Trim(), StringComparison.Ordinal);
        Assert.Matches(@"\b6\b", baseline);
        Assert.Matches(@"\d+\.\d % to \d+\.\d %", current);
        Assert.Contains(sentences, s => s.StartsWith("In 2024/25, the year before coaching began, it was", StringComparison.Ordinal));
        // The published figures: England and the pupils' authority
        Assert.Contains(reference, r => r.Contains("England", StringComparison.Ordinal));
        Assert.Contains(reference, r => r.Contains(DemoCoaching.KirkleesNew, StringComparison.Ordinal));
        // Association, never cause, on both measures
        Assert.Contains(ImpactSentences.NotWhy, sentences);
        Assert.Contains(ImpactSentences.NotWhy, persistent);
        Assert.DoesNotContain(sentences.Concat(persistent), s => ClaimsCause().IsMatch(s));
    });

    [SkippableFact]
    public Task PrimaryHead_ReadsBrooksidesImpact_ThreePupilsAreTooFewToCompare() => RunAsync(async page =>
    {
        // Arrange
        await page.SetViewportSizeAsync(1280, 900);
        await SignInAsDemoUserAsync(page, DemoData.PrimaryHeadEmail);

        // Act
        await page.GotoAsync(Impact(DemoData.PrimaryUrn));
        var sentences = await SentencesAsync(page);
        var current = await page.Locator($"#cohort tr[data-year='{DemoCoaching.CurrentYear}']").InnerTextAsync();
        await LooksRightAsync(page, "impact-head-too-few");

        // Assert: no percentage and no interval for three children, and still no claim of cause
        Assert.Contains("too few to compare", current, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+\.\d % to", current);
        Assert.Contains(sentences, s => s.Contains("3 pupils", StringComparison.Ordinal) && s.EndsWith("too few to compare.", StringComparison.Ordinal));
        Assert.Contains(ImpactSentences.NotWhy, sentences);
        Assert.DoesNotContain(sentences, s => ClaimsCause().IsMatch(s));
    });
}
