using System.Diagnostics;
using Lynchpin.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Bench.Load;

/// <summary>
/// Loads a data set into a new SQLite file: the app's SQLite migrations make the schema (indexes included), then every
/// table is written in one transaction through <see cref="TableWriter"/>, and the foreign keys are checked.
/// </summary>
public static class SqliteLoader
{
    /// <summary>Only files named like this are ever deleted.</summary>
    public const string FilePrefix = "lynchpin_bench_";

    public static async Task<int> LoadAsync(string path, BenchDataset data)
    {
        if (!Path.GetFileName(path).StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"The SQLite file's name must start with {FilePrefix} (it is deleted and made again).");
            return 2;
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
        var total = Stopwatch.StartNew();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
        await using var context = BenchDataset.Context(DatabaseProvider.Sqlite, connectionString);
        await context.Database.MigrateAsync();

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // For this load only (a connection's setting): the file is made again if the load fails.
            pragma.CommandText = "PRAGMA synchronous = OFF";
            await pragma.ExecuteNonQueryAsync();
        }
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await data.WriteAsync(new TableWriter(context), connection, transaction);
            await transaction.CommitAsync();
        }
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await check.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                Console.Error.WriteLine($"A foreign key does not hold after loading: table {reader.GetString(0)}, row {reader.GetValue(1)}.");
                return 1;
            }
        }
        Console.WriteLine($"Loaded {path} in {total.Elapsed.TotalSeconds:N1} s: {new FileInfo(path).Length / 1024 / 1024:N0} MB.");
        return 0;
    }
}
