using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Accounts;

/// <summary>
/// Two-factor sign-in (issue 11: no MFA even for trust admins and pay access): trust admins and pay access must enter a
/// code from an authenticator app at page sign-in, setting one up the first time; others may choose it. Wrong codes count
/// towards the lockout; an API token made on the command line needs none.
/// </summary>
public abstract class TwoFactorTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : TwoFactorTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : TwoFactorTests(app), IClassFixture<PostgresAppFactory>;

    /// <summary>Posts the sign-in form and returns the response (no following).</summary>
    private static async Task<HttpResponseMessage> PasswordAsync(HttpClient client, TestUser user) =>
        await PageForms.SubmitAsync(client, "/sign-in", "Input.Email", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });

    private async Task<string?> KeyAsync(TestUser user) => await App.AuthenticatorKeyAsync(user.Email);

    [SkippableFact]
    public async Task Post_TrustAdminPassword_WithoutAnAuthenticator_MustSetOneUpBeforeAnyPage()
    {
        // Arrange
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: await Data.CreateTrustAsync());
        using var client = App.CreateClient();

        // Act
        using var response = await PasswordAsync(client, admin);

        // Assert: the password alone opens nothing.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in/set-up-two-factor", response.Headers.Location!.OriginalString);
        PageAssert.RedirectsToSignIn(await client.GetAsync("/"));
        var setUp = await PageAssert.OkAsync(await client.GetAsync("/sign-in/set-up-two-factor"));
        Assert.NotNull(setUp.QuerySelector(".lynchpin-qr svg"));
        Assert.Matches("^([A-Z2-7]{4} ?)+$", PageAssert.Text(setUp.GetElementById("authenticator-key")));
    }

    [SkippableFact]
    public async Task Post_SetUpCode_TurnsTwoFactorOnAndSignsIn_ThenEverySignInAsksForACode()
    {
        // Arrange
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: await Data.CreateTrustAsync());
        using var first = App.CreateClient();
        await PasswordAsync(first, admin);
        var page = await PageAssert.OkAsync(await first.GetAsync("/sign-in/set-up-two-factor"));
        var key = PageAssert.Text(page.GetElementById("authenticator-key"));

        // Act
        using var enrolled = await PageForms.SubmitAsync(first, "/sign-in/set-up-two-factor", "Code", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        using var second = App.CreateClient();
        using var password = await PasswordAsync(second, admin);

        // Assert
        PageAssert.RedirectsTo(enrolled, "/");
        await PageAssert.OkAsync(await first.GetAsync("/account"));
        Assert.Equal("/sign-in/two-factor", password.Headers.Location!.OriginalString);
        PageAssert.RedirectsToSignIn(await second.GetAsync("/"));
        using var code = await PageForms.SubmitAsync(second, "/sign-in/two-factor", "Code", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        PageAssert.RedirectsTo(code, "/");
        await PageAssert.OkAsync(await second.GetAsync("/account"));
        var signIns = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.SignedIn && e.UserId == admin.Id).ToListAsync());
        Assert.Equal(["By password and code", "By password and code"], signIns.Select(e => e.Detail));
    }

    [SkippableFact]
    public async Task Post_WrongCode_Returns400AndCountsTowardsTheLockout()
    {
        // Arrange: an admin with an authenticator.
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: await Data.CreateTrustAsync());
        (await App.CreateSignedInClientAsync(admin)).Dispose();
        var key = await KeyAsync(admin);
        Assert.NotNull(key);
        using var client = App.CreateClient();
        await PasswordAsync(client, admin);
        var wrong = Totp.Code(key!) == "000000" ? "111111" : "000000";

        // Act
        using var response = await PageForms.SubmitAsync(client, "/sign-in/two-factor", "Code", new Dictionary<string, string> { ["Code"] = wrong });

        // Assert
        await PageAssert.FormErrorsAsync(response, "Code");
        PageAssert.RedirectsToSignIn(await client.GetAsync("/"));
        var failures = await Data.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.AccessFailedCount).SingleAsync());
        Assert.Equal(1, failures);
        var audit = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditActions.SignInFailed && e.RecordId == admin.Id));
        Assert.Equal(("Wrong two-factor code", admin.Email), (audit.Detail, audit.UserName));
    }

    [SkippableFact]
    public async Task Post_PasswordOfALeaderWithPayAccess_AsksForACode()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: await Data.CreateStaffAsync(school, slt: true));
        var bursar = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: await Data.CreateStaffAsync(school, slt: true));
        await Data.WithDbAsync(db => db.Users.Where(u => u.Id == head.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));
        using var withPay = App.CreateClient();
        using var withoutPay = App.CreateClient();

        // Act
        using var payResponse = await PasswordAsync(withPay, head);
        using var plainResponse = await PasswordAsync(withoutPay, bursar);

        // Assert
        Assert.Equal("/sign-in/set-up-two-factor", payResponse.Headers.Location!.OriginalString);
        PageAssert.RedirectsTo(plainResponse, "/");
    }

    [SkippableFact]
    public async Task Post_TurnOff_IsRefusedForATrustAdminAndAllowedForOthers()
    {
        // Arrange
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: await Data.CreateTrustAsync());
        using var adminClient = await App.CreateSignedInClientAsync(admin);
        var school = await Data.CreateSchoolAsync();
        var teacher = await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(school));
        using var teacherClient = await App.CreateSignedInClientAsync(teacher);
        var page = await PageAssert.OkAsync(await teacherClient.GetAsync("/account/two-factor"));
        var key = PageAssert.Text(page.GetElementById("authenticator-key"));
        using var turnedOn = await PageForms.SubmitAsync(teacherClient, "/account/two-factor", "Code", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        PageAssert.RedirectsTo(turnedOn, "/account");

        // Act
        using var adminOff = await adminClient.PostAsync("/account/two-factor?handler=TurnOff",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await PageForms.AntiforgeryTokenAsync(adminClient) }));
        using var teacherOff = await teacherClient.PostAsync("/account/two-factor?handler=TurnOff",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await PageForms.AntiforgeryTokenAsync(teacherClient) }));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, adminOff.StatusCode);
        PageAssert.RedirectsTo(teacherOff, "/account");
        var states = await Data.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id || u.Id == teacher.Id).ToDictionaryAsync(u => u.Id, u => u.TwoFactorEnabled));
        Assert.True(states[admin.Id]);
        Assert.False(states[teacher.Id]);
    }

    [SkippableFact]
    public async Task Get_CodePageWithoutAPasswordFirst_GoesBackToSignIn()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync("/sign-in/two-factor");

        PageAssert.RedirectsTo(response, "/sign-in");
    }

    [SkippableFact]
    public async Task Post_CodeFromAnotherAccountsKey_IsRefused()
    {
        // Arrange: two admins; the second's code is no good for the first.
        var trust = await Data.CreateTrustAsync();
        var first = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        var second = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        (await App.CreateSignedInClientAsync(first)).Dispose();
        (await App.CreateSignedInClientAsync(second)).Dispose();
        var secondKey = await KeyAsync(second);
        using var client = App.CreateClient();

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LynchpinAppFactory.SignInAsync(client, first.Email, first.Password, secondKey));

        // Assert
        Assert.Contains("The code is not right", error.Message);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.NotEqual(secondKey, await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()
            .GetAuthenticatorKeyAsync((await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(first.Id))!));
    }
}
