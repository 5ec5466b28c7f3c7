using Lynchpin.Core.Accounts;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Accounts;

/// <summary>
/// The command line keeps <c>users create … --password P</c> (the same policy; <c>--staff-ref</c> optional for trust
/// admins and leaders) and <c>tokens create --email E</c> (no code needed), and gains <c>trusts sign-in</c>.
/// </summary>
public abstract class AccountCommandTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : AccountCommandTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : AccountCommandTests(app), IClassFixture<PostgresAppFactory>;

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(App.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [SkippableFact]
    public async Task UsersCreate_AShortOrCommonPassword_ExitsNonZeroAndMakesNoAccount()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var shortEmail = $"short{TestData.Unique()}@trust.test";
        var commonEmail = $"common{TestData.Unique()}@trust.test";

        // Act
        var tooShort = await RunAsync("users", "create", "--email", shortEmail, "--role", "TrustAdmin", "--trust", trust.Code, "--password", "Sh0rt-pass1");
        var common = await RunAsync("users", "create", "--email", commonEmail, "--role", "TrustAdmin", "--trust", trust.Code, "--password", "Password1234");

        // Assert
        Assert.Equal(1, tooShort.Exit);
        Assert.Contains("Enter a password of 12 characters or more", tooShort.Error);
        Assert.Equal(1, common.Exit);
        Assert.Contains(PasswordPolicy.CommonMessage, common.Error);
        Assert.Equal(0, await Data.WithDbAsync(db => db.Users.CountAsync(u => u.Email == shortEmail || u.Email == commonEmail)));
    }

    [SkippableFact]
    public async Task UsersCreate_ATrustAdminWithoutAStaffRecord_IsMadeAndAudited()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var email = $"hr{TestData.Unique()}@trust.test";

        // Act
        var (exit, output, error) = await RunAsync("users", "create", "--email", email, "--role", "TrustAdmin", "--trust", trust.Code,
            "--password", "Trust human resources 2026", "--pay-access");

        // Assert
        Assert.True(exit == 0, error);
        Assert.Contains($"Created TrustAdmin account {email}, with pay access.", output);
        Assert.Contains("two-factor", output);
        var user = await Data.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.True(user.PayAccess);
        var rows = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.RecordId == user.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.AccountCreated, AuditActions.PayAccessGranted], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(AuditChannel.Command, r.Channel));
    }

    [SkippableFact]
    public async Task TokensCreate_ForATrustAdmin_NeedsNoCodeAndIsReadOnlyForNinetyDaysUnlessAsked()
    {
        // Arrange
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: await Data.CreateTrustAsync());

        // Act
        var plain = await RunAsync("tokens", "create", "--email", admin.Email);
        var writer = await RunAsync("tokens", "create", "--email", admin.Email, "--days", "7", "--write", "--name", "Sync");

        // Assert
        Assert.True(plain.Exit == 0, plain.Error);
        Assert.StartsWith("lp_", plain.Output.Trim(), StringComparison.Ordinal);
        using var api = App.CreateBearerClient(plain.Output.Trim());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/schools")).StatusCode);
        var tokens = await Data.WithDbAsync(db => db.ApiTokens.AsNoTracking().Where(t => t.UserId == admin.Id).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal((ApiTokenScope.Read, 90), (tokens[0].Scope, (tokens[0].ExpiresAt - tokens[0].CreatedAt).Days));
        Assert.Equal((ApiTokenScope.ReadWrite, 7, "Sync"), (tokens[1].Scope, (tokens[1].ExpiresAt - tokens[1].CreatedAt).Days, tokens[1].Name));
        Assert.Contains("read and write; expires", writer.Error);
    }

    [SkippableFact]
    public async Task TrustsSignIn_SwitchesATrustToSingleSignOnAndBack()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();

        // Act
        var sso = await RunAsync("trusts", "sign-in", "--trust", trust.Code, "--method", "SingleSignOn", "--provider", "Google", "--tenant", "Trust.Example.org");
        var bad = await RunAsync("trusts", "sign-in", "--trust", trust.Code, "--method", "SingleSignOn", "--provider", "Microsoft", "--tenant", "not-a-guid");
        var stored = await Data.WithDbAsync(db => db.TrustSignIns.AsNoTracking().SingleAsync(s => s.TrustId == trust.Id));
        var back = await RunAsync("trusts", "sign-in", "--trust", trust.Code, "--method", "Password");

        // Assert
        Assert.True(sso.Exit == 0, sso.Error);
        Assert.Contains("Single sign-on with Google Workspace, domain trust.example.org", sso.Output);
        Assert.Equal((SignInMethod.SingleSignOn, SsoProvider.Google, "trust.example.org"), (stored.Method, stored.Provider!.Value, stored.Tenant!));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("tenant ID", bad.Error);
        Assert.True(back.Exit == 0, back.Error);
        Assert.Contains("Email and password", back.Output);
    }
}
