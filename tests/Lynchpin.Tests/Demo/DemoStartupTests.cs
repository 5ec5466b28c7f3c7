using Lynchpin.Core.Data;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Demo;

/// <summary>The app started with <c>Lynchpin:Demo=true</c> (in the Testing environment, where only the setting asks for the demo): start-up seeds the empty database.</summary>
public sealed class SqliteDemoAppFactory() : LynchpinAppFactory(DatabaseProvider.Sqlite, demo: true);

public sealed class PostgresDemoAppFactory() : LynchpinAppFactory(DatabaseProvider.Postgres, demo: true);

/// <summary>Start-up seeds the demo trust, its accounts and assessments into an empty database when Lynchpin:Demo is true.</summary>
public abstract class DemoStartupTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteDemoAppFactory app) : DemoStartupTests(app), IClassFixture<SqliteDemoAppFactory>;

    public sealed class Postgres(PostgresDemoAppFactory app) : DemoStartupTests(app), IClassFixture<PostgresDemoAppFactory>;

    [SkippableFact]
    public async Task Get_AppStartedWithDemoOnEmptyDatabase_HasSeededTheTrustAndItsAccounts()
    {
        // Arrange
        await using var db = App.Database.CreateContext();

        // Act
        var schools = await db.Schools.Where(s => s.Trust!.Code == DemoData.TrustCode).Select(s => s.Urn).OrderBy(u => u).ToListAsync();
        var staff = await db.StaffMembers.CountAsync();
        var accounts = await db.Users.Select(u => u.Email).ToListAsync();
        var assessments = await db.Assessments.CountAsync();

        // Assert
        Assert.Equal([DemoData.SecondaryUrn, DemoData.PrimaryUrn, DemoData.SpecialUrn], schools);
        Assert.InRange(staff, 160, 200);
        Assert.Contains(DemoData.HeadEmail, accounts);
        Assert.Equal(10, accounts.Count);
        Assert.True(assessments > 1000, $"{assessments} assessments.");
    }

    [SkippableFact]
    public async Task Post_SignInAsDemoHead_RedirectsAway()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act: throws with the page's error summary unless the sign-in succeeds.
        await LynchpinAppFactory.SignInAsync(client, DemoData.HeadEmail, DemoData.Password, DemoData.AuthenticatorKey);
        using var response = await client.GetAsync("/api/schools");

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DemoData.SecondaryName, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>With <c>Lynchpin:Demo=false</c> (the tests' setting) start-up leaves the database empty.</summary>
public abstract class DemoOffStartupTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : DemoOffStartupTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : DemoOffStartupTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_AppStartedWithoutDemo_HasSeededNothing()
    {
        // Arrange
        await using var db = App.Database.CreateContext();

        // Act
        var trusts = await db.Trusts.CountAsync();
        var schools = await db.Schools.CountAsync();
        var staff = await db.StaffMembers.CountAsync();
        var accounts = await db.Users.CountAsync();

        // Assert
        Assert.Equal((0, 0, 0, 0), (trusts, schools, staff, accounts));
    }
}
