using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Accounts;

/// <summary>
/// Sign-ins in the audit trail (issue 11: failures, lockouts and token changes were not audited): each success, each
/// failure with the email tried, the lockout itself, and sign-outs — with the channel and the client's address.
/// </summary>
public abstract class SignInAuditTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : SignInAuditTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : SignInAuditTests(app), IClassFixture<PostgresAppFactory>;

    private static Task<HttpResponseMessage> TryAsync(HttpClient client, string email, string password) =>
        PageForms.SubmitAsync(client, "/sign-in", "Input.Email", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private Task<List<AuditEvent>> RowsAsync(string userName) =>
        Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.UserName == userName).OrderBy(e => e.Id).ToListAsync());

    [SkippableFact]
    public async Task Post_UnknownEmail_IsAuditedWithTheEmailTried()
    {
        // Arrange
        var tried = $"nobody{TestData.Unique()}@school.test";

        // Act
        using var response = await TryAsync(App.CreateClient(), tried, "Whatever-it-was-1");

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_Email");
        var row = Assert.Single(await RowsAsync(tried));
        Assert.Equal((AuditActions.SignInFailed, (string?)null, AuditChannel.Page, "No account has this email"), (row.Action, row.UserId, row.Channel!.Value, row.Detail));
    }

    [SkippableFact]
    public async Task Post_WrongPasswordsUntilLocked_AuditsEachFailureAndTheLockoutInTheAccountsTrust()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var user = await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(school));
        using var client = App.CreateClient();

        // Act: five wrong passwords lock the account; a sixth try, with the right one, is refused while locked.
        for (var i = 0; i < 5; i++)
        {
            (await TryAsync(client, user.Email, $"Wrong-password-{i}-x")).Dispose();
        }
        using var locked = await TryAsync(client, user.Email, user.Password);

        // Assert
        Assert.Contains("locked", PageAssert.Text((await PageAssert.FormErrorsAsync(locked, "Input_Email")).QuerySelector(".govuk-error-summary")));
        var rows = await RowsAsync(user.Email);
        Assert.Equal(
            [AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.LockedOut, AuditActions.SignInFailed],
            rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal((AuditRecordTypes.Account, user.Id, (int?)trust.Id), (r.RecordType!, r.RecordId!, r.TrustId)));
        Assert.Equal("Tried while locked out", rows[^1].Detail);
    }

    [SkippableFact]
    public async Task Post_SignInAndSignOut_AreAuditedAsTheAccount()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var user = await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(school));
        using var client = await App.CreateSignedInClientAsync(user);

        // Act
        using var signOut = await client.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await PageForms.AntiforgeryTokenAsync(client),
        }));

        // Assert
        PageAssert.RedirectsTo(signOut, "/sign-in");
        var rows = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == user.Id && e.RecordType == AuditRecordTypes.Account).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.SignedIn, AuditActions.SignedOut], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal((user.Id, user.Email), (r.UserId!, r.UserName)));
        Assert.Equal("1 session(s) ended", rows[1].Detail);
    }
}
