using System.Net;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>The test infrastructure itself: each factory has its own database, configured as promised, removed after.</summary>
public abstract class LynchpinAppFactoryTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : LynchpinAppFactoryTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : LynchpinAppFactoryTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_AppDbContext_UsesThisFactorysOwnDatabase()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var appDb = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        await using var directDb = App.Database.CreateContext();

        // Act
        var seenDirectly = await directDb.Schools.AnyAsync(s => s.Urn == school.Urn);

        // Assert
        Assert.Equal(App.Database.ConnectionString, appDb.Database.GetConnectionString());
        Assert.Equal(App.Provider == DatabaseProvider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL",
            appDb.Database.ProviderName);
        Assert.True(seenDirectly);
    }

    [SkippableFact]
    public void Get_AppSettings_AreTestingWithoutDemo()
    {
        // Arrange
        var configuration = App.Services.GetRequiredService<IConfiguration>();

        // Act
        var environment = App.Services.GetRequiredService<IHostEnvironment>().EnvironmentName;

        // Assert
        Assert.Equal("Testing", environment);
        Assert.False(configuration.GetValue<bool>("Lynchpin:Demo"));
        Assert.Equal(App.Provider, DatabaseOptions.ParseProvider(configuration["Database:Provider"]));
    }

    [SkippableFact]
    public async Task Get_RedirectingPage_IsNotFollowed()
    {
        // Arrange
        using var client = await App.CreateClientAsync();

        // Act: an anonymous page request is sent to sign in.
        using var response = await client.GetAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [SkippableFact]
    public async Task Post_SignInFormWithPassword_GivesCookieThatCallsTheApi()
    {
        // Arrange
        using var anonymous = App.CreateClient();
        using var signInPage = await anonymous.GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        var school = await Data.CreateSchoolAsync();
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);

        // Act
        using var client = await App.CreateSignedInClientAsync(leader);
        using var response = await client.GetAsync("/api/schools");

        // Assert
        var schools = await ApiAssert.SchoolsAsync(response);
        Assert.Equal([school.Urn], schools.Select(s => s.Urn));
    }
}

/// <summary>Disposing a factory removes its database; needs factories of its own.</summary>
public class TestDatabaseCleanupTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Dispose_FactoryAfterUse_RemovesItsDatabase(DatabaseProvider provider)
    {
        // Arrange
        if (provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.RequireAsync();
        }
        var factory = new LynchpinAppFactory(provider);
        await factory.InitializeAsync();
        var connectionString = factory.Database.ConnectionString;
        var existedWhileInUse = await ExistsAsync(factory.Database);
        var database = factory.Database;

        // Act
        await ((IAsyncLifetime)factory).DisposeAsync();

        // Assert
        Assert.True(existedWhileInUse);
        Assert.False(await ExistsAsync(database), $"{connectionString} is still there.");
    }

    private static async Task<bool> ExistsAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return File.Exists(database.SqliteFile);
        }
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name!);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
