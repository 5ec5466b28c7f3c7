using Lynchpin.BrowserTests.Infrastructure;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lynchpin.BrowserTests;

/// <summary>
/// Accounts in the browser: the head invites a teaching assistant, who sets a password from the link and signs in; a new
/// trust admin sets up two-factor sign-in and signs in again with a one-time code. Every page is checked with axe and
/// kept as a screenshot at 1280 and 375 px.
/// </summary>
public class AccountsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [SkippableFact]
    public Task Head_InvitesATeachingAssistant_WhoSetsAPasswordAndSignsIn() => RunAsync(async page =>
    {
        // Arrange: a teaching assistant at Northfield without an account.
        StaffMember ta;
        await using (var scope = Browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            var linked = db.Users.Where(u => u.StaffMemberId != null).Select(u => u.StaffMemberId!.Value);
            ta = await db.StaffMembers.AsNoTracking()
                .Where(s => s.School.Urn == DemoData.SecondaryUrn && s.RoleFamily == RoleFamily.LearningSupport && s.LeavingDate == null && !linked.Contains(s.Id))
                .OrderBy(s => s.StaffRef).FirstAsync();
        }
        var email = $"ta-{Guid.NewGuid().ToString("N")[..8]}@northfield-academy.sch.example";
        await SignInAsDemoUserAsync(page, DemoData.HeadEmail);

        // Act: the head invites her from the accounts pages.
        await (await MenuLinkAsync(page, "Accounts")).ClickAsync();
        await page.WaitForURLAsync("**/accounts");
        await CheckAsync(page, "accounts-list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite someone" }).ClickAsync();
        await page.WaitForURLAsync("**/accounts/invite");
        await CheckAsync(page, "accounts-invite");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Staff: sees their own record").CheckAsync();
        await page.GetByLabel("Staff record").SelectOptionAsync(new SelectOptionValue { Value = ta.Id.ToString() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await page.Locator("#invitation-link").WaitForAsync();
        await CheckAsync(page, "accounts-invitation-made");
        var link = (await page.Locator("#invitation-link").InnerTextAsync()).Trim();

        // Act: she opens the link in her own browser, sets a password and signs in.
        await using var herContext = await Browser.NewContextAsync();
        var her = await herContext.NewPageAsync();
        await her.GotoAsync(link);
        await CheckAsync(her, "set-password");
        const string password = "Tea towels and tambourines";
        await her.GetByLabel("New password").FillAsync(password);
        await her.GetByLabel("Enter it again").FillAsync(password);
        await her.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await her.WaitForURLAsync("**/sign-in");
        await SignInAsync(her, email, password);

        // Assert: signed in as herself, seeing her own record.
        await her.GotoAsync("/account");
        await CheckAsync(her, "your-account");
        Assert.Contains(email, await her.Locator("#account-summary").InnerTextAsync());
        Assert.Contains(ta.FirstName, await her.Locator("#account-summary").InnerTextAsync());
    });

    [SkippableFact]
    public Task TrustAdmin_SetsUpTwoFactor_ThenSignsInWithAOneTimeCode() => RunAsync(async page =>
    {
        // Arrange: a new trust admin of the demo trust, with a password and no authenticator yet.
        var (email, password) = await Browser.CreateUserAsync(UserRole.TrustAdmin, DemoData.TrustCode);

        // Act: the password is not enough; the set-up page shows a key to scan or type.
        await page.GotoAsync("/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in/set-up-two-factor");
        await CheckAsync(page, "set-up-two-factor");
        Assert.Equal(1, await page.Locator(".lynchpin-qr svg").CountAsync());
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Trim();
        await page.Locator("#Code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on and continue" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // Act: sign out, and in again: now a code is asked for after the password.
        await page.GotoAsync("/account/sessions");
        await CheckAsync(page, "sessions");
        await page.Locator(".lynchpin-account__sign-out").ClickAsync();
        await page.WaitForURLAsync("**/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in/two-factor");
        await CheckAsync(page, "two-factor");
        await page.Locator("#Code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // Assert: in, with two-factor on the account page.
        await page.GotoAsync("/account");
        Assert.Contains("a code from your authenticator app", await page.Locator("#account-summary").InnerTextAsync());
        await CheckAsync(page, "trust-admin-account");
        await page.GotoAsync($"/trusts/{DemoData.TrustCode}/single-sign-on");
        await CheckAsync(page, "trust-sign-in-settings");
    });

    /// <summary>axe at 1280 px, then a screenshot at 1280 and at 375 px, where nothing may scroll sideways.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await AssertNoAxeViolationsAsync(page);
        await SaveScreenshotAsync(page, $"{name}-1280");
        await AssertNoSidewaysScrollAtPhoneWidthAsync(page, $"{name}-375");
    }
}
