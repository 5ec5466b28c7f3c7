using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Staff;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Imports;

/// <summary>
/// Several uploads of one school's file at the same moment, each on its own context and connection (as from two
/// browsers): the rows are never doubled, and a loser is told plainly rather than given a 500.
/// </summary>
public class ConcurrentImportTests
{
    private const int Uploads = 4;

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TimetableImport_SeveralAtOnce_LeavesOneCopyOfTheFile(DatabaseProvider provider)
    {
        // Arrange
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var urn = await AddSchoolAsync(database, ["T1", "T2", "TA1", "CS1"]);
        var file = await File.ReadAllBytesAsync(ImportFiles.TestFile("timetable-good.csv"));

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(async _ =>
        {
            await using var db = database.CreateContext();
            return await new TimetableImporter(db).ImportAsync(urn, new MemoryStream(file), "timetable.csv");
        }));

        // Assert: each replaced the whole timetable in turn, so one file's rows remain.
        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Errors)));
        await using var check = database.CreateContext();
        Assert.Equal(6, await check.TimetableRows.CountAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task StaffImport_SameNewPeopleSeveralAtOnce_EachPersonOnceAndEveryLoserToldPlainly(DatabaseProvider provider)
    {
        // Arrange
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var urn = await AddSchoolAsync(database, []);
        var file = await File.ReadAllBytesAsync(ImportFiles.TestFile("staff-good.csv"));
        var people = File.ReadAllLines(ImportFiles.TestFile("staff-good.csv")).Skip(1).Count(l => l.Length > 0);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(async _ =>
        {
            await using var db = database.CreateContext();
            return await new StaffImporter(db).ImportAsync(urn, new MemoryStream(file), "staff.csv");
        }));

        // Assert: the first applied; the others found the people stored (unchanged) or were refused in words.
        Assert.Contains(results, r => r.Succeeded);
        foreach (var refused in results.Where(r => !r.Succeeded))
        {
            Assert.Contains("Another import into this school finished first", Assert.Single(refused.Errors).Message);
        }
        await using var check = database.CreateContext();
        Assert.Equal(people, await check.StaffMembers.CountAsync());
    }

    private static async Task<int> AddSchoolAsync(TestDatabase database, string[] staffRefs)
    {
        await using var db = database.CreateContext();
        var school = new School { Urn = 140101, Name = "Oakfield Academy" };
        db.Schools.Add(school);
        foreach (var staffRef in staffRefs)
        {
            db.StaffMembers.Add(new StaffMember
            {
                School = school,
                StaffRef = staffRef,
                FirstName = "Stored",
                LastName = staffRef,
                JobTitle = "Teacher",
                RoleFamily = RoleFamily.Teaching,
            });
        }
        await db.SaveChangesAsync();
        return school.Urn;
    }
}
