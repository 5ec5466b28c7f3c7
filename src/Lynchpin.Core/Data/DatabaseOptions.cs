namespace Lynchpin.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Lynchpin uses; SQLite is the embedded default, PostgreSQL is for trusts and scale.</summary>
public static class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/lynchpin.db";
    public const string SqliteMigrationsAssembly = "Lynchpin.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Lynchpin.Migrations.Postgres";

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new StartupFailure($"Database__Provider is '{value}', which is not known: set it to Sqlite or Postgres."),
    };

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString;
                EnsureSqliteFolder(connectionString);
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new StartupFailure("Database__Provider is Postgres but ConnectionStrings__Lynchpin is empty: set it to the server's connection string.");
                }
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
        }
        options.UseSnakeCaseNamingConvention();
    }

    // SQLite creates the file but not its folder; the default lives in data/.
    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
