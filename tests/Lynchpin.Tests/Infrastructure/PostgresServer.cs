using Npgsql;

namespace Lynchpin.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use, from <c>LYNCHPIN_TEST_POSTGRES</c> (an Npgsql connection string
/// without a database). Each test factory gets a database of its own, created here and dropped after.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "LYNCHPIN_TEST_POSTGRES";
    public const string DefaultConnectionString = "Host=localhost;Port=5432;Username=lynchpin;Password=lynchpin";
    private const string DatabasePrefix = "lynchpin_test_";

    // A database left behind by a killed run is dropped by a later run once it is this old.
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(6);

    private static readonly Lazy<Task<string?>> Unavailable = new(CheckAsync);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : DefaultConnectionString;

    /// <summary>Null when the server answers; otherwise why not, and how to start one.</summary>
    public static Task<string?> UnavailableReasonAsync() => Unavailable.Value;

    /// <summary>Skips the test (or fails it when CI=true) if no server answers.</summary>
    public static async Task RequireAsync()
    {
        if (await UnavailableReasonAsync() is { } reason)
        {
            TestEnvironment.SkipOrFail(reason);
        }
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates an empty, uniquely named database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"{DatabasePrefix}{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}_{Guid.NewGuid().ToString("N")[..12]}";
        await using var connection = await OpenAdminConnectionAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        await using var connection = await OpenAdminConnectionAsync();
        await DropAsync(connection, name);
    }

    private static async Task DropAsync(NpgsqlConnection admin, string name)
    {
        // WITH (FORCE) waits only 5 s for ended backends to exit, and drops running at once from parallel classes can
        // collide on the catalogue; on a loaded CI machine either failed the class after every test had passed. Try again;
        // if it still fails, say so and leave the database: a later run drops it (DropLeftoversAsync).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (attempt < 6)
            {
                Console.Error.WriteLine($"Dropping test database {name} failed ({ex.SqlState}: {ex.MessageText}); trying again.");
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt));
            }
            catch (PostgresException ex)
            {
                Console.Error.WriteLine($"Test database {name} was left behind ({ex.SqlState}: {ex.MessageText}); a later run drops it.");
                return;
            }
        }
    }

    private static async Task<NpgsqlConnection> OpenAdminConnectionAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Timeout = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string?> CheckAsync()
    {
        try
        {
            await using var connection = await OpenAdminConnectionAsync();
            await DropLeftoversAsync(connection);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or ArgumentException)
        {
            return $"No PostgreSQL server answered at {EnvironmentVariable}='{Redacted(ConnectionString)}' ({ex.Message}). "
                + "Start one and create the test role, e.g.: sudo pg_ctlcluster 15 main start && "
                + "sudo -u postgres psql -c \"CREATE ROLE lynchpin LOGIN CREATEDB PASSWORD 'lynchpin'\" "
                + "(or run bash .ci/run, which does both), or point the variable at another server.";
        }
    }

    private static async Task DropLeftoversAsync(NpgsqlConnection admin)
    {
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'lynchpin\\_test\\_%'", admin))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        var cutoff = DateTimeOffset.UtcNow - LeftoverAge;
        foreach (var name in names)
        {
            var stamp = name[DatabasePrefix.Length..].Split('_')[0];
            if (long.TryParse(stamp, out var seconds) && DateTimeOffset.FromUnixTimeSeconds(seconds) < cutoff)
            {
                await DropAsync(admin, name);
            }
        }
    }

    private static string Redacted(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = "***";
        }
        return builder.ConnectionString;
    }
}
