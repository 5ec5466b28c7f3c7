using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Appraisals.Reviews;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web;
using Lynchpin.Web.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Lynchpin.Tests.Data;

/// <summary>
/// <c>backup --out</c> while the app runs and <c>restore --from</c> into a new database: the same API answers and the
/// evidence (kept in the database, the default) downloads; a damaged backup or a database with tables is refused.
/// </summary>
public abstract class BackupRestoreTests(LynchpinAppFactory app) : ReviewPageTest(app), IDisposable
{
    public sealed class Sqlite(SqliteAppFactory app) : BackupRestoreTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : BackupRestoreTests(app), IClassFixture<PostgresAppFactory>;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\nPhonics screening: 31 of 34 met the standard\n");

    private readonly string folder = Path.Combine(Path.GetTempPath(), "lynchpin-tests", $"backup-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A connection string for a database that does not exist yet: a new file, or a new PostgreSQL name.</summary>
    private string NewDatabase() => App.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder + "-restored", "lynchpin.db") }.ConnectionString
        : PostgresServer.ConnectionStringFor($"lynchpin_test_{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}_{Guid.NewGuid().ToString("N")[..12]}");

    private async Task DropAsync(string connectionString)
    {
        if (App.Provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
            return;
        }
        SqliteConnection.ClearAllPools();
        var restoredFolder = folder + "-restored";
        if (Directory.Exists(restoredFolder))
        {
            Directory.Delete(restoredFolder, recursive: true);
        }
    }

    /// <summary>Runs a command as the program does, on another database (not migrated first: restore wants it empty).</summary>
    private async Task<(int Exit, string Output, string Error)> RunOnAsync(string connectionString, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = App.Provider.ToString(),
            ["ConnectionStrings:Lynchpin"] = connectionString,
            ["Lynchpin:Leavers:Hourly"] = "false",
            ["Lynchpin:Retention:Daily"] = "false",
            ["Lynchpin:Reminders:Daily"] = "false",
        });
        builder.AddLynchpin();
        await using var host = builder.Build();
        return await RunAsync(host.Services, args);
    }

    private async Task<(People People, int EvidenceId)> SeededAsync()
    {
        var people = await PeopleAsync();
        await DraftReviewAsync(people.Appraisal, ReviewKind.MidYear, Rating.OnTrack, Rating.AtRisk);
        using var person = await SignInAsync(people.PersonUser);
        using var page = await person.GetAsync(MidYearUrl(people.Person));
        var form = (IHtmlFormElement)(await PageAssert.OkAsync(page)).GetElementById("upload-form")!;
        var values = Html.FormValues(form);
        values["FileObjectiveId"] = people.First.Id.ToString();
        using var upload = await Html.SubmitWithFileAsync(person, form, values, "Upload", "phonics.pdf", Pdf, page.RequestMessage!.RequestUri!);
        PageAssert.RedirectsTo(upload, MidYearUrl(people.Person) + "#evidence");
        var evidence = Assert.Single(Assert.Single(await VersionsAsync(people.Appraisal, ReviewKind.MidYear)).Evidence);
        return (people, evidence.Id);
    }

    private static async Task<List<string>> AnswersAsync(HttpClient client, People people)
    {
        var answers = new List<string>();
        foreach (var url in new[] { "/api/schools", $"/api/schools/{people.School.Urn}/staff", $"/api/schools/{people.School.Urn}/appraisal" })
        {
            using var response = await client.GetAsync(url);
            answers.Add($"{url} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return answers;
    }

    [SkippableFact]
    public async Task BackupThenRestore_IntoANewDatabase_GivesTheSameAnswersAndTheEvidenceDownloads()
    {
        // Arrange: a school with an appraisal, a file uploaded as evidence (into the database) and an API token
        var (people, evidenceId) = await SeededAsync();
        var token = await Data.CreateApiTokenAsync(people.HeadUser);
        using var before = App.CreateBearerClient(token.Secret);
        var answers = await AnswersAsync(before, people);
        var target = NewDatabase();

        try
        {
            // Act: a backup while the app runs, restored into a database that does not exist yet
            var backup = await RunAsync(App.Services, "backup", "--out", folder);
            var restore = await RunOnAsync(target, "restore", "--from", folder);

            // Assert
            Assert.True(backup.Exit == 0, backup.Error);
            Assert.Contains("Backup taken in", backup.Output);
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(folder, Backups.ManifestName)))!;
            Assert.Contains(manifest.Files, f => f.Path is Backups.SqliteFileName or Backups.PostgresFileName && f.Sha256.Length == 64);
            Assert.True(manifest.Rows.Single(r => r.Key == "evidence_files").Value >= 1);
            Assert.True(restore.Exit == 0, restore.Error + restore.Output);
            Assert.Contains("as in the backup", restore.Output);

            var restored = new LynchpinAppFactory(App.Provider).WithSetting("ConnectionStrings:Lynchpin", target);
            await restored.InitializeAsync();
            try
            {
                using var after = restored.CreateBearerClient(token.Secret);
                Assert.Equal(answers, await AnswersAsync(after, people));
                using var person = await restored.CreateSignedInClientAsync(people.PersonUser);
                using var download = await person.GetAsync($"/staff/{people.Person.Id}/appraisal/evidence/{evidenceId}");
                Assert.Equal(200, (int)download.StatusCode);
                Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
            }
            finally
            {
                await ((IAsyncLifetime)restored).DisposeAsync();
            }
        }
        finally
        {
            await DropAsync(target);
        }
    }

    [SkippableFact]
    public async Task Restore_ADamagedBackup_IsRefusedBeforeAnyDatabaseIsMade()
    {
        // Arrange
        await SeededAsync();
        var backup = await RunAsync(App.Services, "backup", "--out", folder);
        Assert.True(backup.Exit == 0, backup.Error);
        var file = Path.Combine(folder, App.Provider == DatabaseProvider.Sqlite ? Backups.SqliteFileName : Backups.PostgresFileName);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);
        var target = NewDatabase();

        try
        {
            // Act
            var (exit, _, error) = await RunOnAsync(target, "restore", "--from", folder);

            // Assert
            Assert.Equal(1, exit);
            Assert.Contains("does not match its SHA-256 in manifest.json: the backup is damaged. Nothing was restored.", error);
            Assert.DoesNotContain("Exception", error);
            if (App.Provider == DatabaseProvider.Sqlite)
            {
                Assert.False(File.Exists(new SqliteConnectionStringBuilder(target).DataSource));
            }
        }
        finally
        {
            await DropAsync(target);
        }
    }

    [SkippableFact]
    public async Task Restore_IntoADatabaseWithTables_IsRefusedAndChangesNothing()
    {
        // Arrange: a backup of this app's database, restored into the same (not empty) database
        var (people, _) = await SeededAsync();
        var backup = await RunAsync(App.Services, "backup", "--out", folder);
        Assert.True(backup.Exit == 0, backup.Error);
        await Data.CreateStaffAsync(people.School, firstName: "Added");

        // Act
        var (exit, _, error) = await RunAsync(App.Services, "restore", "--from", folder);

        // Assert: refused, and the row added since the backup is still there
        Assert.Equal(1, exit);
        Assert.Contains("is not empty: restore only into a new database", error);
        Assert.Equal(1, await Data.WithDbAsync(db => db.StaffMembers.CountAsync(s => s.SchoolId == people.School.Id && s.FirstName == "Added")));
    }

    [SkippableFact]
    public async Task Backup_IntoAFolderWithFiles_IsRefused()
    {
        // Arrange
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "something else");

        // Act
        var (exit, _, error) = await RunAsync(App.Services, "backup", "--out", folder);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("is not empty: give a new or empty folder", error);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(folder).Select(f => Path.GetFileName(f)).ToList());
    }
}
