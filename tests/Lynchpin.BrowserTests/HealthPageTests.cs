using Lynchpin.BrowserTests.Infrastructure;

namespace Lynchpin.BrowserTests;

/// <summary>Proves the plumbing: Kestrel serves the app, Chromium reaches it, Playwright reads the page.</summary>
public class HealthPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Get_HealthInBrowser_ShowsHealthy() => RunAsync(async page =>
    {
        // Arrange
        var url = "/health";

        // Act
        var response = await page.GotoAsync(url);

        // Assert
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("Healthy", (await page.Locator("body").InnerTextAsync()).Trim());
    });
}
