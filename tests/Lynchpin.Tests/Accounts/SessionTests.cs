using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Accounts;

/// <summary>
/// Sessions end when they should (issue 11: signing out did not end the session, a copied cookie still worked, and there
/// was no absolute lifetime): sign-out and password change end every session of the account, at once and everywhere; a
/// session ends after 30 minutes unused and 12 hours after sign-in however busy; "sign out everywhere" revokes tokens too.
/// </summary>
public abstract class SessionTests(AccountsAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAccountsAppFactory app) : SessionTests(app), IClassFixture<SqliteAccountsAppFactory>;
    public sealed class Postgres(PostgresAccountsAppFactory app) : SessionTests(app), IClassFixture<PostgresAccountsAppFactory>;

    private AccountsAppFactory Accounts => (AccountsAppFactory)App;

    private async Task<TestUser> StaffUserAsync()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        return await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(school));
    }

    [SkippableFact]
    public async Task Post_SignOut_ACopiedCookieStopsWorkingAtOnce()
    {
        // Arrange: a copy of the cookie, as someone who took it from the browser would have.
        var user = await StaffUserAsync();
        var jar = new CookieContainer();
        using var browser = App.CreateDefaultClient(new CookieContainerHandler(jar));
        await LynchpinAppFactory.SignInAsync(browser, user.Email, user.Password);
        using var thief = App.CreateDefaultClient();
        thief.DefaultRequestHeaders.Add("Cookie", jar.GetCookieHeader(App.Server.BaseAddress));
        await PageAssert.OkAsync(await thief.GetAsync("/account"));

        // Act
        using var signOut = await PostFromAsync(browser, "/account", "/sign-out");

        // Assert
        PageAssert.RedirectsTo(signOut, "/sign-in");
        PageAssert.RedirectsToSignIn(await thief.GetAsync("/account"));
        PageAssert.RedirectsToSignIn(await browser.GetAsync("/account"));
        var sessions = await Data.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == user.Id).ToListAsync());
        Assert.All(sessions, s => Assert.NotNull(s.EndedAt));
    }

    [SkippableFact]
    public async Task Post_SignOut_EndsTheAccountsSessionsOnOtherBrowsersToo()
    {
        // Arrange
        var user = await StaffUserAsync();
        using var laptop = await App.CreateSignedInClientAsync(user);
        using var phone = await App.CreateSignedInClientAsync(user);

        // Act
        await PostFromAsync(laptop, "/account", "/sign-out");

        // Assert
        PageAssert.RedirectsToSignIn(await phone.GetAsync("/account"));
    }

    [SkippableFact]
    public async Task Post_PasswordChange_EndsEveryOtherSessionAndKeepsThisOne()
    {
        // Arrange
        var user = await StaffUserAsync();
        using var here = await App.CreateSignedInClientAsync(user);
        using var elsewhere = await App.CreateSignedInClientAsync(user);
        const string newPassword = "Autumn leaves in the quad";

        // Act
        using var response = await PageForms.SubmitAsync(here, "/account/password", "Password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = user.Password,
            ["Password"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });

        // Assert
        PageAssert.RedirectsTo(response, "/account");
        await PageAssert.OkAsync(await here.GetAsync("/account"));
        PageAssert.RedirectsToSignIn(await elsewhere.GetAsync("/account"));
        using var again = App.CreateClient();
        await LynchpinAppFactory.SignInAsync(again, user.Email, newPassword);
        await Assert.ThrowsAsync<InvalidOperationException>(() => LynchpinAppFactory.SignInAsync(App.CreateClient(), user.Email, user.Password));
    }

    [SkippableFact]
    public async Task Post_PasswordChange_WithTheWrongCurrentOrACommonNewPassword_Returns400AndKeepsThePassword()
    {
        // Arrange
        var user = await StaffUserAsync();
        using var client = await App.CreateSignedInClientAsync(user);

        // Act
        using var wrongCurrent = await PageForms.SubmitAsync(client, "/account/password", "Password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Not-the-password-1",
            ["Password"] = "A perfectly long new password",
            ["ConfirmPassword"] = "A perfectly long new password",
        });
        using var common = await PageForms.SubmitAsync(client, "/account/password", "Password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = user.Password,
            ["Password"] = "Password1234",
            ["ConfirmPassword"] = "Password1234",
        });

        // Assert
        await PageAssert.FormErrorsAsync(wrongCurrent, "CurrentPassword");
        var document = await PageAssert.FormErrorsAsync(common, "Password");
        Assert.Contains("list of common passwords", PageAssert.Text(document.QuerySelector(".govuk-error-summary")));
        await LynchpinAppFactory.SignInAsync(App.CreateClient(), user.Email, user.Password);
    }

    [SkippableFact]
    public async Task Get_AfterThirtyMinutesUnused_TheSessionHasEnded()
    {
        // Arrange
        var user = await StaffUserAsync();
        using var client = await App.CreateSignedInClientAsync(user);
        await PageAssert.OkAsync(await client.GetAsync("/account"));

        // Act
        Accounts.Clock.Now += TimeSpan.FromMinutes(31);
        using var response = await client.GetAsync("/account");

        // Assert
        PageAssert.RedirectsToSignIn(response);
    }

    [SkippableFact]
    public async Task Get_TwelveHoursAfterSignIn_TheSessionEndsHoweverBusy()
    {
        // Arrange: used every 20 minutes, so it is never idle for long.
        var user = await StaffUserAsync();
        using var client = await App.CreateSignedInClientAsync(user);
        var signedInAt = Accounts.Clock.Now;

        // Act
        var lastGood = signedInAt;
        while (Accounts.Clock.Now - signedInAt < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20))
        {
            Accounts.Clock.Now += TimeSpan.FromMinutes(20);
            using var busy = await client.GetAsync("/account");
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
            lastGood = Accounts.Clock.Now;
        }
        Accounts.Clock.Now = signedInAt + TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1);
        using var response = await client.GetAsync("/account");

        // Assert: busy until the last step before 12 hours; over 12 hours, signed out.
        Assert.True(lastGood - signedInAt >= TimeSpan.FromHours(11.5));
        PageAssert.RedirectsToSignIn(response);
    }

    [SkippableFact]
    public async Task Post_SignOutEverywhere_EndsEverySessionAndRevokesEveryToken()
    {
        // Arrange
        var user = await StaffUserAsync();
        using var here = await App.CreateSignedInClientAsync(user);
        using var elsewhere = await App.CreateSignedInClientAsync(user);
        using var api = await App.CreateBearerClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/schools")).StatusCode);
        var page = await PageAssert.OkAsync(await here.GetAsync("/account/sessions"));
        Assert.Equal(2, page.QuerySelectorAll("#sessions tbody tr").Length);

        // Act
        using var response = await PostFromAsync(here, "/account/sessions", "");

        // Assert
        PageAssert.RedirectsTo(response, "/sign-in");
        PageAssert.RedirectsToSignIn(await here.GetAsync("/account"));
        PageAssert.RedirectsToSignIn(await elsewhere.GetAsync("/account"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/schools")).StatusCode);
    }

    [SkippableFact]
    public async Task Get_StampChangedOutsideTheApp_TheSessionEndsWithinAMinute()
    {
        // Arrange: a signed-in browser; then the account's stamp changes without the app ending its sessions (as another
        // instance, a database restore or an administrator's script would), so only the stamp check can notice.
        var user = await StaffUserAsync();
        using var client = await App.CreateSignedInClientAsync(user);
        await PageAssert.OkAsync(await client.GetAsync("/account"));
        await Data.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            return await db.SaveChangesAsync();
        });
        var openSessions = await Data.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == user.Id && s.EndedAt == null));

        // Act: within the minute the cookie is still trusted; just over a minute later the stamp is checked again.
        Accounts.Clock.Now += TimeSpan.FromSeconds(30);
        using var withinTheMinute = await client.GetAsync("/account");
        Accounts.Clock.Now += TimeSpan.FromSeconds(31);
        using var afterTheMinute = await client.GetAsync("/account");

        // Assert
        Assert.Equal(1, openSessions);
        Assert.Equal(HttpStatusCode.OK, withinTheMinute.StatusCode);
        PageAssert.RedirectsToSignIn(afterTheMinute);
        PageAssert.RedirectsToSignIn(await client.GetAsync("/account"));
    }

    /// <summary>Posts the form of <paramref name="page"/> whose action is <paramref name="action"/> (or its own form, for "").</summary>
    private static async Task<HttpResponseMessage> PostFromAsync(HttpClient client, string page, string action)
    {
        using var response = await client.GetAsync(page);
        var document = await PageAssert.OkAsync(response);
        var form = document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Last(f => (f.GetAttribute("action") ?? "") == action && f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
        return await Html.SubmitAsync(client, form, Html.FormValues(form), response.RequestMessage!.RequestUri!);
    }
}
