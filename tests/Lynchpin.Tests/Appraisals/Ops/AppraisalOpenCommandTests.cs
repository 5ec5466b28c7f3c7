using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Ops;

/// <summary><c>appraisal open --school URN --year Y</c> end to end: everyone in post on the later of today and 1 September gets an appraisal.</summary>
public abstract class AppraisalOpenCommandTests(OpsAppFactory app) : OpsTest(app)
{
    public sealed class Sqlite(SqliteOpsAppFactory app) : AppraisalOpenCommandTests(app), IClassFixture<SqliteOpsAppFactory>;

    public sealed class Postgres(PostgresOpsAppFactory app) : AppraisalOpenCommandTests(app), IClassFixture<PostgresOpsAppFactory>;

    private Task<(int Exit, string Output, string Error)> OpenCommandAsync(School school, string year, params string[] more) =>
        RunAsync(["appraisal", "open", "--school", school.Urn.ToString(), "--year", year, .. more]);

    /// <summary>Whose appraisals the school has in <paramref name="year"/>, with their appraiser, by first name.</summary>
    private Task<List<(string Person, string? Appraiser)>> AppraisalsAsync(School school, int year) =>
        Data.WithDbAsync(async db => (await db.Appraisals.Where(a => a.Cycle.SchoolId == school.Id && a.Cycle.Year == year)
                .Select(a => new { a.StaffMember.FirstName, Appraiser = a.Appraiser == null ? null : a.Appraiser.FirstName }).ToListAsync())
            .OrderBy(a => a.FirstName).Select(a => (a.FirstName, a.Appraiser)).ToList());

    [SkippableFact]
    public async Task Open_ThisYear_CoversThoseInPostTodayAndARerunAddsLateJoiners()
    {
        // Arrange: today is 20 November 2026
        var school = await Data.CreateSchoolAsync(name: "Oak Academy");
        var head = await Data.CreateStaffAsync(school, slt: true, firstName: "Hana");
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, firstName: "Tess");
        var leaver = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, firstName: "Leon", leavingDate: new DateOnly(2026, 10, 31));
        await Data.CreateStaffAsync(school, RoleFamily.Site, leaver, firstName: "Sid");
        await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, teacher, firstName: "Nia", startDate: new DateOnly(2026, 11, 9));
        await Data.CreateStaffAsync(school, RoleFamily.Administration, head, firstName: "Lou", startDate: new DateOnly(2026, 12, 1));

        // Act
        var (exit, output, error) = await OpenCommandAsync(school, "2026");
        var afterFirst = await AppraisalsAsync(school, 2026);
        App.Clock.SetDate(new DateOnly(2026, 12, 2));
        var rerun = await OpenCommandAsync(school, "2026/27");

        // Assert: the teacher who left in October is out (in post on 1 September is not enough), the November starter is in;
        // Sid's line manager has left, so Sid waits for an appraiser, as does the head
        Assert.True(exit == 0, error);
        Assert.Contains("Opened the 2026/27 appraisal cycle at Oak Academy.", output);
        Assert.Contains("Due: objectives 31 October 2026, mid-year review 28 February 2027, final review 15 July 2027.", output);
        Assert.Contains("For everyone in post on 20 November 2026:", output);
        Assert.Contains("  4 created\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("  0 already had one\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("  2 created without an appraiser", output);
        Assert.Equal([("Hana", null), ("Nia", "Tess"), ("Sid", null), ("Tess", "Hana")], afterFirst);

        Assert.True(rerun.Exit == 0, rerun.Error);
        Assert.Contains("The 2026/27 appraisal cycle at Oak Academy was already open.", rerun.Output);
        Assert.Contains("For everyone in post on 2 December 2026:", rerun.Output);
        Assert.Contains("  1 created\n", rerun.Output.ReplaceLineEndings("\n"));
        Assert.Contains("  4 already had one\n", rerun.Output.ReplaceLineEndings("\n"));
        Assert.Contains("  0 created without an appraiser", rerun.Output);
        Assert.Equal([("Hana", null), ("Lou", "Hana"), ("Nia", "Tess"), ("Sid", null), ("Tess", "Hana")], await AppraisalsAsync(school, 2026));
    }

    [SkippableFact]
    public async Task Open_NextYear_CoversThoseInPostOnTheFirstOfSeptember()
    {
        // Arrange: one leaves in July 2027, one starts on 1 September 2027
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, slt: true, firstName: "Hana");
        await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, firstName: "Leon", leavingDate: new DateOnly(2027, 7, 31));
        await Data.CreateStaffAsync(school, RoleFamily.Teaching, head, firstName: "Nia", startDate: new DateOnly(2027, 9, 1));

        // Act
        var (exit, output, error) = await OpenCommandAsync(school, "2027");

        // Assert
        Assert.True(exit == 0, error);
        Assert.Contains("For everyone in post on 1 September 2027:", output);
        Assert.Equal([("Hana", null), ("Nia", "Hana")], await AppraisalsAsync(school, 2027));
    }

    [SkippableFact]
    public async Task Open_WithDueDates_StoresThemAndARerunKeepsThem()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        await Data.CreateStaffAsync(school, slt: true);

        // Act
        var (exit, output, error) = await OpenCommandAsync(school, "2026", "--objectives-due", "2026-11-30", "--final-due", "2027-07-09");
        var rerun = await OpenCommandAsync(school, "2026", "--objectives-due", "2026-12-04");

        // Assert: the mid-year date left out is the default
        Assert.True(exit == 0, error);
        Assert.Contains("Due: objectives 30 November 2026, mid-year review 28 February 2027, final review 9 July 2027.", output);
        var cycle = await Data.WithDbAsync(db => db.AppraisalCycles.SingleAsync(c => c.SchoolId == school.Id));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2027, 2, 28), new DateOnly(2027, 7, 9)), (cycle.ObjectivesDue, cycle.MidYearDue, cycle.FinalDue));
        Assert.Equal(0, rerun.Exit);
        Assert.Contains("The due dates given were not applied", rerun.Output);
    }

    [SkippableTheory]
    [InlineData("20x6", "--year \"20x6\" is not a school year")]
    [InlineData("1999", "--year \"1999\" is not a school year")]
    [InlineData("2026/28", "--year \"2026/28\" is not a school year")]
    [InlineData("2040", "2040/41 is more than a year ahead")]
    public async Task Open_ABadYear_FailsAndOpensNothing(string year, string message)
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        await Data.CreateStaffAsync(school);

        // Act
        var (exit, _, error) = await OpenCommandAsync(school, year);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains(message, error);
        Assert.False(await Data.WithDbAsync(db => db.AppraisalCycles.AnyAsync(c => c.SchoolId == school.Id)));
    }

    [SkippableFact]
    public async Task Open_BadDueDates_FailsWithTheReasonAndOpensNothing()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();

        // Act
        var order = await OpenCommandAsync(school, "2026", "--mid-year-due", "2026-10-01");
        var format = await OpenCommandAsync(school, "2026", "--final-due", "15/07/2027");

        // Assert
        Assert.Equal(1, order.Exit);
        Assert.Contains("The mid-year review must be due after the objectives.", order.Error);
        Assert.Equal(1, format.Exit);
        Assert.Contains("--final-due \"15/07/2027\" is not a date written as yyyy-mm-dd", format.Error);
        Assert.False(await Data.WithDbAsync(db => db.AppraisalCycles.AnyAsync(c => c.SchoolId == school.Id)));
    }

    [SkippableFact]
    public async Task Open_AnUnknownSchool_FailsNonZero()
    {
        // Act
        var (exit, _, error) = await RunAsync("appraisal", "open", "--school", "999999998", "--year", "2026");

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("There is no school with URN 999999998.", error);
    }
}
