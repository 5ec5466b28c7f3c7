using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Progression;

/// <summary><c>import assessments --school URN --file FILE</c>: a summary and exit 0, or the row report and a failing exit code.</summary>
public abstract class ImportAssessmentsCommandTests(LynchpinAppFactory app) : IntegrationTest(app), IDisposable
{
    public sealed class Sqlite(SqliteAppFactory app) : ImportAssessmentsCommandTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ImportAssessmentsCommandTests(app), IClassFixture<PostgresAppFactory>;

    private const string Header = "staff_ref,year,checkpoint,stage,assessed_on,assessor_ref,note";

    private readonly string file = Path.Combine(Path.GetTempPath(), $"assessments-{Guid.NewGuid():N}.csv");

    public void Dispose()
    {
        File.Delete(file);
        GC.SuppressFinalize(this);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(School school, params string[] lines)
    {
        await File.WriteAllLinesAsync(file, lines);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(App.Services,
            ["import", "assessments", "--school", school.Urn.ToString(), "--file", file], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<List<Assessment>> AssessmentsOfAsync(StaffMember person) =>
        Data.WithDbAsync(db => db.Assessments.Where(a => a.StaffMemberId == person.Id).OrderBy(a => a.Version).ToListAsync());

    [SkippableFact]
    public async Task Run_GoodFile_ExitsZeroWithTheSummaryAndRecordsTheCommandLine()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school);
        var teacher = await Data.CreateStaffAsync(school, lineManager: head);
        await RunAsync(school, Header, $"{teacher.StaffRef},2025,2,3,2025-12-10,{head.StaffRef},");

        // Act: a correction and a new one
        var (exit, output, error) = await RunAsync(school, Header,
            $"{teacher.StaffRef},2025,2,4,2025-12-11,{head.StaffRef},Second look",
            $"{head.StaffRef},2025,2,5,2025-12-11,,");

        // Assert
        Assert.True(exit == 0, error);
        Assert.Contains("Imported assessments: 1 added, 1 corrected", output);
        var versions = await AssessmentsOfAsync(teacher);
        Assert.Equal([(1, 3, false), (2, 4, true)], versions.Select(a => (a.Version, a.Stage, a.IsCurrent)));
        Assert.All(versions, a => Assert.Equal(AssessmentImporter.CommandLineRecorderName, a.RecordedByName));
        Assert.All(versions, a => Assert.Null(a.RecordedByUserId));
    }

    [SkippableFact]
    public async Task Run_FileWithBadRows_ExitsNonZeroListingEachLineAndStoresNothing()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var teacher = await Data.CreateStaffAsync(school);

        // Act
        var (exit, _, error) = await RunAsync(school, Header,
            $"{teacher.StaffRef},2025,1,3,2025-10-08,,",
            $"{teacher.StaffRef},2025,1,4,2025-10-09,,",
            "NOBODY,2025,2,3,2025-12-10,,");

        // Assert
        Assert.NotEqual(0, exit);
        Assert.Contains("Nothing was imported: 3 error(s).", error);
        Assert.Contains("line 2: ", error);
        Assert.Contains("line 3: ", error);
        Assert.Contains("line 4: staff_ref \"NOBODY\" is not a member of staff", error);
        Assert.Empty(await AssessmentsOfAsync(teacher));
    }
}
