using System.Diagnostics;
using Lynchpin.Core.Data;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lynchpin.Tests.Data;

/// <summary>
/// A wrong database setting stops the app with one line naming the setting and exit code 2, never a stack trace; two
/// servers starting together on one PostgreSQL both come up.
/// </summary>
public class DatabaseStartupTests
{
    [Fact]
    public async Task Serve_SqliteInAReadOnlyFolder_OneLineNamingTheSettingAndExit2()
    {
        // Arrange: /proc cannot be written even by root, so this holds wherever the tests run.
        var settings = Settings("Sqlite", "Data Source=/proc/lynchpin-test/lynchpin.db");

        // Act
        var (exit, error) = await RunAppAsync([], settings);

        // Assert
        Assert.Equal(StartupFailure.ExitCode, exit);
        var line = Assert.Single(Lines(error));
        Assert.Contains("/proc/lynchpin-test", line);
        Assert.Contains("ConnectionStrings__Lynchpin", line);
    }

    [Fact]
    public async Task Migrate_UnknownProvider_OneLineNamingTheSettingAndExit2()
    {
        // Arrange
        var settings = Settings("Oracle", "Data Source=x.db");

        // Act
        var (exit, error) = await RunAppAsync(["migrate"], settings);

        // Assert
        Assert.Equal(StartupFailure.ExitCode, exit);
        var line = Assert.Single(Lines(error));
        Assert.Contains("Database__Provider", line);
        Assert.Contains("Oracle", line);
    }

    [Fact]
    public async Task Migrate_PostgresServerNotListening_OneLineNamingHostPortAndSetting()
    {
        // Arrange: nothing listens on port 1; no retry, so the answer is immediate.
        var settings = Settings("Postgres", "Host=127.0.0.1;Port=1;Database=lynchpin;Username=lynchpin;Password=x");

        // Act
        var (exit, error) = await RunAppAsync(["migrate"], settings);

        // Assert
        Assert.Equal(StartupFailure.ExitCode, exit);
        var line = Assert.Single(Lines(error));
        Assert.Contains("127.0.0.1:1", line);
        Assert.Contains("ConnectionStrings__Lynchpin", line);
    }

    [SkippableFact]
    public async Task Serve_PostgresWrongPassword_OneLineAboutTheSignInAndExit2()
    {
        // Arrange
        await PostgresServer.RequireAsync();
        var wrong = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = "postgres", Password = "not-the-password" };
        var settings = Settings("Postgres", wrong.ConnectionString);

        // Act
        var (exit, error) = await RunAppAsync([], settings);

        // Assert
        Assert.Equal(StartupFailure.ExitCode, exit);
        var line = Assert.Single(Lines(error));
        Assert.Contains("Username and Password", line);
    }

    [SkippableFact]
    public async Task MigrateAsync_TwoServersAtOnceOnADatabaseNotYetCreated_BothSucceedAndApplyEachMigrationOnce()
    {
        // Arrange
        await PostgresServer.RequireAsync();
        var connectionString = PostgresServer.ConnectionStringFor($"lynchpin_test_{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}_race_{Guid.NewGuid().ToString("N")[..8]}");
        await using var first = Services(connectionString);
        await using var second = Services(connectionString);
        try
        {
            // Act
            await Task.WhenAll(
                DatabaseStartup.MigrateAsync(first, TimeSpan.Zero, NullLogger.Instance),
                DatabaseStartup.MigrateAsync(second, TimeSpan.Zero, NullLogger.Instance));

            // Assert
            await using var scope = first.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.Equal(db.Database.GetMigrations(), applied);
            Assert.Equal(applied.Count, applied.Distinct().Count());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void Explain_SqliteReadOnlyFile_NamesTheFileAndTheSetting()
    {
        // Arrange: root can write a file whatever its mode, so the error SQLite gives is made here.
        using var services = Services(DatabaseProvider.Sqlite, "Data Source=/srv/school/lynchpin.db");
        var readOnly = new Microsoft.Data.Sqlite.SqliteException("attempt to write a readonly database", 8);

        // Act
        var line = DatabaseStartup.Explain(new InvalidOperationException("wrapped", readOnly), services);

        // Assert
        Assert.NotNull(line);
        Assert.Contains("/srv/school/lynchpin.db", line);
        Assert.Contains("read-only", line);
        Assert.Contains("ConnectionStrings__Lynchpin", line);
    }

    [Fact]
    public void Explain_SomethingNotAboutTheDatabase_IsNotExplained()
    {
        using var services = Services(DatabaseProvider.Sqlite, "Data Source=x.db");

        Assert.Null(DatabaseStartup.Explain(new InvalidOperationException("a bug"), services));
    }

    private static Dictionary<string, string> Settings(string provider, string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = provider,
        ["ConnectionStrings__Lynchpin"] = connectionString,
        ["Database__StartRetrySeconds"] = "0",
        ["Lynchpin__Leavers__Hourly"] = "false",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
    };

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs the built app as a person would start it, in a process of its own, and returns its exit code and standard error.</summary>
    private static async Task<(int Exit, string Error)> RunAppAsync(string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lynchpin.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }

    private static ServiceProvider Services(string postgresConnectionString) => Services(DatabaseProvider.Postgres, postgresConnectionString);

    private static ServiceProvider Services(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Lynchpin"] = connectionString })
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddDbContext<LynchpinDbContext>(o => DatabaseOptions.Configure(o, provider, connectionString))
            .BuildServiceProvider();
    }
}
