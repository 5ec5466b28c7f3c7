using Lynchpin.Core.Careers;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Pay;
using Lynchpin.Tests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Careers;

/// <summary>
/// The qualifications, CPD and pay imports on a real SQLite database: good files stored, bad rows each reported with their
/// line and nothing changed. Oakfield (140301) has TA1, SBM1 and T1; Elm (140302) has E1.
/// </summary>
public sealed class CareerImporterTests : IDisposable
{
    private const int Urn = 140301;
    private static readonly SchoolClock Clock = new(TimeProvider.System);
    private static readonly Recorder Importer = new(null, "Test importer");

    private readonly ImportsDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task CreateSchoolsAsync()
    {
        var oakfield = await database.AddSchoolAsync(Urn, "Oakfield Academy");
        var elm = await database.AddSchoolAsync(140302, "Elm Academy");
        foreach (var staffRef in new[] { "TA1", "SBM1", "T1" })
        {
            await database.AddStaffAsync(oakfield, staffRef);
        }
        await database.AddStaffAsync(elm, "E1");
    }

    private async Task<ImportResult> QualificationsAsync(params string[] lines)
    {
        await using var db = database.CreateContext();
        return await new QualificationImporter(db, new CareerProfiles(db, new CareerStandards(db)), Clock)
            .ImportAsync(new ImportRequest(Urn, ImportFiles.Csv(lines), "qualifications.csv", Importer));
    }

    private async Task<ImportResult> CpdAsync(params string[] lines)
    {
        await using var db = database.CreateContext();
        return await new CpdImporter(db, Clock).ImportAsync(new ImportRequest(Urn, ImportFiles.Csv(lines), "cpd.csv", Importer));
    }

    private async Task<ImportResult> PayAsync(params string[] lines)
    {
        await using var db = database.CreateContext();
        return await new PayImporter(db, Clock, new Core.Audit.AuditLog(db, new Core.Audit.AuditActors(new Microsoft.AspNetCore.Http.HttpContextAccessor()), Clock)).ImportAsync(new ImportRequest(Urn, ImportFiles.Csv(lines), "pay.csv", Importer));
    }

    private async Task<T> WithDbAsync<T>(Func<Core.Data.LynchpinDbContext, Task<T>> read)
    {
        await using var db = database.CreateContext();
        return await read(db);
    }

    private static void AssertApplied(ImportResult result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors));

    [Fact]
    public async Task ImportQualifications_GoodFile_MatchesNamesAndCodes_AndAnUnknownNameIsTheSchoolsOwn()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act: the TA's L3 by its full name in lower case, HLTA in progress and required; the SBM's DSBM by code; a forklift licence unknown.
        var result = await QualificationsAsync("staff_ref,qualification,status,date",
            "TA1,cache level 3 supporting teaching and learning,held,2024-07-01",
            "TA1,HLTA status,in-progress,2027-07-15",
            "TA1,hlta status,required,2028-08-31",
            "SBM1,DSBM,held,2019-06-30",
            "SBM1,Forklift truck licence,held,");
        var again = await QualificationsAsync("staff_ref,qualification,status,date", "SBM1,DSBM,held,2019-06-30");

        // Assert
        AssertApplied(result);
        Assert.Equal((4, 0), (result.Created, result.Updated));
        Assert.Equal(1, again.Unchanged);
        var stored = await WithDbAsync(db => db.PersonQualifications.Include(q => q.StaffMember).OrderBy(q => q.Id).ToListAsync());
        var hlta = stored.Single(q => q.StaffMember.StaffRef == "TA1" && q.QualificationCode == "HLTA");
        Assert.Equal((true, new DateOnly(2027, 7, 15), new DateOnly(2028, 8, 31)), (hlta.InProgress, hlta.ExpectedOn!.Value, hlta.RequiredBy!.Value));
        var own = await WithDbAsync(db => db.OwnQualifications.SingleAsync());
        Assert.Equal("Forklift truck licence", own.Name);
        Assert.Contains(stored, q => q.StaffMember.StaffRef == "SBM1" && q.QualificationCode == own.Code && q.Held && q.GainedOn is null);
    }

    [Fact]
    public async Task ImportQualifications_BadRows_ReportsEachWithItsLine_AndStoresNothing()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await QualificationsAsync("staff_ref,qualification,status,date",
            "TA1,QTS,passed,2020-07-01",
            "E1,QTS,held,2020-07-01",
            "T1,,held,2020-07-01",
            "T1,NPQSENCO,required,",
            "T1,QTS,held,01/07/2020",
            "SBM1,DSBM,held,2099-01-01");

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal([2, 3, 4, 5, 6, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("status \"passed\"", result.Errors[0].Message);
        Assert.Contains("not a member of staff at Oakfield Academy", result.Errors[1].Message);
        Assert.Contains("qualification is empty", result.Errors[2].Message);
        Assert.Contains("deadline", result.Errors[3].Message);
        Assert.Contains("not a date", result.Errors[4].Message);
        Assert.Contains("in the future", result.Errors[5].Message);
        Assert.Equal(0, await WithDbAsync(db => db.PersonQualifications.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.OwnQualifications.CountAsync()));
    }

    [Fact]
    public async Task ImportCpd_RowsSharingARef_AreOneGroupActivityWithEachPersonsHoursAndCost()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await CpdAsync("activity_ref,title,kind,provider,start,end,hours,cost,staff_ref",
            "INSET-1,Autumn INSET,inset,,2025-09-01,,6,0,TA1",
            "INSET-1,Autumn INSET,inset,,2025-09-01,,6,0,T1",
            "C-7,School business leadership,course,ISBL,2025-11-03,2025-11-04,12,450,SBM1");
        var again = await CpdAsync("activity_ref,title,kind,provider,start,end,hours,cost,staff_ref", "C-7,School business leadership,course,ISBL,2025-11-03,2025-11-04,12,450,SBM1");

        // Assert
        AssertApplied(result);
        Assert.Equal(2, result.Created);
        var activities = await WithDbAsync(db => db.CpdActivities.Include(a => a.Attendances).ThenInclude(a => a.StaffMember).OrderBy(a => a.Ref).ToListAsync());
        Assert.Equal(["C-7", "INSET-1"], activities.Select(a => a.Ref));
        Assert.Equal(["T1", "TA1"], activities[1].Attendances.Select(a => a.StaffMember.StaffRef).Order());
        Assert.Equal((CpdKind.Course, "ISBL", new DateOnly(2025, 11, 4), 12m, 450m),
            (activities[0].Kind, activities[0].Provider, activities[0].EndDate, activities[0].Attendances[0].Hours, activities[0].Attendances[0].Cost));
        Assert.False(again.Succeeded);
        Assert.Contains("already in Lynchpin", Assert.Single(again.Errors).Message);
    }

    [Fact]
    public async Task ImportCpd_BadRows_ReportsEachWithItsLine_AndStoresNothing()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await CpdAsync("activity_ref,title,kind,provider,start,end,hours,cost,staff_ref",
            "A1,Phonics,workshop,,2025-10-01,,3,0,TA1",
            "A2,Visit,school-visit,,2025-10-09,2025-10-08,3,0,TA1",
            "A3,Reading,reading,,2025-10-01,,three,0,TA1",
            "A4,Coaching,coaching,,2025-10-01,,1,0,TA1",
            "A4,Coaching again,coaching,,2025-10-01,,1,0,T1",
            "A5,Conference,conference,,2025-10-01,,6,-20,TA1",
            "A6,Peer observation,peer-observation,,2025-10-01,,1,0,TA1",
            "A6,Peer observation,peer-observation,,2025-10-01,,1,0,TA1");

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal([2, 3, 4, 6, 7, 9], result.Errors.Select(e => e.Line));
        Assert.Contains("kind \"workshop\"", result.Errors[0].Message);
        Assert.Contains("end:", result.Errors[1].Message);
        Assert.Contains("hours \"three\"", result.Errors[2].Message);
        Assert.Contains("must agree", result.Errors[3].Message);
        Assert.Contains("cost:", result.Errors[4].Message);
        Assert.Contains("twice", result.Errors[5].Message);
        Assert.Equal(0, await WithDbAsync(db => db.CpdActivities.CountAsync()));
    }

    [Fact]
    public async Task ImportPay_GoodFile_AddsAndReplacesByYear_AndIsAudited()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var first = await PayAsync("staff_ref,year,scale,point,fte_salary,hours_per_week,weeks_per_year",
            "TA1,2024,NJC,8,23500,32.5,39",
            "TA1,2025/26,NJC,9,24790,32.5,39",
            "T1,2025,MPS,4,38810,,");
        var second = await PayAsync("staff_ref,year,scale,fte_salary", "T1,2025,UPS,43000");

        // Assert
        AssertApplied(first);
        AssertApplied(second);
        Assert.Equal((3, 0, 0, 1), (first.Created, first.Updated, second.Created, second.Updated));
        var records = await WithDbAsync(db => db.PayRecords.Include(p => p.StaffMember).OrderBy(p => p.StaffMember.StaffRef).ThenBy(p => p.Year).ToListAsync());
        Assert.Equal([("T1", 2025, "UPS", 43000m), ("TA1", 2024, "NJC", 23500m), ("TA1", 2025, "NJC", 24790m)],
            records.Select(r => (r.StaffMember.StaffRef, r.Year, r.Scale, r.FteSalary)));
        Assert.Equal((39m, 32.5m), (records[2].WeeksPerYear!.Value, records[2].HoursPerWeek!.Value));
        var audits = await WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.PayImported).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal("Test importer", a.UserName));
        // In the school's (and so its trust's) audit trail, as run from the command line.
        var schoolId = await WithDbAsync(db => db.Schools.Where(s => s.Urn == Urn).Select(s => s.Id).SingleAsync());
        Assert.All(audits, a => Assert.Equal((schoolId, AuditChannel.Command), (a.SchoolId!.Value, a.Channel!.Value)));
    }

    [Fact]
    public async Task ImportPay_BadRows_ReportsEachWithItsLine_AndStoresNothing()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await PayAsync("staff_ref,year,scale,point,fte_salary,hours_per_week,weeks_per_year",
            "TA1,last year,NJC,8,23500,32.5,39",
            "TA1,2025,,8,23500,32.5,39",
            "TA1,2024,NJC,8,£23500,32.5,39",
            "T1,2025,MPS,4,38810,,60",
            "T1,2025,MPS,4,38810,,",
            "E1,2025,MPS,4,38810,,");

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal([2, 3, 4, 5, 6, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("year \"last year\"", result.Errors[0].Message);
        Assert.Contains("scale:", result.Errors[1].Message);
        Assert.Contains("fte_salary \"£23500\"", result.Errors[2].Message);
        Assert.Contains("weeks_per_year:", result.Errors[3].Message);
        Assert.Contains("two rows for 2025/26", result.Errors[4].Message);
        Assert.Contains("not a member of staff", result.Errors[5].Message);
        Assert.Equal(0, await WithDbAsync(db => db.PayRecords.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.PayImported)));
    }
}
