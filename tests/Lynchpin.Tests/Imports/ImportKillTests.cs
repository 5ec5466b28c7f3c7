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

    /// <summary>
    /// The kill is sure to land inside the import's write on PostgreSQL: a transaction of the test's own has already
    /// added the file's last person, so the import's COPY writes every row before it and then waits on that row's
    /// unique index entry. Killed there, the server aborts the import's transaction (when the COPY reads on and finds the
    /// client gone) and no row of it is kept.
    /// </summary>
    [SkippableFact]
    public async Task ImportStaff_KilledInTheMiddleOfItsWriteOnPostgres_KeepsNoRow()
    {
        // Arrange
        await PostgresServer.RequireAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        int schoolId;
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var school = new School { Urn = Urn, Name = "Oakfield Academy" };
            db.Schools.Add(school);
            await db.SaveChangesAsync();
            schoolId = school.Id;
        }
        var file = Path.Combine(Path.GetTempPath(), $"lynchpin-kill-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, StaffFile(People));
        await using var blocker = database.CreateContext();
        await using var blocking = await blocker.Database.BeginTransactionAsync();
        blocker.StaffMembers.Add(new StaffMember
        {
            SchoolId = schoolId,
            StaffRef = $"K{People:D5}",
            FirstName = "Held",
            LastName = "Back",
            JobTitle = "Teacher",
        });
        await blocker.SaveChangesAsync();

        try
        {
            // Act
            using var child = Start(database, file);
            var waiting = await WaitUntilAsync(database, "wait_event_type = 'Lock'", child, TimeSpan.FromMinutes(3));
            Assert.True(waiting, "The import's COPY never reached the row held back (the child exited or three minutes passed).");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            await blocking.RollbackAsync();

            // Assert: once the server has ended the import's session, none of the rows it had written is there.
            Assert.True(await WaitUntilAsync(database, null, null, TimeSpan.FromMinutes(1), gone: true), "The killed import's COPY is still running.");
            Assert.Equal(0, await CountAsync(database));
            using var last = Start(database, file);
            Assert.True(await ExitedWithinAsync(last, TimeSpan.FromMinutes(3)), "The import run after the kill did not finish.");
            Assert.Equal(0, last.ExitCode);
            Assert.Equal(People, await CountAsync(database));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Polls the server for a COPY into staff_members (in the given state, or until none is left).</summary>
    private static async Task<bool> WaitUntilAsync(TestDatabase database, string? state, Process? child, TimeSpan within, bool gone = false)
    {
        await using var db = database.CreateContext();
        var sql = "SELECT CAST(count(*) AS integer) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY \"staff_members\"%'"
            + (state is null ? "" : $" AND {state}");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within && child is not { HasExited: true })
        {
            var copies = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
            if (gone ? copies == 0 : copies > 0)
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
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
