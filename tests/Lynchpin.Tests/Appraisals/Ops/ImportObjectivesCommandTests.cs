using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Ops;

/// <summary><c>import objectives --school URN --file FILE</c>: a summary and exit 0, or the row report and a failing exit code.</summary>
public abstract class ImportObjectivesCommandTests(OpsAppFactory app) : OpsTest(app), IDisposable
{
    public sealed class Sqlite(SqliteOpsAppFactory app) : ImportObjectivesCommandTests(app), IClassFixture<SqliteOpsAppFactory>;

    public sealed class Postgres(PostgresOpsAppFactory app) : ImportObjectivesCommandTests(app), IClassFixture<PostgresOpsAppFactory>;

    private readonly string badFile = Path.Combine(Path.GetTempPath(), $"objectives-{Guid.NewGuid():N}.csv");

    public void Dispose()
    {
        File.Delete(badFile);
        GC.SuppressFinalize(this);
    }

    /// <summary>A school with the staff references of TestFiles/objectives-good.csv (TA01, a TA; SM01, a site manager) and its 2026 cycle open.</summary>
    private async Task<(School School, StaffMember Ta, StaffMember SiteManager)> SchoolAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, slt: true);
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, head);
        var site = await Data.CreateStaffAsync(school, RoleFamily.Site, head);
        await Data.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == ta.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StaffRef, "TA01")));
        await Data.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == site.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StaffRef, "SM01")));
        await OpenAsync(school);
        return (school, ta, site);
    }

    private Task<List<string>> TitlesAsync(StaffMember person) =>
        Data.WithDbAsync(db => db.Objectives.Where(o => o.Appraisal.StaffMemberId == person.Id).OrderBy(o => o.SortOrder).Select(o => o.Title).ToListAsync());

    [SkippableFact]
    public async Task Run_GoodFile_ExitsZeroWithTheCountsAndARerunAddsNothing()
    {
        // Arrange
        var (school, ta, site) = await SchoolAsync();
        var file = Path.Combine(AppContext.BaseDirectory, "TestFiles", "objectives-good.csv");

        // Act
        var (exit, output, error) = await RunAsync("import", "objectives", "--school", school.Urn.ToString(), "--file", file);
        var again = await RunAsync("import", "objectives", "--school", school.Urn.ToString(), "--file", file);

        // Assert
        Assert.True(exit == 0, error);
        Assert.Contains("Imported objectives: 3 added, 0 already there.", output);
        Assert.Equal(["Reading age of the Year 7 intervention group", "Phonics training"], await TitlesAsync(ta));
        Assert.Equal(["Pupils' time in learning"], await TitlesAsync(site));
        Assert.Equal(0, again.Exit);
        Assert.Contains("Imported objectives: 0 added, 3 already there.", again.Output);
    }

    [SkippableFact]
    public async Task Run_FileWithBadRows_ExitsNonZeroListingEachLineAndStoresNothing()
    {
        // Arrange
        var (school, ta, _) = await SchoolAsync();
        await File.WriteAllLinesAsync(badFile,
        [
            "staff_ref,year,title,type,success_criteria,school_priority",
            "TA01,2026,Reading age,pupil-progress,Up 9 months by July,",
            "TA01,2026,Teamwork,role-specific,Work well with the class teacher,",
            "NOBODY,2026,Attendance,pupil-progress,Up to 96%,",
        ]);

        // Act
        var (exit, _, error) = await RunAsync("import", "objectives", "--school", school.Urn.ToString(), "--file", badFile);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("Nothing was imported: 2 error(s).", error);
        Assert.Contains("line 3: success_criteria \"Work well with the class teacher\" is not measurable", error);
        Assert.Contains("line 4: staff_ref \"NOBODY\" is not a member of staff", error);
        Assert.Empty(await TitlesAsync(ta));
    }

    [SkippableFact]
    public async Task Run_MissingFile_ExitsNonZero()
    {
        // Act
        var (exit, _, error) = await RunAsync("import", "objectives", "--school", "100001", "--file", badFile);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains("File not found", error);
    }
}
