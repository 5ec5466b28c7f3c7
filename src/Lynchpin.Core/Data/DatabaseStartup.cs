using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lynchpin.Core.Data;

/// <summary>
/// Why Lynchpin cannot start, in one line naming what is wrong and the setting to change. Program.cs writes the line
/// and exits with 2; the exception it wraps goes to the log at debug level, not to the person starting the app.
/// </summary>
public sealed class StartupFailure(string message, Exception? inner = null) : Exception(message, inner)
{
    public const int ExitCode = 2;
}

/// <summary>
/// Brings the database up to date before the app serves or a command runs: waits while PostgreSQL is still starting,
/// lets one server at a time migrate (several start together behind a load balancer), and turns a wrong setting into a
/// <see cref="StartupFailure"/> rather than a stack trace.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>How long to keep trying a PostgreSQL that refuses connections (it may be starting with the app).</summary>
    public const string RetrySetting = "Database:StartRetrySeconds";

    public const int DefaultRetrySeconds = 30;

    // Any fixed number, the same in every instance: pg_advisory_lock keys are per database.
    private const long MigrationLockKey = 0x4C594E4348; // "LYNCH"

    public static async Task MigrateAsync(IServiceProvider services, TimeSpan retryFor, ILogger logger, CancellationToken ct = default)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
                await MigrateOnceAsync(db, ct);
                return;
            }
            catch (Exception e) when (IsStillStarting(e) && waited.Elapsed < retryFor)
            {
                logger.LogWarning("The database is not answering yet ({Reason}); trying again for up to {Seconds} s.", Innermost(e).Message, (int)retryFor.TotalSeconds);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
            catch (Exception e) when (e is not StartupFailure && Explain(e, services) is { } line)
            {
                logger.LogDebug(e, "Start-up failed: {Line}", line);
                throw new StartupFailure(line, e);
            }
        }
    }

    private static async Task MigrateOnceAsync(LynchpinDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite: EF Core's migrator locks the file while it migrates.
            await db.Database.MigrateAsync(ct);
            return;
        }
        // Two servers starting on a database that does not exist yet both try to create it: one wins, the other goes on.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
            }
        }
        // The lock belongs to this connection's session, which the migrator then uses: a second server waits here, then
        // finds nothing left to apply.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Refused connections and "starting up": what a PostgreSQL that is on its way looks like.</summary>
    internal static bool IsStillStarting(Exception e) => Chain(e).Any(x =>
        x is PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow }
        || x is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.TryAgain or SocketError.HostUnreachable or SocketError.NetworkUnreachable });

    /// <summary>One line for what went wrong and which setting to change; null for a failure that is not about the database.</summary>
    internal static string? Explain(Exception e, IServiceProvider services)
    {
        var setting = "ConnectionStrings__Lynchpin";
        foreach (var x in Chain(e))
        {
            switch (x)
            {
                case PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg:
                    return $"PostgreSQL refused to sign in the user given ({pg.MessageText}). Check Username and Password in {setting}.";
                case PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.InvalidCatalogName } pg:
                    return $"PostgreSQL: {pg.MessageText}. Create the database for Lynchpin's user (or give it CREATEDB), or name another Database in {setting}.";
                case PostgresException pg:
                    return $"PostgreSQL refused to prepare Lynchpin's database: {pg.MessageText} ({pg.SqlState}). Check {setting}.";
                case SocketException socket:
                    return $"Cannot reach the PostgreSQL server at {Server(services)} ({socket.Message}). Check Host and Port in {setting} and that the server is running.";
                case TimeoutException or NpgsqlException { InnerException: TimeoutException }:
                    return $"The PostgreSQL server at {Server(services)} did not answer in time. Check Host and Port in {setting} and that the server is running.";
                case SqliteException { SqliteErrorCode: 14 }:
                    return $"Cannot open or create the SQLite database {SqliteFile(services)}: its folder is missing or not writable. Make it writable, or set {setting} to \"Data Source=<a writable path>\".";
                case SqliteException { SqliteErrorCode: 8 }:
                    return $"The SQLite database {SqliteFile(services)} is read-only. Make the file and its folder writable, or set {setting} to \"Data Source=<a writable path>\".";
                case SqliteException { SqliteErrorCode: 26 }:
                    return $"{SqliteFile(services)} is not a SQLite database. Set {setting} to \"Data Source=<the database file>\".";
                case SqliteException sqlite:
                    return $"SQLite could not open {SqliteFile(services)}: {sqlite.Message}. Check {setting}.";
                case UnauthorizedAccessException or IOException:
                    return $"Cannot create the folder of the SQLite database {SqliteFile(services)}: {x.Message} Set {setting} to \"Data Source=<a writable path>\".";
                case ArgumentException when x.Source is "Npgsql" or "Microsoft.Data.Sqlite":
                    return $"{setting} is not a valid connection string: {x.Message}";
            }
        }
        return null;
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }

    private static Exception Innermost(Exception e) => Chain(e).Last();

    private static string ConnectionString(IServiceProvider services) =>
        services.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["ConnectionStrings:Lynchpin"] ?? "";

    private static string Server(IServiceProvider services)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString(services));
            return $"{builder.Host}:{builder.Port}";
        }
        catch (ArgumentException)
        {
            return "the address configured";
        }
    }

    private static string SqliteFile(IServiceProvider services)
    {
        var connectionString = ConnectionString(services) is { Length: > 0 } cs ? cs : DatabaseOptions.DefaultSqliteConnectionString;
        try
        {
            return Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        catch (ArgumentException)
        {
            return "configured";
        }
    }
}
