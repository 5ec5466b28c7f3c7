using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data;
using Microsoft.Data.Sqlite;

namespace Lynchpin.Tests.Data;

/// <summary>Evidence kept in a folder (by configuration, or from before the database kept it) goes into the backup and back.</summary>
public sealed class BackupFolderEvidenceTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "lynchpin-tests", $"backup-folder-{Guid.NewGuid():N}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(root, name);

    [Fact]
    public async Task BackupThenRestore_EvidenceInAFolder_ComesBackWithItsBytes()
    {
        // Arrange: a database with a table and a row, and a stored evidence file beside it
        Directory.CreateDirectory(PathOf("evidence"));
        var source = new SqliteConnectionStringBuilder { DataSource = PathOf("source.db") }.ToString();
        await using (var db = new SqliteConnection(source))
        {
            await db.OpenAsync();
            await using var create = db.CreateCommand();
            create.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('kept');";
            await create.ExecuteNonQueryAsync();
        }
        const string stored = "0123456789abcdef0123456789abcdef";
        await File.WriteAllTextAsync(Path.Combine(PathOf("evidence"), stored), "Reading ages");
        await File.WriteAllTextAsync(Path.Combine(PathOf("evidence"), "not-evidence.txt"), "left out");
        var output = new StringWriter();

        // Act
        await new Backups(DatabaseProvider.Sqlite, source, new EvidenceOptions(PathOf("evidence")), output)
            .BackupAsync(PathOf("backup"), ["20261207000000_Initial"]);
        var target = new SqliteConnectionStringBuilder { DataSource = PathOf("restored/lynchpin.db") }.ToString();
        var manifest = await new Backups(DatabaseProvider.Sqlite, target, new EvidenceOptions(PathOf("restored-evidence")), output)
            .RestoreAsync(PathOf("backup"));

        // Assert
        Assert.Equal(["evidence/" + stored, Backups.SqliteFileName], manifest.Files.Select(f => f.Path).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(1, manifest.Rows["notes"]);
        Assert.Equal("Reading ages", await File.ReadAllTextAsync(Path.Combine(PathOf("restored-evidence"), stored)));
        Assert.False(File.Exists(Path.Combine(PathOf("restored-evidence"), "not-evidence.txt")));
        Assert.Contains("1 evidence file(s)", output.ToString());
    }
}
