using System.IO.Compression;
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
        foreach (var url in new[] { "/api/schools", $"/api/schools/{people.School.Urn}/staff", $"/api/schools/{people.School.Urn}/appraisal?year={Year}" })
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
                Assert.All(answers, a => Assert.Contains(" 200 ", a));
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

    private Task<List<string>> StaffRowsAsync(School school) => Data.WithDbAsync(async db =>
        (await db.StaffMembers.AsNoTracking().Include(s => s.LineManager).Include(s => s.Coach)
            .Where(s => s.SchoolId == school.Id).ToListAsync())
        .OrderBy(s => s.StaffRef, StringComparer.Ordinal)
        .Select(s => string.Join("|", s.StaffRef, s.FirstName, s.LastName, s.Email, s.JobTitle, s.RoleFamily, s.Qts, s.Slt,
            s.LineManager?.StaffRef, s.Coach?.StaffRef, s.StartDate, s.LeavingDate, s.HoursPerWeek, s.WeeksPerYear))
        .ToList());

    private Task<List<string>> AssessmentRowsAsync(School school) => Data.WithDbAsync(async db =>
        (await db.Assessments.AsNoTracking().Include(a => a.StaffMember).Include(a => a.Assessor)
            .Where(a => a.StaffMember.SchoolId == school.Id && a.IsCurrent).ToListAsync())
        .OrderBy(a => a.StaffMember.StaffRef, StringComparer.Ordinal).ThenBy(a => a.Checkpoint)
        .Select(a => string.Join("|", a.StaffMember.StaffRef, a.Year, a.Checkpoint, a.Stage, a.AssessedOn, a.Assessor?.StaffRef, a.Note))
        .ToList());

    [SkippableFact]
    public async Task ExportSchool_ReimportedIntoAFreshSchool_GivesTheSameStaffAndAssessments()
    {
        // Arrange: staff with line managers, assessments (one corrected), an evidence file
        var (people, evidenceId) = await SeededAsync();
        Directory.CreateDirectory(folder);
        var assessments = Path.Combine(folder, "assessments-in.csv");
        await File.WriteAllLinesAsync(assessments,
        [
            "staff_ref,year,checkpoint,stage,assessed_on,assessor_ref,note",
            $"{people.Person.StaffRef},2025,1,2,2025-10-08,{people.Manager.StaffRef},\"Phonics groups, daily\"",
            $"{people.Person.StaffRef},2025,2,3,2025-12-10,{people.Manager.StaffRef},",
            $"{people.Manager.StaffRef},2025,2,4,2025-12-10,{people.Head.StaffRef},Leads the SEND review",
        ]);
        Assert.Equal(0, (await RunAsync(App.Services, "import", "assessments", "--school", people.School.Urn.ToString(), "--file", assessments)).Exit);
        await File.WriteAllLinesAsync(assessments,
            ["staff_ref,year,checkpoint,stage,assessed_on,assessor_ref,note", $"{people.Person.StaffRef},2025,2,4,2025-12-11,{people.Manager.StaffRef},Second look"]);
        Assert.Equal(0, (await RunAsync(App.Services, "import", "assessments", "--school", people.School.Urn.ToString(), "--file", assessments)).Exit);
        var zip = Path.Combine(folder, "school.zip");

        // Act
        var export = await RunAsync(App.Services, "export", "school", "--school", people.School.Urn.ToString(), "--out", zip);
        var fresh = await Data.CreateSchoolAsync();
        using (var archive = ZipFile.OpenRead(zip))
        {
            archive.GetEntry("staff.csv")!.ExtractToFile(Path.Combine(folder, "staff.csv"));
            archive.GetEntry("assessments.csv")!.ExtractToFile(Path.Combine(folder, "assessments.csv"));

            // Assert: the evidence file and the audit trail are in it
            await using var pdf = archive.GetEntry($"evidence/{evidenceId}-phonics.pdf")!.Open();
            using var bytes = new MemoryStream();
            await pdf.CopyToAsync(bytes);
            Assert.Equal(Pdf, bytes.ToArray());
            using var audit = new StreamReader(archive.GetEntry("audit.csv")!.Open());
            var auditText = await audit.ReadToEndAsync();
            Assert.StartsWith("at_utc,actor,", auditText);
            Assert.Contains("imported", auditText);
            Assert.NotNull(archive.GetEntry("evidence.csv"));
        }
        var staffImport = await RunAsync(App.Services, "import", "staff", "--school", fresh.Urn.ToString(), "--file", Path.Combine(folder, "staff.csv"));
        var assessmentImport = await RunAsync(App.Services, "import", "assessments", "--school", fresh.Urn.ToString(), "--file", Path.Combine(folder, "assessments.csv"));

        // Assert: the same rows (current assessments), and the export audited
        Assert.True(export.Exit == 0, export.Error);
        Assert.Contains("3 staff, 3 assessments, 1 evidence file(s)", export.Output);
        Assert.True(staffImport.Exit == 0, staffImport.Error);
        Assert.True(assessmentImport.Exit == 0, assessmentImport.Error);
        Assert.Equal(await StaffRowsAsync(people.School), await StaffRowsAsync(fresh));
        Assert.Equal(await AssessmentRowsAsync(people.School), await AssessmentRowsAsync(fresh));
        Assert.Equal(3, (await AssessmentRowsAsync(fresh)).Count);
        Assert.True(await Data.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.SchoolId == people.School.Id && e.Action == AuditActions.Exported)));
    }

    [SkippableFact]
    public async Task ExportSchool_AnUnknownUrn_ExitsOneAndWritesNothing()
    {
        var zip = Path.Combine(folder, "none.zip");

        var (exit, _, error) = await RunAsync(App.Services, "export", "school", "--school", "999999", "--out", zip);

        Assert.Equal(1, exit);
        Assert.Contains("No school has URN 999999: nothing was exported.", error);
        Assert.False(File.Exists(zip));
    }
}
