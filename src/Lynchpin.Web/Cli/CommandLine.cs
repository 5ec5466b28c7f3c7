using System.CommandLine;
using Lynchpin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Web.Cli;

/// <summary>The app's commands: <c>dotnet run --project src/Lynchpin.Web -- import staff --school 100001 --file staff.csv</c>.</summary>
public static class CommandLine
{
    private static readonly HashSet<string> Commands = ["migrate", "import", "calendar", "rota", "users", "tokens", "trusts", "appraisal", "caseload", "backup", "restore", "export", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = Build(services, output, error);
        var parsed = root.Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (StartupFailure failure)
        {
            error.WriteLine($"Lynchpin cannot start: {failure.Message}");
            return StartupFailure.ExitCode;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What the default handler did: the whole exception, exit 1.
            error.WriteLine($"Unhandled exception: {e}");
            return 1;
        }
    }

    /// <summary>Migrates (waiting for a PostgreSQL that is starting, one server at a time) or throws a <see cref="StartupFailure"/>.</summary>
    internal static Task MigrateAsync(IServiceProvider services, CancellationToken ct = default) =>
        DatabaseStartup.MigrateAsync(services, LynchpinApp.StartRetry(services.GetRequiredService<IConfiguration>()),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Lynchpin.Startup"), ct);

    private static RootCommand Build(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Lynchpin: every adult in a school counts. Without a command, serves the web app.");

        var migrate = new Command("migrate", "Apply database migrations and exit.");
        migrate.SetAction(async (_, ct) =>
        {
            await MigrateAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            output.WriteLine($"Migrations applied ({db.Database.ProviderName}).");
            return 0;
        });
        root.Subcommands.Add(migrate);

        root.Subcommands.Add(ImportCommands.Build(services, output, error));
        root.Subcommands.Add(ObservationCommands.BuildCalendar(services, output, error));
        root.Subcommands.Add(ObservationCommands.BuildRota(services, output, error));
        root.Subcommands.Add(AccountCommands.Users(services, output, error));
        root.Subcommands.Add(AccountCommands.Tokens(services, output, error));
        root.Subcommands.Add(AccountCommands.Trusts(services, output, error));
        root.Subcommands.Add(AccountCommands.Retention(services, output));
        root.Subcommands.Add(AppraisalCommands.Build(services, output, error));
        root.Subcommands.Add(CoachingCommands.Caseload(services, output, error));
        root.Subcommands.Add(BackupCommands.Backup(services, output, error));
        root.Subcommands.Add(BackupCommands.Restore(services, output, error));
        root.Subcommands.Add(BackupCommands.Export(services, output, error));
        return root;
    }

    /// <summary>Who the command line records as making a rota (it has no account).</summary>
    public const string CommandLineName = "Command line";

    /// <summary>The shell's folder: `dotnet run --project src/Lynchpin.Web` runs the program in the project's folder but passes PWD on.</summary>
    internal static string? ShellFolder => Environment.GetEnvironmentVariable("PWD");

    /// <summary>A file as the user typed it: relative to the working folder, or failing that to the shell's folder.</summary>
    internal static FileInfo InputFile(FileInfo file, string? shellFolder)
    {
        var typed = file.ToString();
        if (file.Exists || Path.IsPathRooted(typed) || string.IsNullOrEmpty(shellFolder))
        {
            return file;
        }
        var fromShell = new FileInfo(Path.Combine(shellFolder, typed));
        return fromShell.Exists ? fromShell : file;
    }

    /// <summary>A file the command writes, as the user typed it: relative to the shell's folder (see <see cref="ShellFolder"/>).</summary>
    internal static FileInfo OutputFile(FileInfo file, string? shellFolder)
    {
        var typed = file.ToString();
        return Path.IsPathRooted(typed) || string.IsNullOrEmpty(shellFolder) ? file : new FileInfo(Path.Combine(shellFolder, typed));
    }

    /// <summary>Today in the schools' own time (UK).</summary>
    internal static DateOnly Today(IServiceProvider services) =>
        services.GetRequiredService<SchoolClock>().Today;

    internal static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    internal static async Task<int> WithDatabase(IServiceProvider services, Func<IServiceProvider, Task<int>> action)
    {
        // Commands work on a database that the web app has not started yet.
        await MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
