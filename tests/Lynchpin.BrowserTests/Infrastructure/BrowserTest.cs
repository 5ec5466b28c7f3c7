using System.Runtime.CompilerServices;
using System.Text;
using Deque.AxeCore.Playwright;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Demo;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests.Infrastructure;

/// <summary>
/// Base of browser tests. A test is one <see cref="RunAsync"/> call, which opens a fresh page and
/// keeps a screenshot in TestResults/screenshots if the test fails:
/// <code>
/// public class HealthPageTests(BrowserFixture browser) : BrowserTest(browser)
/// {
///     [SkippableFact]
///     public Task Get_Health_ShowsHealthy() => RunAsync(async page => { … });
/// }
/// </code>
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    protected BrowserFixture Browser { get; } = browser;

    public virtual Task InitializeAsync()
    {
        Browser.RequireBrowser();
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs <paramref name="test"/> on a new page in a new context; on failure saves a screenshot named after the test.</summary>
    protected async Task RunAsync(Func<IPage, Task> test, [CallerMemberName] string testName = "")
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch
        {
            await SaveScreenshotAsync(page, $"{GetType().Name}.{testName}.failed");
            throw;
        }
    }

    /// <summary>Saves a full-page PNG to TestResults/screenshots/<paramref name="name"/>.png and returns its path.</summary>
    protected static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(TestEnvironment.ResultsFolder("screenshots"), $"{name}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        catch (PlaywrightException)
        {
            // A closed or crashed page has nothing to show; the test's own error matters more.
        }
        return path;
    }

    /// <summary>
    /// Signs in through the sign-in page's form and waits to leave it. An account that signs in with a code (trust admin,
    /// pay access) enters the code of <paramref name="authenticatorKey"/>, or, the first time, of the key the set-up page shows.
    /// </summary>
    protected static async Task SignInAsync(IPage page, string email, string password, string? authenticatorKey = null)
    {
        await page.GotoAsync("/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/sign-in");
        var path = new Uri(page.Url).AbsolutePath;
        if (path is "/sign-in/two-factor" or "/sign-in/set-up-two-factor")
        {
            var key = path == "/sign-in/two-factor"
                ? authenticatorKey ?? throw new InvalidOperationException($"{email} signs in with a code: pass its authenticator key.")
                : await page.Locator("#authenticator-key").InnerTextAsync();
            await page.Locator("#Code").FillAsync(Totp.Code(key));
            await page.Locator("main form button[type=submit]").ClickAsync();
        }
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/sign-in", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Signs in as one of the demo trust's accounts (see <see cref="DemoData"/>), with its published code where it needs one.</summary>
    protected static Task SignInAsDemoUserAsync(IPage page, string email) => SignInAsync(page, email, DemoData.Password, DemoData.AuthenticatorKey);

    /// <summary>
    /// The menu's link named <paramref name="name"/>, ready to click: a long menu keeps one's own pages and account
    /// administration under "More", which this opens first when the link is there.
    /// </summary>
    protected static async Task<ILocator> MenuLinkAsync(IPage page, string name)
    {
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        var link = menu.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        if (!await link.IsVisibleAsync() && await menu.Locator(".lynchpin-more__summary").IsVisibleAsync())
        {
            await menu.Locator(".lynchpin-more__summary").ClickAsync();
        }
        return link;
    }

    /// <summary>
    /// At 375 px wide (a phone): fails naming the elements wider than the window, runs axe and saves a screenshot; then
    /// puts the window back as it was.
    /// </summary>
    protected static async Task AssertNoSidewaysScrollAtPhoneWidthAsync(IPage page, string screenshot)
    {
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, screenshot);
        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }

    private const int PhoneWidth = 375, PhoneHeight = 812;

    /// <summary>
    /// Fails, naming the innermost elements reaching past the window, if the page is wider than a 375 px phone; measured
    /// at that width and the window put back as it was. <see cref="AssertNoAxeViolationsAsync"/> calls it, so every page a
    /// browser test checks is measured.
    /// </summary>
    protected static async Task AssertFitsAPhoneAsync(IPage page)
    {
        var size = page.ViewportSize;
        var resize = size is not null && size.Width != PhoneWidth;
        if (resize)
        {
            await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        }
        var (scrollWidth, clientWidth) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("() => document.documentElement.clientWidth"));
        // Named in the failure: elements outside a table's scroll box that reach past the window or whose text overflows them.
        var wide = scrollWidth <= clientWidth ? "" : await page.EvaluateAsync<string>(@"w => [...document.querySelectorAll('body *')]
            .filter(e => !e.closest('.lynchpin-table-scroll') && (e.getBoundingClientRect().right > w
                || (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && getComputedStyle(e).overflowX === 'visible')))
            .slice(-5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ')", clientWidth);
        if (resize)
        {
            await page.SetViewportSizeAsync(size!.Width, size.Height);
        }
        Assert.True(scrollWidth <= clientWidth, $"{page.Url} is {scrollWidth} px wide in a {clientWidth} px window (a phone): {wide}");
    }

    /// <summary>Runs axe on the page as it is and fails, listing every violation and the elements at fault, if any
    /// (inside <see cref="RunAsync"/>, the failure also keeps a screenshot); then checks the page fits a phone
    /// (<see cref="AssertFitsAPhoneAsync"/>).</summary>
    protected static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        if (result.Violations.Length == 0)
        {
            await AssertFitsAPhoneAsync(page);
            return;
        }
        var report = new StringBuilder($"axe found {result.Violations.Length} accessibility violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine().Append($"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    report.AppendLine().Append($"       {message.ReplaceLineEndings(" ")}");
                }
            }
        }
        Assert.Fail(report.ToString());
    }
}
