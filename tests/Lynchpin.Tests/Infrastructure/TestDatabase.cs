using Lynchpin.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>A fresh, empty database of one provider: a temp file for SQLite, a new database on the PostgreSQL server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string? SqliteFile { get; }

    /// <summary>Creates the database. For PostgreSQL, call <see cref="PostgresServer.RequireAsync"/> first.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var folder = Path.Combine(Path.GetTempPath(), "lynchpin-tests");
                Directory.CreateDirectory(folder);
                var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
                return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString, file);
            case DatabaseProvider.Postgres:
                return new TestDatabase(provider, await PostgresServer.CreateDatabaseAsync(), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>
    /// A new database with the app's migrations applied; for PostgreSQL it first requires the server (skipping the test
    /// without it, failing it when CI=true).
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.RequireAsync();
        }
        var database = await CreateAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A context on this database configured exactly as the app configures it (provider, migrations assembly, naming).</summary>
    public LynchpinDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<LynchpinDbContext>();
        DatabaseOptions.Configure(options, Provider, ConnectionString);
        return new LynchpinDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
            return;
        }
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(SqliteFile + suffix);
        }
    }
}
