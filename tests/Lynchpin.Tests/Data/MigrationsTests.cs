using Lynchpin.Core.Data;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lynchpin.Tests.Data;

/// <summary>Each provider's migrations match the model and apply to an empty database; both providers have the same migrations.</summary>
public class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_ComparedWithProviderMigrations_HasNoPendingChanges(DatabaseProvider provider)
    {
        // Arrange: no server is needed to compare the model with the migrations' snapshot.
        using var db = ContextWithoutServer(provider);

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending,
            $"The model has changes that the {provider} migrations lack. Add a migration for every provider: scripts/add-migration.sh NAME");
    }

    [Fact]
    public void Migrations_OfBothProviders_HaveTheSameNamesInTheSameOrder()
    {
        // Arrange
        using var sqlite = ContextWithoutServer(DatabaseProvider.Sqlite);
        using var postgres = ContextWithoutServer(DatabaseProvider.Postgres);

        // Act: a migration id is "<timestamp>_<Name>"; the timestamps differ by the seconds between the two adds.
        var sqliteNames = sqlite.Database.GetMigrations().Select(NameOf).ToList();
        var postgresNames = postgres.Database.GetMigrations().Select(NameOf).ToList();

        // Assert
        Assert.NotEmpty(sqliteNames);
        Assert.Equal(sqliteNames, postgresNames);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration(DatabaseProvider provider)
    {
        // Arrange
        if (provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.RequireAsync();
        }
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        // Act
        await db.Database.MigrateAsync();

        // Assert
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Schools.CountAsync());
        Assert.Equal(0, await db.StaffMembers.CountAsync());
        Assert.Equal(0, await db.ApiTokens.CountAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrate_EmptyDatabase_GivesSnakeCaseTablesOfTheModel(DatabaseProvider provider)
    {
        // Arrange
        if (provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.RequireAsync();
        }
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        // Act
        await db.Database.MigrateAsync();

        // Assert: every entity's table exists under the name the model expects, empty but for the model's seed rows.
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var model = db.GetService<IDesignTimeModel>().Model; // the seed rows are kept only in the design-time model
        foreach (var table in model.GetEntityTypes().GroupBy(e => e.GetTableName()).Where(t => t.Key is not null))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Key}\"";
            Assert.Equal((long)table.Sum(e => e.GetSeedData().Count()), Convert.ToInt64(await command.ExecuteScalarAsync()));
        }
        Assert.Contains("staff_members", db.Model.GetEntityTypes().Select(e => e.GetTableName()));
    }

    private static LynchpinDbContext ContextWithoutServer(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<LynchpinDbContext>();
        var connectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=lynchpin_model_check";
        DatabaseOptions.Configure(options, provider, connectionString);
        return new LynchpinDbContext(options.Options);
    }

    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}
