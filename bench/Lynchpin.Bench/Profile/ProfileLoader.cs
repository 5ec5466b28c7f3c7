using System.Diagnostics;
using Lynchpin.Bench.Load;
using Lynchpin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lynchpin.Bench.Profile;

/// <summary>
/// Loads generated data into its own PostgreSQL database: creates it, applies the app's migrations (so the schema
/// and indexes are exactly the app's), drops the secondary indexes and foreign keys of the two big tables, loads
/// every table with binary COPY (<see cref="TableWriter"/>, columns as the EF model maps them), puts the indexes and
/// keys back from the definitions it took, checks the schema is unchanged, and vacuums and analyses.
/// </summary>
public static class ProfileLoader
{
    /// <summary>Only databases named like this are ever created or dropped.</summary>
    public const string DatabasePrefix = "lynchpin_bench_";

    private static readonly string[] BigTables = ["staff_members", "assessments"];

    public static async Task<int> RunAsync(ProfileScale scale, string connectionString, bool recreate)
    {
        var step = Stopwatch.StartNew();
        var generator = new ProfileGenerator(scale);
        Console.WriteLine($"Generated {generator.Trusts.Count:N0} trusts, {generator.Schools.Count:N0} schools, {generator.Staff.Length:N0} staff, "
            + $"{generator.CheckpointDates.Count:N0} own checkpoint dates in {step.Elapsed.TotalSeconds:N1} s.");
        var result = await LoadAsync(connectionString, recreate, BenchDataset.Profile(generator));
        if (result == 0)
        {
            var trust = generator.LargestTrust;
            Console.WriteLine($"Largest trust: {trust.Code} ({trust.Size} schools). Years {scale.FirstYear}-{scale.LastYear}.");
        }
        return result;
    }

    /// <summary>Creates the database (only ever one named <see cref="DatabasePrefix"/>*), migrates it and loads the data set into it.</summary>
    public static async Task<int> LoadAsync(string connectionString, bool recreate, BenchDataset data)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database ?? "";
        if (!database.StartsWith(DatabasePrefix, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"The database name must start with {DatabasePrefix} (it is created, and dropped with --recreate).");
            return 2;
        }
        var total = Stopwatch.StartNew();
        if (!await CreateDatabaseAsync(builder, recreate))
        {
            return 1;
        }
        // Bulk loading: a session's own settings only, nothing changed on the server.
        builder.CommandTimeout = 0;
        connectionString = builder.ConnectionString;

        await using var context = BenchDataset.Context(DatabaseProvider.Postgres, connectionString);
        await context.Database.MigrateAsync();
        Console.WriteLine($"Applied migrations: {string.Join(", ", await context.Database.GetAppliedMigrationsAsync())}.");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var migrated = await SchemaAsync(connection);

        var step = Stopwatch.StartNew();
        var dropped = await DropSecondaryAsync(connection);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'");
        await data.WriteAsync(new TableWriter(context), connection, null);
        Console.WriteLine($"Loaded every table in {step.Elapsed.TotalSeconds:N1} s.");

        step.Restart();
        foreach (var sql in dropped)
        {
            var one = Stopwatch.StartNew();
            await ExecuteAsync(connection, sql);
            Console.WriteLine($"  {one.Elapsed.TotalSeconds,6:N1} s  {sql}");
        }
        // Rows were written with their ids: each identity continues after the largest.
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), COALESCE((SELECT max(id) FROM \"{table}\"), 0) + 1, false)");
        }
        Console.WriteLine($"Recreated indexes and foreign keys in {step.Elapsed.TotalSeconds:N1} s.");

        var loaded = await SchemaAsync(connection);
        if (!migrated.SequenceEqual(loaded))
        {
            Console.Error.WriteLine("The schema after loading differs from the migrations':");
            foreach (var line in migrated.Except(loaded))
            {
                Console.Error.WriteLine($"  missing: {line}");
            }
            foreach (var line in loaded.Except(migrated))
            {
                Console.Error.WriteLine($"  extra:   {line}");
            }
            return 1;
        }
        Console.WriteLine($"Schema equals the migrations' ({migrated.Count} indexes and constraints).");

        step.Restart();
        // As autovacuum would in time: statistics for the planner and the visibility map for index-only scans.
        await ExecuteAsync(connection, "VACUUM (ANALYZE)");
        Console.WriteLine($"Vacuumed and analysed in {step.Elapsed.TotalSeconds:N1} s.");

        var size = await ScalarAsync<string>(connection, "SELECT pg_size_pretty(pg_database_size(current_database()))");
        var big = await ScalarAsync<string>(connection,
            "SELECT string_agg(format('%s %s (indexes %s)', relname, pg_size_pretty(pg_table_size(relid)), pg_size_pretty(pg_indexes_size(relid))), '; ' ORDER BY relname) "
            + "FROM pg_stat_user_tables WHERE relname IN ('staff_members', 'assessments')");
        Console.WriteLine($"Done in {total.Elapsed.TotalMinutes:N1} min. Database {database}: {size}; {big}.");
        return 0;
    }

    private static async Task<bool> CreateDatabaseAsync(NpgsqlConnectionStringBuilder builder, bool recreate)
    {
        var admin = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        var exists = await ScalarAsync<bool>(connection, $"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '{builder.Database}')");
        if (exists && !recreate)
        {
            Console.Error.WriteLine($"Database {builder.Database} exists; pass --recreate to drop and load it again.");
            return false;
        }
        if (exists)
        {
            await ExecuteAsync(connection, $"DROP DATABASE \"{builder.Database}\" WITH (FORCE)");
        }
        await ExecuteAsync(connection, $"CREATE DATABASE \"{builder.Database}\"");
        return true;
    }

    /// <summary>Every index and constraint in the schema, as PostgreSQL prints them.</summary>
    public static async Task<List<string>> SchemaAsync(NpgsqlConnection connection)
    {
        const string sql = """
            SELECT tablename || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT conrelid::regclass || ': ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            ORDER BY 1
            """;
        var lines = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }

    /// <summary>
    /// Drops the foreign keys and the indexes other than primary keys on the big tables, and returns the statements
    /// that put them back (indexes first, then the keys that check against them).
    /// </summary>
    private static async Task<List<string>> DropSecondaryAsync(NpgsqlConnection connection)
    {
        var tables = string.Join(", ", BigTables.Select(t => $"'{t}'"));
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand($"""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename IN ({tables})
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)
            ORDER BY i.tablename DESC, i.indexname
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var keys = new List<(string Table, string Name, string Definition)>();
        await using (var command = new NpgsqlCommand($"""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE contype = 'f' AND conrelid::regclass::text IN ({tables})
            ORDER BY 1 DESC, 2
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        foreach (var (table, name, _) in keys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {name}");
        }
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}");
        }
        return indexes.Select(i => i.Definition)
            .Concat(keys.Select(k => $"ALTER TABLE {k.Table} ADD CONSTRAINT {k.Name} {k.Definition}"))
            .ToList();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
