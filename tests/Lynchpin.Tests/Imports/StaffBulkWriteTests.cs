using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Staff;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Imports;

/// <summary>
/// The staff import writes new people in bulk with ids it reserves first, outside the change tracker (issue 15 item 3),
/// and updates stored people it changed only. These are the ways that could go wrong, on both databases.
/// </summary>
public class StaffBulkWriteTests
{
    private const int Urn = 140201;
    private const string Header = "staff_ref,first_name,last_name,job_title,role_family,line_manager_ref,coach_ref";

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task NewPeople_ManagedByLaterRowsAndCoachingEachOther_AreWrittenWithEveryLink(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await AddSchoolAsync(database, "S1");

        // N1 is managed by N3, a later row; N1 and N2 coach each other; stored S1 is now managed by new N3.
        var result = await ImportAsync(database,
            "N1,Ann,One,Teacher,teaching,N3,N2",
            "N2,Ben,Two,Teaching assistant,learning-support,N3,N1",
            "N3,Cat,Three,Headteacher,teaching,,",
            "S1,Sam,Stored,Teacher,teaching,N3,");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((3, 1, 0), (result.Created, result.Updated, result.Unchanged));
        var staff = await StaffAsync(database);
        Assert.Equal(staff["N3"].Id, staff["N1"].LineManagerId);
        Assert.Equal(staff["N3"].Id, staff["N2"].LineManagerId);
        Assert.Equal(staff["N2"].Id, staff["N1"].CoachId);
        Assert.Equal(staff["N1"].Id, staff["N2"].CoachId);
        Assert.Equal(staff["N3"].Id, staff["S1"].LineManagerId);
        Assert.Null(staff["N3"].LineManagerId);
        Assert.Single(staff.Values.Select(p => p.SchoolId).Distinct());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task NewPeople_AfterOthersWereDeleted_NeverTakeADeletedPersonsId_AndTheAppAddsAfterThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await AddSchoolAsync(database, "S1", "S2", "S3");
        int deletedId;
        await using (var db = database.CreateContext())
        {
            deletedId = await db.StaffMembers.MaxAsync(s => s.Id);
            await db.StaffMembers.Where(s => s.Id == deletedId).ExecuteDeleteAsync();
        }

        var result = await ImportAsync(database, "N1,Ann,One,Teacher,teaching,,", "N2,Ben,Two,Teacher,teaching,N1,");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var staff = await StaffAsync(database);
        Assert.All(new[] { staff["N1"], staff["N2"] }, p => Assert.True(p.Id > deletedId, $"{p.StaffRef} took id {p.Id}; {deletedId} was deleted"));
        // Someone added through a form afterwards gets a fresh id too, not one the import took.
        await using (var db = database.CreateContext())
        {
            var school = await db.Schools.SingleAsync(s => s.Urn == Urn);
            var added = new StaffMember { SchoolId = school.Id, StaffRef = "F1", FirstName = "Form", LastName = "Added", JobTitle = "Teacher" };
            db.StaffMembers.Add(added);
            await db.SaveChangesAsync();
            Assert.True(added.Id > staff["N2"].Id && added.Id > staff["N1"].Id);
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task StoredPeople_OnlyThoseTheFileChanges_AreUpdated_OneRevisionUpAndNamingNobody(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await AddSchoolAsync(database, "S1", "S2");
        await using (var db = database.CreateContext())
        {
            // As a form would have left them.
            await db.StaffMembers.ExecuteUpdateAsync(u => u.SetProperty(s => s.RevisedByName, "Form User").SetProperty(s => s.Revision, 4));
        }
        var schoolVersion = await SchoolVersionAsync(database);

        var result = await ImportAsync(database, "S1,Sam,Stored,Deputy head,teaching,,", "S2,Stored,S2,Teacher,teaching,,");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((0, 1, 1), (result.Created, result.Updated, result.Unchanged));
        var staff = await StaffAsync(database);
        Assert.Equal(("Deputy head", 5, null), (staff["S1"].JobTitle, staff["S1"].Revision, staff["S1"].RevisedByName));
        Assert.Equal((4, "Form User"), (staff["S2"].Revision, staff["S2"].RevisedByName));
        Assert.True(await SchoolVersionAsync(database) > schoolVersion, "a changed person raises the school's data version");
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task NewPeopleOnly_RaiseTheSchoolsAndTheStructuresDataVersions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await AddSchoolAsync(database);
        var schoolVersion = await SchoolVersionAsync(database);
        long structure;
        await using (var db = database.CreateContext())
        {
            structure = await DataVersions.StructureQuery(db).SingleAsync();
        }

        var result = await ImportAsync(database, "N1,Ann,One,Teacher,teaching,,");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.True(await SchoolVersionAsync(database) > schoolVersion);
        await using (var db = database.CreateContext())
        {
            Assert.True(await DataVersions.StructureQuery(db).SingleAsync() > structure);
        }
    }

    private static async Task<Core.Imports.ImportResult> ImportAsync(TestDatabase database, params string[] rows)
    {
        await using var db = database.CreateContext();
        var file = ImportFiles.Csv([Header, .. rows]);
        return await new StaffImporter(db).ImportAsync(Urn, file, "staff.csv");
    }

    private static async Task<Dictionary<string, StaffMember>> StaffAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.StaffMembers.AsNoTracking().ToDictionaryAsync(s => s.StaffRef);
    }

    private static async Task<long> SchoolVersionAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Schools.Where(s => s.Urn == Urn).Select(s => s.DataVersion).SingleAsync();
    }

    private static async Task AddSchoolAsync(TestDatabase database, params string[] staffRefs)
    {
        await using var db = database.CreateContext();
        var school = new School { Urn = Urn, Name = "Bulk Academy" };
        db.Schools.Add(school);
        db.StaffMembers.AddRange(staffRefs.Select(r => new StaffMember
        {
            School = school,
            StaffRef = r,
            FirstName = "Stored",
            LastName = r,
            JobTitle = "Teacher",
            RoleFamily = RoleFamily.Teaching,
        }));
        await db.SaveChangesAsync();
    }
}
