using ClosedXML.Excel;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Kernel;
using Lynchpin.Core.Pupils;
using Lynchpin.Tests.Coaching;
using Lynchpin.Tests.Imports;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Pupils;

/// <summary>
/// The pupils, attendance and exclusions imports on both databases: good files stored (and re-imports updating), and
/// files with bad rows refused whole, every problem listed with its line, nothing changed, nothing audited.
/// </summary>
public abstract class PupilImportersTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : PupilImportersTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : PupilImportersTests(app), IClassFixture<PostgresAppFactory>;

    private const string PupilHeader = "upn,first_name,last_name,date_of_birth,year_group,flags,la_code,entered_care_on";
    private const string AttendanceHeader = "upn,period_start,period_end,sessions_possible,sessions_attended,authorised,unauthorised";
    private const string ExclusionHeader = "upn,start,days,kind";
    private static readonly Recorder Importer = new(null, "Test importer");

    private Task<ImportResult> ImportAsync<T>(School school, params string[] lines) where T : ISchoolImporter =>
        Data.WithServicesAsync(sp => sp.GetRequiredService<T>()
            .ImportAsync(new ImportRequest(school.Urn, ImportFiles.Csv(lines), "file.csv", Importer)));

    /// <summary>A workbook of one sheet, as a school's MIS export saved from Excel: dates and numbers as typed cells, not text.</summary>
    private static MemoryStream Workbook(string header, params object[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Export");
        var headings = header.Split(',');
        for (var c = 0; c < headings.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headings[c];
        }
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).Value = rows[r][c] switch
                {
                    DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                    int i => i,
                    double n => n,
                    object o => o.ToString() ?? "",
                };
            }
        }
        var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;
        return file;
    }

    private Task<ImportResult> ImportXlsxAsync<T>(School school, MemoryStream workbook) where T : ISchoolImporter =>
        Data.WithServicesAsync(sp => sp.GetRequiredService<T>().ImportAsync(new ImportRequest(school.Urn, workbook, "MIS export.xlsx", Importer)));

    private Task<int> AuditRowsAsync(string action, School school) =>
        Data.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == action && e.Detail!.Contains($"at school {school.Urn}")));

    private Task<List<Pupil>> PupilsAsync(School school) =>
        Data.WithDbAsync(db => db.Pupils.Include(p => p.Flags).Where(p => p.SchoolId == school.Id).OrderBy(p => p.LastName).ToListAsync());

    private Task<DateOnly> TodayAsync() => Data.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<SchoolClock>().Today));

    [SkippableFact]
    public async Task Import_GoodPupilsFile_AddsThenUpdatesByUpnAndEndsAFlagTheFileLeavesOut()
    {
        // Arrange: Cy is stored, with pupil premium since 2020
        var school = await Data.CreateSchoolAsync();
        var cy = await CoachingScenario.CreatePupilAsync(Data, school, [PupilFlag.PupilPremium], null, null, firstName: "Cy");
        var (ada, ben) = (CoachingScenario.NewUpn(), CoachingScenario.NewUpn());
        var today = await TodayAsync();

        // Act
        var first = await ImportAsync<PupilImporter>(school, PupilHeader,
            $"{ada.ToLowerInvariant()},Ada,Adams,2014-03-02,Year 7,looked-after;pupil-premium,341,2022-06-01",
            $"{ben},Ben,Brown,2013-11-20,8,child-in-need,,");
        var second = await ImportAsync<PupilImporter>(school, PupilHeader,
            $"{ada},Ada,Adams,2014-03-02,7,looked-after,E08000012,2022-06-01",
            $"{ben},Ben,Brown,2013-11-20,8,child-in-need,,",
            $"{cy.Upn},Cy,{cy.LastName},2012-05-01,8,,,");

        // Assert: the UPN is stored in capitals; Ada's care dates from entering care, and the pupil premium given today and
        // taken away today is gone; Cy's pupil premium ends yesterday
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.True(second.Succeeded, string.Join("; ", second.Errors));
        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 2, 1), (second.Created, second.Updated, second.Unchanged));
        var stored = await PupilsAsync(school);
        Assert.Equal([ada, ben, cy.Upn], stored.Select(p => p.Upn));
        var adams = stored[0];
        Assert.Equal(("7", "E08000012", new DateOnly(2022, 6, 1)), (adams.YearGroup, adams.LaCode, adams.EnteredCareOn!.Value));
        Assert.Equal([(PupilFlag.LookedAfter, new DateOnly(2022, 6, 1), (DateOnly?)null)], adams.Flags.Select(f => (f.Flag, f.From, f.To)));
        Assert.Equal([(PupilFlag.PupilPremium, new DateOnly(2020, 9, 1), (DateOnly?)today.AddDays(-1))], stored[2].Flags.Select(f => (f.Flag, f.From, f.To)));
        Assert.False(stored[2].HasFlag(PupilFlag.PupilPremium, today));
        Assert.Equal(2, await AuditRowsAsync(PupilAudit.PupilsImported, school));
    }

    [SkippableFact]
    public async Task Import_PupilsFileWithBadRows_StoresNothingAndListsEveryProblemByLine()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var good = CoachingScenario.NewUpn();
        var badCheck = (good[0] == 'A' ? "B" : "A") + good[1..];

        // Act
        var result = await ImportAsync<PupilImporter>(school, PupilHeader,
            $"{good},Cara,Cole,2014-01-01,7,looked-after,341,2023-01-01",
            $"{badCheck},Dan,Day,2014-01-01,7,looked-after,,",
            $"{good},Eve,Ellis,2014-01-01,7,,,",
            $"{CoachingScenario.NewUpn()},Gus,Gray,2014-01-01,Year 15,adopted,341,",
            $"{CoachingScenario.NewUpn()},Fay,,2099-01-01,7,looked-after;previously-looked-after,E92000001,");

        // Assert
        Assert.False(result.Succeeded);
        var byLine = result.Errors.Select(e => (e.Line, e.Message)).ToList();
        Assert.Contains(byLine, e => e.Line == 3 && e.Message.StartsWith($"upn \"{badCheck}\"", StringComparison.Ordinal));
        Assert.Contains(byLine, e => e.Line == 3 && e.Message.StartsWith("la_code is empty; a looked-after pupil", StringComparison.Ordinal));
        Assert.Contains(byLine, e => e.Line == 4 && e.Message == $"upn {good} is also on line 2; give each pupil one row");
        Assert.Contains(byLine, e => e.Line == 5 && e.Message.Contains("year_group \"Year 15\" is not a year group", StringComparison.Ordinal));
        Assert.Contains(byLine, e => e.Line == 5 && e.Message.Contains("\"adopted\" is not a flag", StringComparison.Ordinal));
        Assert.Contains(byLine, e => e.Line == 6 && e.Message == "last_name is empty");
        Assert.Contains(byLine, e => e.Line == 6 && e.Message.Contains("is not the birthday of a school pupil", StringComparison.Ordinal));
        Assert.Contains(byLine, e => e.Line == 6 && e.Message.Contains("give the one that is true now", StringComparison.Ordinal));
        Assert.Contains(byLine, e => e.Line == 6 && e.Message.Contains("is a country's or region's code", StringComparison.Ordinal));
        Assert.DoesNotContain(byLine, e => e.Line == 2);
        Assert.Equal(byLine.OrderBy(e => e.Line).Select(e => e.Line), byLine.Select(e => e.Line));
        Assert.Empty(await PupilsAsync(school));
        Assert.Equal(0, await AuditRowsAsync(PupilAudit.PupilsImported, school));
    }

    [SkippableFact]
    public async Task Import_GoodAttendanceFile_StoresPeriodsAndAReimportReplacesAPeriod()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var pupil = await CoachingScenario.CreatePupilAsync(Data, school, [PupilFlag.LookedAfter], "341", new DateOnly(2022, 1, 1));

        // Act
        var first = await ImportAsync<AttendanceImporter>(school, AttendanceHeader,
            $"{pupil.Upn},2024-09-02,2024-12-20,140,128,10,2",
            $"{pupil.Upn},2025-01-06,2025-04-04,116,116,0,0");
        var second = await ImportAsync<AttendanceImporter>(school, AttendanceHeader,
            $"{pupil.Upn},2024-09-02,2024-12-20,140,130,8,2",
            $"{pupil.Upn},2025-01-06,2025-04-04,116,116,0,0");

        // Assert
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 1, 1), (second.Created, second.Updated, second.Unchanged));
        var stored = await Data.WithDbAsync(db => db.AttendanceRecords.Where(a => a.PupilId == pupil.Id).OrderBy(a => a.PeriodStart)
            .Select(a => new { a.SessionsPossible, a.SessionsAttended, a.Authorised }).ToListAsync());
        Assert.Equal([(140, 130, 8), (116, 116, 0)], stored.Select(a => (a.SessionsPossible, a.SessionsAttended, a.Authorised)));
        Assert.Equal(2, await AuditRowsAsync(PupilAudit.AttendanceImported, school));
    }

    [SkippableFact]
    public async Task Import_AttendanceFileWithBadRows_StoresNothingAndListsEveryProblemByLine()
    {
        // Arrange: a stored autumn term, and a pupil of another school
        var school = await Data.CreateSchoolAsync();
        var other = await Data.CreateSchoolAsync();
        var pupil = await CoachingScenario.CreatePupilAsync(Data, school, [PupilFlag.LookedAfter], "341", new DateOnly(2022, 1, 1));
        var elsewhere = await CoachingScenario.CreatePupilAsync(Data, other, [PupilFlag.LookedAfter], "341", new DateOnly(2022, 1, 1));
        await CoachingScenario.AddAttendanceAsync(Data, pupil, new DateOnly(2024, 9, 2), new DateOnly(2024, 12, 20), 140, 130);

        // Act
        var result = await ImportAsync<AttendanceImporter>(school, AttendanceHeader,
            $"{pupil.Upn},2025-01-06,2025-04-04,116,104,10,2",
            $"{pupil.Upn},2024-10-01,2024-12-31,40,40,0,0",
            $"{elsewhere.Upn},2025-01-06,2025-04-04,116,116,0,0",
            $"{pupil.Upn},2025-04-04,2025-01-06,x,116,0,0",
            $"{pupil.Upn},2025-03-01,2025-03-31,30,30,0,0",
            $"{pupil.Upn},2025-06-02,2025-06-30,40,30,5,2");

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                (3, $"the period 1 October 2024 to 31 December 2024 of {pupil.Upn} overlaps the stored period 2 September 2024 to 20 December 2024; import the same periods as before, so no session is counted twice"),
                (4, $"upn {elsewhere.Upn} is not a pupil of {school.Name}; import the school's pupils first"),
                (5, "period_end 6 January 2025 is before period_start 4 April 2025"),
                (5, "sessions_possible \"x\" is not a number of sessions from 0 to 1000"),
                (6, $"the period 1 March 2025 to 31 March 2025 of {pupil.Upn} overlaps line 2; give each period once"),
                (7, "sessions_attended + authorised + unauthorised is 37, but sessions_possible is 40; every possible session is attended or an authorised or unauthorised absence"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)).ToList());
        Assert.Equal(1, await Data.WithDbAsync(db => db.AttendanceRecords.CountAsync(a => a.PupilId == pupil.Id)));
        Assert.Equal(0, await AuditRowsAsync(PupilAudit.AttendanceImported, school));
    }

    [SkippableFact]
    public async Task Import_ExclusionsFile_StoresGoodRowsAndRefusesAFileWithBadOnes()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var pupil = await CoachingScenario.CreatePupilAsync(Data, school, [PupilFlag.LookedAfter], "341", new DateOnly(2022, 1, 1));

        // Act
        var good = await ImportAsync<ExclusionImporter>(school, ExclusionHeader, $"{pupil.Upn},2024-11-04,2.5,Suspension");
        var corrected = await ImportAsync<ExclusionImporter>(school, ExclusionHeader, $"{pupil.Upn},2024-11-04,3,suspension");
        var bad = await ImportAsync<ExclusionImporter>(school, ExclusionHeader,
            $"{pupil.Upn},2025-01-10,0.3,expelled",
            $"{pupil.Upn},2025-02-03,1,permanent",
            $"{pupil.Upn},2025-02-03,2,suspension");

        // Assert
        Assert.True(good.Succeeded, string.Join("; ", good.Errors));
        Assert.Equal((0, 1), (corrected.Created, corrected.Updated));
        Assert.Equal(
            [
                (2, "days \"0.3\" is not a number of school days, such as 1, 2.5 or 5"),
                (2, "kind \"expelled\" is not suspension or permanent"),
                (4, $"{pupil.Upn} has another exclusion starting 3 February 2025 on line 3; give each once"),
            ],
            bad.Errors.Select(e => (e.Line, e.Message)));
        var stored = await Data.WithDbAsync(db => db.Exclusions.Where(e => e.PupilId == pupil.Id).ToListAsync());
        Assert.Equal((new DateOnly(2024, 11, 4), 3m, ExclusionKind.Suspension), (stored.Single().Start, stored.Single().Days, stored.Single().Kind));
    }

    [SkippableFact]
    public async Task Import_PupilsWorkbook_ReadsDateCellsAndRefusesABadRowByItsLine()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var (ada, ben) = (CoachingScenario.NewUpn(), CoachingScenario.NewUpn());
        object[] adaRow = [ada, "Ada", "Adams", new DateOnly(2014, 3, 2), 7, "looked-after;pupil-premium", 341, new DateOnly(2022, 6, 1)];

        // Act
        var bad = await ImportXlsxAsync<PupilImporter>(school, Workbook(PupilHeader,
            adaRow,
            [ben[..^1] + (ben[^1] == '1' ? '2' : '1'), "Ben", "Brown", new DateOnly(2013, 11, 20), 8, "child-in-need", "", ""],
            [CoachingScenario.NewUpn(), "Cy", "Cole", "31/02/2013", 8, "looked-after;adopted", "", ""]));
        var good = await ImportXlsxAsync<PupilImporter>(school, Workbook(PupilHeader, adaRow));

        // Assert: lines 3 and 4 named, nothing stored; then Ada stored with her dates from date cells
        Assert.False(bad.Succeeded);
        Assert.Equal([3, 4], bad.Errors.Select(e => e.Line).Distinct());
        Assert.True(good.Succeeded, string.Join("; ", good.Errors));
        var stored = Assert.Single(await PupilsAsync(school));
        Assert.Equal((ada, new DateOnly(2014, 3, 2), "341", new DateOnly(2022, 6, 1)), (stored.Upn, stored.DateOfBirth, stored.LaCode, stored.EnteredCareOn));
    }

    [SkippableFact]
    public async Task Import_AttendanceWorkbook_ReadsNumberAndDateCellsAndRefusesABadRowByItsLine()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var pupil = await CoachingScenario.CreatePupilAsync(Data, school, [PupilFlag.LookedAfter], "341", new DateOnly(2022, 1, 1));
        object[] autumn = [pupil.Upn, new DateOnly(2024, 9, 2), new DateOnly(2024, 12, 20), 140, 128, 10, 2];

        // Act
        var bad = await ImportXlsxAsync<AttendanceImporter>(school, Workbook(AttendanceHeader,
            autumn,
            [pupil.Upn, new DateOnly(2025, 1, 6), new DateOnly(2025, 4, 4), 116, 120, 0, 0]));
        var good = await ImportXlsxAsync<AttendanceImporter>(school, Workbook(AttendanceHeader, autumn));

        // Assert
        Assert.False(bad.Succeeded);
        Assert.Equal([3], bad.Errors.Select(e => e.Line).Distinct());
        Assert.True(good.Succeeded, string.Join("; ", good.Errors));
        var stored = await Data.WithDbAsync(db => db.AttendanceRecords.AsNoTracking().SingleAsync(a => a.PupilId == pupil.Id));
        Assert.Equal((new DateOnly(2024, 9, 2), new DateOnly(2024, 12, 20), 140, 128, 10, 2),
            (stored.PeriodStart, stored.PeriodEnd, stored.SessionsPossible, stored.SessionsAttended, stored.Authorised, stored.Unauthorised));
    }

    [SkippableFact]
    public async Task Import_ExclusionsWorkbook_ReadsHalfDaysAndRefusesABadRowByItsLine()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var pupil = await CoachingScenario.CreatePupilAsync(Data, school, [PupilFlag.LookedAfter], "341", new DateOnly(2022, 1, 1));
        object[] suspension = [pupil.Upn, new DateOnly(2024, 11, 4), 2.5, "Suspension"];

        // Act
        var bad = await ImportXlsxAsync<ExclusionImporter>(school, Workbook(ExclusionHeader, suspension, [pupil.Upn, new DateOnly(2025, 1, 10), 1, "expelled"]));
        var good = await ImportXlsxAsync<ExclusionImporter>(school, Workbook(ExclusionHeader, suspension));

        // Assert
        Assert.Equal([(3, "kind \"expelled\" is not suspension or permanent")], bad.Errors.Select(e => (e.Line, e.Message)));
        Assert.True(good.Succeeded, string.Join("; ", good.Errors));
        var stored = await Data.WithDbAsync(db => db.Exclusions.AsNoTracking().SingleAsync(e => e.PupilId == pupil.Id));
        Assert.Equal((new DateOnly(2024, 11, 4), 2.5m, ExclusionKind.Suspension), (stored.Start, stored.Days, stored.Kind));
    }
}
