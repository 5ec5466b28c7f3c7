using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests.Infrastructure;

/// <summary>
/// One app on Kestrel (SQLite, demo trust) and one headless Chromium, shared by every browser test
/// through the <see cref="BrowserCollection"/>. Each test gets a fresh browser context (own cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; Playwright's own browser download cannot work here.</summary>
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>The password of accounts made by <see cref="CreateUserAsync"/>.</summary>
    public const string TestPassword = "Browser-test-2024";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private BrowserAppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailableReason;

    /// <summary>Where Chromium is: <c>LYNCHPIN_CHROMIUM</c> if set, otherwise /usr/bin/chromium.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("LYNCHPIN_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromiumPath;

    public Uri BaseAddress { get; private set; } = new("http://localhost/");

    public BrowserAppFactory App => _app ?? throw new InvalidOperationException("The browser fixture is not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _unavailableReason = $"No browser at {ChromiumPath}. Install it with: sudo apt-get install -y chromium "
                + "(bash .ci/run does), or set LYNCHPIN_CHROMIUM to a Chromium binary.";
            return;
        }
        _app = new BrowserAppFactory();
        BaseAddress = _app.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Skips the calling test when there is no browser, or fails it when CI=true.</summary>
    public void RequireBrowser()
    {
        if (_unavailableReason is null)
        {
            return;
        }
        if (TestEnvironment.IsCi)
        {
            throw new InvalidOperationException($"{_unavailableReason} CI=true, so this fails rather than skips.");
        }
        throw new SkipException(_unavailableReason);
    }

    /// <summary>A new context (no cookies) whose relative URLs resolve against the app.</summary>
    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseAddress.ToString(),
        Locale = "en-GB",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    /// <summary>A new account through the app's own service, for a test that needs a particular scope.</summary>
    public async Task<(string Email, string Password)> CreateUserAsync(UserRole role, string? trustCode = null, int? schoolUrn = null, string? staffRef = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var email = $"browser-{Guid.NewGuid().ToString("N")[..12]}@lynchpin.test";
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync(new CreateUserOptions(email, role, trustCode, schoolUrn, staffRef, TestPassword));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the {role} account: {string.Join(" ", result.Errors)}");
        }
        return (email, TestPassword);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Every browser test shares one app and one browser, and runs one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
