using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>The Content-Security-Policy allows no inline script or style: pages still run their scripts, and break none of its rules.</summary>
public class SecurityHeadersBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Get_PagesWithScriptsAndCharts_RunWithoutCspViolations() => RunAsync(async page =>
    {
        // Arrange: every console error and uncaught error is kept (a refused script or style is a console error)
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
        await SignInAsDemoUserAsync(page, DemoData.TrustAdminEmail);

        // Act: a trust's chart (its height set by script), a school's charts, a form page
        await page.GotoAsync($"/trusts/{DemoData.TrustCode}/profile");
        var bars = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('[data-bars]')).getPropertyValue('--lynchpin-bars').trim()");
        var trustChartDrawn = await page.EvaluateAsync<bool>("() => document.getElementById('trust-chart').width > 0 && !!window.Chart.getChart('trust-chart')");
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/profile");
        await page.GotoAsync($"/schools/{DemoData.SecondaryUrn}/staff/new");
        var bodyClasses = await page.EvaluateAsync<string>("() => document.body.className");
        await page.SetViewportSizeAsync(375, 812);
        // govuk-frontend's service navigation shows its menu button once its script has run.
        var menuShown = await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Menu" }).IsVisibleAsync();

        // Assert
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("4", bars);
        Assert.True(trustChartDrawn);
        Assert.Contains("js-enabled", bodyClasses);
        Assert.Contains("govuk-frontend-supported", bodyClasses);
        Assert.True(menuShown);
    });

    [SkippableFact]
    public Task Get_InlineScriptAddedToAPage_IsRefused() => RunAsync(async page =>
    {
        // Arrange
        await page.GotoAsync("/sign-in");
        var refusal = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("Content Security Policy", StringComparison.Ordinal) });

        // Act: an injected inline script, as stored XSS would try
        var ran = await page.EvaluateAsync<bool>(@"() => {
            window.injected = false;
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.body.appendChild(script);
            return window.injected;
        }");

        // Assert
        Assert.False(ran);
        Assert.Contains("script-src 'self'", (await refusal).Text, StringComparison.Ordinal);
    });
}
