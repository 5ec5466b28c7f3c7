using System.CommandLine;
using Lynchpin.Core.Appraisals;

namespace Lynchpin.Web.Cli;

/// <summary>
/// <c>backup --out FOLDER</c> (while the app runs) and <c>restore --from FOLDER</c> (into an empty database): see
/// <see cref="Backups"/>. Exit 0 with what was done, or 1 with one line saying what is wrong.
/// </summary>
internal static class BackupCommands
{
    public static Command Backup(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var folder = new Option<DirectoryInfo>("--out") { Description = "A new or empty folder for the backup.", Required = true };
        var command = new Command("backup", "Back up the database (a consistent snapshot, while the app runs), the evidence files and a manifest of checksums.")
        {
            folder,
        };
        command.SetAction(async (parse, ct) => await ReportAsync(error, async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            if (applied.Count == 0)
            {
                throw new BackupFailure("The database has no tables yet: there is nothing to back up (check ConnectionStrings__Lynchpin).");
            }
            await BackupsOf(services, output).BackupAsync(Typed(parse.GetValue(folder)!), applied, ct);
        }));
        return command;
    }

    public static Command Restore(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var folder = new Option<DirectoryInfo>("--from") { Description = "A folder made by backup.", Required = true };
        var command = new Command("restore", "Restore a backup into an empty database (created when missing), checking checksums before and rows after.")
        {
            folder,
        };
        command.SetAction(async (parse, ct) => await ReportAsync(error, async () =>
        {
            await BackupsOf(services, output).RestoreAsync(Typed(parse.GetValue(folder)!), ct);
            // A backup from an older version gets this version's migrations.
            await CommandLine.MigrateAsync(services, ct);
            output.WriteLine("Migrations applied: the app can start on the restored database.");
        }));
        return command;
    }

    public static Command Export(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var school = new Option<int>("--school") { Description = "The school's URN.", Required = true };
        var file = new Option<FileInfo>("--out") { Description = "The .zip file to write (replaced if it exists).", Required = true };
        var exportSchool = new Command("school", "Export a school's records: staff and assessments in their import formats, evidence files and the audit trail.")
        {
            school, file,
        };
        exportSchool.SetAction(async (parse, ct) => await CommandLine.WithDatabase(services, async sp =>
        {
            var urn = parse.GetValue(school);
            var found = await sp.GetRequiredService<LynchpinDbContext>().Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, ct);
            if (found is null)
            {
                error.WriteLine($"No school has URN {urn}: nothing was exported.");
                return 1;
            }
            var target = CommandLine.OutputFile(parse.GetValue(file)!, CommandLine.ShellFolder);
            return await ReportAsync(error, async () =>
            {
                // Written beside the target and moved into place, so a failed export never leaves half a zip.
                var partial = target.FullName + ".partial";
                Core.Schools.SchoolExportSummary summary;
                try
                {
                    await using (var stream = File.Create(partial))
                    {
                        summary = await sp.GetRequiredService<Core.Schools.SchoolExport>().WriteAsync(found, stream, ct);
                    }
                    File.Move(partial, target.FullName, overwrite: true);
                }
                finally
                {
                    File.Delete(partial);
                }
                output.WriteLine($"Exported {found.Name} (URN {urn}) to {target.FullName}: {summary.Staff} staff, {summary.Assessments} assessments, " +
                    $"{summary.EvidenceFiles} evidence file(s), {summary.AuditRows} audit row(s).");
            });
        }));
        return new Command("export", "Export data to take elsewhere.") { exportSchool };
    }

    private static Backups BackupsOf(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        return new Backups(provider, db.Database.GetConnectionString()!, services.GetRequiredService<EvidenceStore>().Options, output);
    }

    /// <summary>A folder as the user typed it: relative to the shell's folder (see <see cref="CommandLine.ShellFolder"/>).</summary>
    private static string Typed(DirectoryInfo folder) =>
        Path.IsPathRooted(folder.ToString()) || string.IsNullOrEmpty(CommandLine.ShellFolder)
            ? folder.FullName
            : Path.GetFullPath(Path.Combine(CommandLine.ShellFolder, folder.ToString()));

    private static async Task<int> ReportAsync(TextWriter error, Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (BackupFailure failure)
        {
            error.WriteLine(failure.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            error.WriteLine($"Nothing more was done: {e.Message}");
            return 1;
        }
    }
}
