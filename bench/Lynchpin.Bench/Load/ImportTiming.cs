using System.Diagnostics;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lynchpin.Bench.Load;

/// <summary>
/// Times the staff import in-process, without the app's start-up: a new database, one school, then the file imported
/// into the empty school (every person new) and again over itself (every person stored and unchanged), several times.
/// </summary>
public static class ImportTiming
{
    private const int Urn = 100000;

    public static async Task<int> RunAsync(DatabaseProvider provider, string target, string file, int runs)
    {
        var connectionString = provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder { DataSource = target }.ConnectionString
            : target;
        var name = provider == DatabaseProvider.Sqlite ? Path.GetFileName(target) : new NpgsqlConnectionStringBuilder(target).Database ?? "";
        if (!name.StartsWith(SqliteLoader.FilePrefix, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"The database's name must start with {SqliteLoader.FilePrefix} (it is deleted and made again).");
            return 2;
        }
        await using (var setup = BenchDataset.Context(provider, connectionString))
        {
            await setup.Database.EnsureDeletedAsync();
            await setup.Database.MigrateAsync();
            setup.Schools.Add(new School { Urn = Urn, Name = "Import timing school" });
            await setup.SaveChangesAsync();
        }
        Console.WriteLine($"{provider}, {File.ReadLines(file).Count() - 1:N0} rows from {file}");
        for (var run = 1; run <= runs; run++)
        {
            await using (var empty = BenchDataset.Context(provider, connectionString))
            {
                await empty.StaffMembers.ExecuteUpdateAsync(u => u.SetProperty(s => s.LineManagerId, (int?)null).SetProperty(s => s.CoachId, (int?)null));
                await empty.StaffMembers.ExecuteDeleteAsync();
            }
            await TimeAsync(provider, connectionString, file, $"run {run}, into the empty school");
            await TimeAsync(provider, connectionString, file, $"run {run}, the same file again");
        }
        return 0;
    }

    private static async Task TimeAsync(DatabaseProvider provider, string connectionString, string file, string what)
    {
        await using var db = BenchDataset.Context(provider, connectionString);
        await using var stream = File.OpenRead(file);
        var clock = Stopwatch.StartNew();
        var result = await new StaffImporter(db).ImportAsync(Urn, stream, Path.GetFileName(file));
        clock.Stop();
        Console.WriteLine(result.Succeeded
            ? $"  {what}: {clock.Elapsed.TotalSeconds:N2} s ({result.Created:N0} created, {result.Updated:N0} updated, {result.Unchanged:N0} unchanged)"
            : $"  {what}: FAILED after {clock.Elapsed.TotalSeconds:N2} s: {result.Errors.FirstOrDefault()?.Message}");
    }
}
