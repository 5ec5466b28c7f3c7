using System.Diagnostics;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Lynchpin.Bench.Profile;

/// <summary>
/// Loads generated data into its own PostgreSQL database: creates it, applies the app's migrations (so the schema
/// and indexes are exactly the app's), drops the secondary indexes and foreign keys of the two big tables, loads
/// every table with binary COPY, puts the indexes and keys back from the definitions it took, checks the schema
/// is unchanged, and vacuums and analyses.
/// </summary>
public static class ProfileLoader
{
    /// <summary>Only databases named like this are ever created or dropped.</summary>
    public const string DatabasePrefix = "lynchpin_bench_";

    private static readonly string[] BigTables = ["staff_members", "assessments"];

    public static async Task<int> RunAsync(ProfileScale scale, string connectionString, bool recreate)
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

        await MigrateAsync(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var migrated = await SchemaAsync(connection);

        var step = Stopwatch.StartNew();
        var generator = new ProfileGenerator(scale);
        Console.WriteLine($"Generated {generator.Trusts.Count:N0} trusts, {generator.Schools.Count:N0} schools, {generator.Staff.Length:N0} staff, "
            + $"{generator.CheckpointDates.Count:N0} own checkpoint dates in {step.Elapsed.TotalSeconds:N1} s.");

        step.Restart();
        var dropped = await DropSecondaryAsync(connection);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'");
        await CopyTrustsAsync(connection, generator);
        await CopySchoolsAsync(connection, generator);
        await CopyCheckpointDatesAsync(connection, generator);
        CopyStaff(connection, generator);
        Console.WriteLine($"Loaded trusts, schools, checkpoint dates and staff in {step.Elapsed.TotalSeconds:N1} s.");
        step.Restart();
        var assessments = CopyAssessments(connection, generator);
        Console.WriteLine($"Loaded {assessments:N0} assessments in {step.Elapsed.TotalSeconds:N1} s.");

        step.Restart();
        foreach (var sql in dropped)
        {
            var one = Stopwatch.StartNew();
            await ExecuteAsync(connection, sql);
            Console.WriteLine($"  {one.Elapsed.TotalSeconds,6:N1} s  {sql}");
        }
        foreach (var table in new[] { "trusts", "schools", "checkpoint_dates", "staff_members", "assessments" })
        {
            await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT max(id) FROM {table}), 1))");
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
        var tables = await ScalarAsync<string>(connection,
            "SELECT string_agg(format('%s %s (indexes %s)', relname, pg_size_pretty(pg_table_size(relid)), pg_size_pretty(pg_indexes_size(relid))), '; ' ORDER BY relname) "
            + "FROM pg_stat_user_tables WHERE relname IN ('staff_members', 'assessments')");
        Console.WriteLine($"Done in {total.Elapsed.TotalMinutes:N1} min. Database {database}: {size}; {tables}.");
        var trust = generator.LargestTrust;
        Console.WriteLine($"Largest trust: {trust.Code} ({trust.Size} schools). Years {scale.FirstYear}-{scale.LastYear}.");
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

    private static async Task MigrateAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<LynchpinDbContext>();
        DatabaseOptions.Configure(options, DatabaseProvider.Postgres, connectionString);
        await using var db = new LynchpinDbContext(options.Options);
        await db.Database.MigrateAsync();
        Console.WriteLine($"Applied migrations: {string.Join(", ", await db.Database.GetAppliedMigrationsAsync())}.");
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

    private static async Task CopyTrustsAsync(NpgsqlConnection connection, ProfileGenerator generator)
    {
        await using var writer = await connection.BeginBinaryImportAsync("COPY trusts (id, code, name, kind) FROM STDIN (FORMAT BINARY)");
        foreach (var trust in generator.Trusts)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(trust.Id, NpgsqlDbType.Integer);
            await writer.WriteAsync(trust.Code, NpgsqlDbType.Varchar);
            await writer.WriteAsync(trust.Name, NpgsqlDbType.Varchar);
            await writer.WriteAsync(nameof(TrustKind.MultiAcademyTrust), NpgsqlDbType.Varchar);
        }
        await writer.CompleteAsync();
    }

    private static async Task CopySchoolsAsync(NpgsqlConnection connection, ProfileGenerator generator)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY schools (id, urn, name, phase, number_of_pupils, local_authority, is_open, trust_id) FROM STDIN (FORMAT BINARY)");
        foreach (var school in generator.Schools)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(school.Id, NpgsqlDbType.Integer);
            await writer.WriteAsync(school.Urn, NpgsqlDbType.Integer);
            await writer.WriteAsync(school.Name, NpgsqlDbType.Varchar);
            await writer.WriteAsync(school.Phase, NpgsqlDbType.Varchar);
            await writer.WriteAsync(school.Pupils, NpgsqlDbType.Integer);
            await writer.WriteAsync(school.LocalAuthority, NpgsqlDbType.Varchar);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            await WriteNullableAsync(writer, school.TrustId, NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync();
    }

    private static async Task CopyCheckpointDatesAsync(NpgsqlConnection connection, ProfileGenerator generator)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY checkpoint_dates (id, school_id, year, checkpoint, date) FROM STDIN (FORMAT BINARY)");
        foreach (var date in generator.CheckpointDates)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(date.Id, NpgsqlDbType.Integer);
            await writer.WriteAsync(date.SchoolId, NpgsqlDbType.Integer);
            await writer.WriteAsync(date.Year, NpgsqlDbType.Integer);
            await writer.WriteAsync(date.Checkpoint, NpgsqlDbType.Integer);
            await writer.WriteAsync(date.Date, NpgsqlDbType.Date);
        }
        await writer.CompleteAsync();
    }

    // The two big tables use the synchronous writer: per-row async calls cost more than the copy itself.
    private static void CopyStaff(NpgsqlConnection connection, ProfileGenerator generator)
    {
        using var writer = connection.BeginBinaryImport(
            "COPY staff_members (id, school_id, staff_ref, first_name, last_name, email, job_title, role_family, qts, slt, start_date, leaving_date, "
            + "hours_per_week, weeks_per_year, line_manager_id, coach_id) FROM STDIN (FORMAT BINARY)");
        var urnOf = generator.Schools.ToDictionary(s => s.Id, s => s.Urn);
        foreach (var s in generator.Staff)
        {
            var first = ProfileGenerator.FirstNames[s.Id % ProfileGenerator.FirstNames.Length];
            var last = ProfileGenerator.LastNames[s.Id / ProfileGenerator.FirstNames.Length % ProfileGenerator.LastNames.Length];
            var teaching = s.Family == RoleFamily.Teaching;
            writer.StartRow();
            writer.Write(s.Id, NpgsqlDbType.Integer);
            writer.Write(s.SchoolId, NpgsqlDbType.Integer);
            writer.Write($"S{s.Id:D7}", NpgsqlDbType.Varchar);
            writer.Write(first, NpgsqlDbType.Varchar);
            writer.Write(last, NpgsqlDbType.Varchar);
            writer.Write($"{first}.{last}{s.Id}@school{urnOf[s.SchoolId]}.example".ToLowerInvariant(), NpgsqlDbType.Varchar);
            writer.Write(ProfileGenerator.JobTitle(s.Family, s.Slt), NpgsqlDbType.Varchar);
            writer.Write(s.Family.Code(), NpgsqlDbType.Varchar);
            writer.Write(teaching, NpgsqlDbType.Boolean);
            writer.Write(s.Slt, NpgsqlDbType.Boolean);
            WriteNullable(writer, s.Start, NpgsqlDbType.Date);
            WriteNullable(writer, s.Leaving, NpgsqlDbType.Date);
            writer.Write(teaching ? 32.5m : 30m, NpgsqlDbType.Numeric);
            writer.Write(teaching ? 39m : 40.4m, NpgsqlDbType.Numeric);
            WriteNullable(writer, s.LineManagerId, NpgsqlDbType.Integer);
            writer.WriteNull();
        }
        writer.Complete();
    }

    private static long CopyAssessments(NpgsqlConnection connection, ProfileGenerator generator)
    {
        using var writer = connection.BeginBinaryImport(
            "COPY assessments (id, staff_member_id, year, checkpoint, stage, assessed_on, assessor_id, criteria_met, note, version, is_current, "
            + "recorded_at, recorded_by_user_id, recorded_by_name, reflection, reflection_at) FROM STDIN (FORMAT BINARY)");
        long count = 0;
        var progress = Stopwatch.StartNew();
        foreach (var a in generator.Assessments())
        {
            writer.StartRow();
            writer.Write(a.Id, NpgsqlDbType.Integer);
            writer.Write(a.StaffMemberId, NpgsqlDbType.Integer);
            writer.Write(a.Year, NpgsqlDbType.Integer);
            writer.Write(a.Checkpoint, NpgsqlDbType.Integer);
            writer.Write(a.Stage, NpgsqlDbType.Integer);
            writer.Write(a.AssessedOn, NpgsqlDbType.Date);
            WriteNullable(writer, a.AssessorId, NpgsqlDbType.Integer);
            writer.Write(a.CriteriaMet, NpgsqlDbType.Array | NpgsqlDbType.Text);
            WriteNullable(writer, a.Note, NpgsqlDbType.Varchar);
            writer.Write(a.Version, NpgsqlDbType.Integer);
            writer.Write(a.IsCurrent, NpgsqlDbType.Boolean);
            writer.Write(a.AssessedOn.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
            writer.WriteNull();
            writer.Write(a.RecordedByName, NpgsqlDbType.Varchar);
            writer.WriteNull();
            writer.WriteNull();
            if (++count % 1_000_000 == 0)
            {
                Console.WriteLine($"  {count:N0} assessments, {progress.Elapsed.TotalSeconds:N0} s");
            }
        }
        writer.Complete();
        return count;
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, type);
        }
        else
        {
            await writer.WriteNullAsync();
        }
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
