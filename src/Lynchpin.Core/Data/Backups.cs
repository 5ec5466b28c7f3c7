using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Lynchpin.Core.Appraisals;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lynchpin.Core.Data;

/// <summary>Why a backup or restore stopped: one line a person can act on.</summary>
public sealed class BackupFailure(string message) : Exception(message);

/// <summary>What a backup folder holds: every file with its SHA-256, and the rows of every table when it was taken.</summary>
public sealed record BackupManifest(
    int Format, string Provider, DateTime TakenAtUtc, string? LastMigration,
    List<BackupManifestFile> Files, SortedDictionary<string, long> Rows);

public sealed record BackupManifestFile(string Path, long Length, string Sha256);

/// <summary>
/// <c>backup --out FOLDER</c> and <c>restore --from FOLDER</c>. A backup is a consistent snapshot taken while the app runs
/// (SQLite's online backup; on PostgreSQL <c>pg_dump</c> in the snapshot the row counts were read in), the evidence files
/// still kept in a folder, and <c>manifest.json</c>. A restore checks every checksum first, goes only into an empty
/// database (created when missing) and compares every table's rows after.
/// </summary>
public sealed class Backups(DatabaseProvider provider, string connectionString, EvidenceOptions evidence, TextWriter output)
{
    public const string ManifestName = "manifest.json";
    public const string SqliteFileName = "lynchpin.db";
    public const string PostgresFileName = "lynchpin.dump";
    private const string EvidenceFolderName = "evidence";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<BackupManifest> BackupAsync(string folder, IReadOnlyList<string> appliedMigrations, CancellationToken ct = default)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupFailure($"{folder} is not empty: give a new or empty folder, so no backup is mixed with another.");
        }
        Directory.CreateDirectory(folder);
        var rows = provider == DatabaseProvider.Sqlite
            ? await BackupSqliteAsync(Path.Combine(folder, SqliteFileName), ct)
            : await BackupPostgresAsync(Path.Combine(folder, PostgresFileName), ct);

        // Evidence kept in a folder (by configuration, or from before it was kept in the database).
        var evidenceFiles = StoredEvidenceFiles(evidence.Folder).ToList();
        if (evidenceFiles.Count > 0)
        {
            Directory.CreateDirectory(Path.Combine(folder, EvidenceFolderName));
            foreach (var file in evidenceFiles)
            {
                File.Copy(file, Path.Combine(folder, EvidenceFolderName, Path.GetFileName(file)));
            }
        }

        var files = new List<BackupManifestFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            files.Add(new(Path.GetRelativePath(folder, path).Replace('\\', '/'), new FileInfo(path).Length, await Sha256Async(path, ct)));
        }
        var manifest = new BackupManifest(1, provider.ToString(), DateTime.UtcNow, appliedMigrations.LastOrDefault(), files, rows);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);
        output.WriteLine($"Backup taken in {folder}: {provider} database ({rows.Values.Sum()} rows in {rows.Count} tables), " +
            $"{evidenceFiles.Count} evidence file(s) from the folder, {files.Count} file(s) with their SHA-256 in {ManifestName}.");
        return manifest;
    }

    /// <summary>Checks the backup, restores it into the (empty or missing) configured database and compares the rows.</summary>
    public async Task<BackupManifest> RestoreAsync(string folder, CancellationToken ct = default)
    {
        var manifest = await VerifyAsync(folder, ct);
        if (!Enum.TryParse<DatabaseProvider>(manifest.Provider, out var backedUp) || backedUp != provider)
        {
            throw new BackupFailure($"This is a backup of a {manifest.Provider} database and Database__Provider is {provider}: " +
                $"restore it with Database__Provider={manifest.Provider}.");
        }
        SortedDictionary<string, long> rows;
        if (provider == DatabaseProvider.Sqlite)
        {
            rows = await RestoreSqliteAsync(Path.Combine(folder, SqliteFileName), ct);
        }
        else
        {
            rows = await RestorePostgresAsync(Path.Combine(folder, PostgresFileName), ct);
        }

        var differences = manifest.Rows.Where(r => rows.GetValueOrDefault(r.Key, -1) != r.Value)
            .Select(r => $"{r.Key}: {r.Value} in the backup, {rows.GetValueOrDefault(r.Key, 0)} restored").ToList();
        if (differences.Count > 0)
        {
            throw new BackupFailure($"The restored database differs from the backup ({string.Join("; ", differences)}).");
        }

        var evidenceFiles = manifest.Files.Where(f => f.Path.StartsWith(EvidenceFolderName + "/", StringComparison.Ordinal)).ToList();
        if (evidenceFiles.Count > 0)
        {
            Directory.CreateDirectory(evidence.Folder);
            foreach (var file in evidenceFiles)
            {
                var target = Path.Combine(evidence.Folder, Path.GetFileName(file.Path));
                if (!File.Exists(target))
                {
                    File.Copy(Path.Combine(folder, file.Path), target);
                }
            }
        }
        output.WriteLine($"Restored from {folder}: checksums of {manifest.Files.Count} file(s) matched; " +
            $"{rows.Values.Sum()} rows in {rows.Count} tables, as in the backup; {evidenceFiles.Count} evidence file(s) into {evidence.Folder}.");
        return manifest;
    }

    /// <summary>The manifest, once every file it lists is there with its length and SHA-256.</summary>
    public static async Task<BackupManifest> VerifyAsync(string folder, CancellationToken ct = default)
    {
        var manifestPath = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new BackupFailure($"{folder} has no {ManifestName}: it is not a Lynchpin backup (or not all of one).");
        }
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct));
        }
        catch (JsonException)
        {
            manifest = null;
        }
        if (manifest is null || manifest.Files is null || manifest.Rows is null)
        {
            throw new BackupFailure($"{manifestPath} cannot be read: the backup is damaged. Nothing was restored.");
        }
        foreach (var file in manifest.Files)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file.Path));
            if (!path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(path))
            {
                throw new BackupFailure($"{file.Path} is listed in {ManifestName} but missing: the backup is incomplete. Nothing was restored.");
            }
            if (new FileInfo(path).Length != file.Length || await Sha256Async(path, ct) != file.Sha256)
            {
                throw new BackupFailure($"{file.Path} does not match its SHA-256 in {ManifestName}: the backup is damaged. Nothing was restored.");
            }
        }
        return manifest;
    }

    private async Task<SortedDictionary<string, long>> BackupSqliteAsync(string target, CancellationToken ct)
    {
        var source = SqlitePath(connectionString);
        if (!File.Exists(source))
        {
            throw new BackupFailure($"There is no database at {source}: check ConnectionStrings__Lynchpin.");
        }
        // The online backup API copies a consistent snapshot (the -wal file's pages included) while the app goes on writing.
        await using (var from = new SqliteConnection(connectionString))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            // One file, nothing in a -wal beside it.
            await ExecuteAsync(to, "PRAGMA journal_mode = DELETE", ct);
        }
        // The rows as the snapshot holds them.
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await copy.OpenAsync(ct);
        return await CountRowsAsync(copy, SqliteTables, ct);
    }

    private async Task<SortedDictionary<string, long>> BackupPostgresAsync(string target, CancellationToken ct)
    {
        var pgDump = Tool("pg_dump") ?? throw new BackupFailure(
            "pg_dump was not found on PATH: install the PostgreSQL client tools (the server's version or later), or back up " +
            $"with: pg_dump --format=custom --file {target} <database>, and copy the evidence folder {evidence.Folder}.");
        // The rows are counted and pg_dump dumps in one snapshot, so the manifest describes exactly what the dump holds.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        var rows = await CountRowsAsync(connection, PostgresTables, ct);
        await RunAsync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={target}"],
            new NpgsqlConnectionStringBuilder(connectionString), ct);
        await transaction.CommitAsync(ct);
        return rows;
    }

    private async Task<SortedDictionary<string, long>> RestoreSqliteAsync(string backupFile, CancellationToken ct)
    {
        var target = SqlitePath(connectionString);
        if (File.Exists(target) && new FileInfo(target).Length > 0)
        {
            await using var existing = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            await existing.OpenAsync(ct);
            if ((await SqliteTables(existing, ct)).Count > 0)
            {
                throw new BackupFailure($"The database at {target} is not empty: restore only into a new database " +
                    "(set ConnectionStrings__Lynchpin to a new file, or move this one away). Nothing was restored.");
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }
        await using var restored = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await restored.OpenAsync(ct);
        await using (var check = restored.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            if ((string?)await check.ExecuteScalarAsync(ct) is not "ok")
            {
                throw new BackupFailure($"The restored database at {target} fails SQLite's integrity check.");
            }
        }
        return await CountRowsAsync(restored, SqliteTables, ct);
    }

    private async Task<SortedDictionary<string, long>> RestorePostgresAsync(string dump, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var pgRestore = Tool("pg_restore") ?? throw new BackupFailure(
            "pg_restore was not found on PATH: install the PostgreSQL client tools, or restore with: " +
            $"pg_restore --no-owner --exit-on-error --dbname {builder.Database} {dump}, then run this command's checks with migrate.");
        var database = builder.Database ?? throw new BackupFailure("ConnectionStrings__Lynchpin names no Database: add Database=<name>.");
        // A missing database is created (through the server's own "postgres" database).
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var admin = new NpgsqlConnection(server.ToString()))
        {
            await admin.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", database);
            if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
            {
                await ExecuteAsync(admin, $"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", ct);
                output.WriteLine($"Created the database {database}.");
            }
        }
        await using (var existing = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString()))
        {
            await existing.OpenAsync(ct);
            if ((await PostgresTables(existing, ct)).Count > 0)
            {
                throw new BackupFailure($"The database {database} is not empty: restore only into a new database " +
                    "(set Database= in ConnectionStrings__Lynchpin to a new name; it is created). Nothing was restored.");
            }
        }
        await RunAsync(pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={database}", dump], builder, ct);
        await using var restored = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await restored.OpenAsync(ct);
        return await CountRowsAsync(restored, PostgresTables, ct);
    }

    /// <summary>Runs a PostgreSQL client tool with the connection's settings in its environment (the password never on the command line).</summary>
    private static async Task RunAsync(string tool, IEnumerable<string> arguments, NpgsqlConnectionStringBuilder connection, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGDATABASE"] = connection.Database;
        using var process = Process.Start(start) ?? throw new BackupFailure($"{tool} could not be started.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var first = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            throw new BackupFailure($"{Path.GetFileName(tool)} failed (exit {process.ExitCode}): {first}");
        }
    }

    /// <summary>A program on PATH, or null.</summary>
    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    private static string SqlitePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Files the evidence store made (32 hex characters) in its folder; anything else there is not evidence.</summary>
    private static IEnumerable<string> StoredEvidenceFiles(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f) is { Length: 32 } name && name.All(char.IsAsciiHexDigitLower))
            .Order(StringComparer.Ordinal)
        : [];

    private static async Task<List<string>> SqliteTables(DbConnection connection, CancellationToken ct) =>
        await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", ct);

    private static async Task<List<string>> PostgresTables(DbConnection connection, CancellationToken ct) =>
        await ListAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", ct);

    private static async Task<SortedDictionary<string, long>> CountRowsAsync(
        DbConnection connection, Func<DbConnection, CancellationToken, Task<List<string>>> tables, CancellationToken ct)
    {
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await tables(connection, ct))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"")}\"";
            rows[table] = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        return rows;
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
