using System.Diagnostics;
using System.Text;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Imports;

/// <summary>
/// Issue 15, item 8: the <c>import staff</c> command killed outright (as kill -9: no chance to clean up) at a random moment
/// part-way through a large file, in a process of its own, leaves the database with all the file's rows or none — never
/// some — on both databases; SQLite's file is intact, and the same import run again afterwards completes (no lock is left
/// behind: PostgreSQL's advisory lock ends with the connection, SQLite's write transaction with the process).
/// </summary>
public class ImportKillTests
{
    private const int Urn = 140101;
    private const int People = 20_000;

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ImportStaff_KilledAtARandomMoment_AllRowsOrNoneAndTheNextImportCompletes(DatabaseProvider provider)
    {
        // Arrange
        if (provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.RequireAsync();
        }
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            db.Schools.Add(new School { Urn = Urn, Name = "Oakfield Academy" });
            await db.SaveChangesAsync();
        }
        var file = Path.Combine(Path.GetTempPath(), $"lynchpin-kill-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, StaffFile(People));
        var outcomes = new List<string>();

        try
        {
            // Act: three kills, each after a random wait (start-up, reading, checking or writing: wherever it falls).
            for (var trial = 0; trial < 3; trial++)
            {
                var wait = TimeSpan.FromMilliseconds(Random.Shared.Next(300, 6_000));
                using var child = Start(database, file);
                var exited = await ExitedWithinAsync(child, wait);
                if (!exited)
                {
                    child.Kill(entireProcessTree: true);
                    await child.WaitForExitAsync();
                }
                var rows = await CountAsync(database);
                outcomes.Add($"after {wait.TotalMilliseconds:N0} ms: {(exited ? "finished" : "killed")}, {rows} rows");

                // Assert: all or nothing at every kill.
                Assert.True(rows is 0 or People, string.Join("; ", outcomes));
                if (provider == DatabaseProvider.Sqlite)
                {
                    await using var db = database.CreateContext();
                    var connection = db.Database.GetDbConnection();
                    await connection.OpenAsync();
                    await using var check = connection.CreateCommand();
                    check.CommandText = "PRAGMA integrity_check";
                    Assert.Equal("ok", await check.ExecuteScalarAsync());
                }
            }

            // The same import, left to finish, completes: nothing the kills left behind stands in its way.
            using var last = Start(database, file);
            Assert.True(await ExitedWithinAsync(last, TimeSpan.FromMinutes(3)), "The import run after the kills did not finish.");
            Assert.Equal(0, last.ExitCode);
            Assert.Equal(People, await CountAsync(database));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<int> CountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.StaffMembers.CountAsync();
    }

    /// <summary>A staff file of <paramref name="count"/> new people, each managed by the first.</summary>
    private static string StaffFile(int count)
    {
        var csv = new StringBuilder("staff_ref,first_name,last_name,email,job_title,role_family,qts,slt,line_manager_ref,coach_ref,start_date,leaving_date,hours_per_week,weeks_per_year\n");
        for (var i = 1; i <= count; i++)
        {
            var manager = i == 1 ? "" : "K00001";
            csv.Append($"K{i:D5},Person,Number{i},p{i}@oakfield.example,Teacher,teaching,yes,no,{manager},,2020-09-01,,32.5,39\n");
        }
        return csv.ToString();
    }

    /// <summary>The built app's <c>import staff</c> command, in a process of its own, as an administrator would run it.</summary>
    private static Process Start(TestDatabase database, string file)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Lynchpin.Web.dll"), "import", "staff", "--school", Urn.ToString(), "--file", file })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Lynchpin"] = database.ConnectionString;
        start.Environment["Database__StartRetrySeconds"] = "0";
        start.Environment["Lynchpin__Leavers__Hourly"] = "false";
        var process = Process.Start(start)!;
        // Drained so a full pipe never holds the child up.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task<bool> ExitedWithinAsync(Process process, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
