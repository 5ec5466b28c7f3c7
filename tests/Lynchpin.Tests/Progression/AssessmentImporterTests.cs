using ClosedXML.Excel;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Progression;

/// <summary>
/// The assessments import on a real SQLite database, with today fixed at 25 November 2026.
/// Oakfield has H1 (head), T1 and T3 (teachers since 2020) and T2 (started 3 November 2025); Elm has E1.
/// </summary>
public sealed class AssessmentImporterTests : IDisposable
{
    private const int Urn = 140001;
    private const string Header = "staff_ref,year,checkpoint,stage,assessed_on,assessor_ref,note";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly ImportsDatabase database = new();

    public void Dispose() => database.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private async Task<School> CreateSchoolsAsync()
    {
        var oakfield = await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        var elm = await database.AddSchoolAsync(140002, "Elm Academy");
        await using var db = database.CreateContext();
        StaffMember Person(School school, string staffRef, DateOnly? started) => new()
        {
            SchoolId = school.Id,
            StaffRef = staffRef,
            FirstName = "Alex",
            LastName = staffRef,
            JobTitle = "Teacher",
            RoleFamily = RoleFamily.Teaching,
            StartDate = started,
        };
        db.StaffMembers.AddRange(
            Person(oakfield, "H1", new DateOnly(2015, 9, 1)),
            Person(oakfield, "T1", new DateOnly(2020, 9, 1)),
            Person(oakfield, "T2", new DateOnly(2025, 11, 3)),
            Person(oakfield, "T3", null),
            Person(elm, "E1", new DateOnly(2020, 9, 1)));
        await db.SaveChangesAsync();
        return oakfield;
    }

    private async Task<ImportResult> ImportAsync(Stream file, string fileName = "assessments.csv", int urn = Urn)
    {
        await using var db = database.CreateContext();
        return await new AssessmentImporter(db, new SchoolClock(new FixedClock(Now)))
            .ImportAsync(urn, file, fileName, new Recorder("user-1", "Helen Marsh"), CancellationToken.None);
    }

    private Task<ImportResult> ImportAsync(params string[] lines) => ImportAsync(ImportFiles.Csv(lines));

    private async Task<List<Assessment>> AssessmentsAsync()
    {
        await using var db = database.CreateContext();
        return await db.Assessments.Include(a => a.StaffMember).Include(a => a.Assessor)
            .OrderBy(a => a.StaffMember.StaffRef).ThenBy(a => a.Year).ThenBy(a => a.Checkpoint).ThenBy(a => a.Version)
            .ToListAsync();
    }

    private static string Errors(ImportResult result) => string.Join("; ", result.Errors);

    [Fact]
    public async Task Import_GoodCsv_AddsEachAssessmentAsVersionOne()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await ImportAsync(
            Header,
            "T1,2025,1,3,2025-10-08,H1,Plans well",
            "T1,2025/26,2,4,2025-12-15,,",
            "T2,2025,2,0,2025-12-15,H1,\"New, not yet through safeguarding\"");

        // Assert
        Assert.True(result.Succeeded, Errors(result));
        Assert.Equal((3, 0, 0), (result.Created, result.Updated, result.Unchanged));
        var stored = await AssessmentsAsync();
        Assert.Equal(
            [("T1", 2025, 1, 3, "H1", "Plans well"), ("T1", 2025, 2, 4, null, null), ("T2", 2025, 2, 0, "H1", "New, not yet through safeguarding")],
            stored.Select(a => (a.StaffMember.StaffRef, a.Year, a.Checkpoint, a.Stage, a.Assessor?.StaffRef, a.Note)));
        Assert.All(stored, a =>
        {
            Assert.Equal(1, a.Version);
            Assert.True(a.IsCurrent);
            Assert.Empty(a.CriteriaMet);
            Assert.Equal("user-1", a.RecordedByUserId);
            Assert.Equal("Helen Marsh", a.RecordedByName);
            Assert.Equal(Now.UtcDateTime, a.RecordedAt);
        });
        Assert.Equal(new DateOnly(2025, 10, 8), stored[0].AssessedOn);
    }

    [Fact]
    public async Task Import_HeadingsInAnyCaseWithBomAndCrlfAndNoOptionalColumns_Reads()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await ImportAsync(ImportFiles.CsvWithBom(
            [" Staff_Ref,YEAR,Checkpoint,stage,Assessed_On", "T3,2025,4,5,2026-07-10"], newline: "\r\n"));

        // Assert
        Assert.True(result.Succeeded, Errors(result));
        var only = Assert.Single(await AssessmentsAsync());
        Assert.Equal(("T3", 4, 5, new DateOnly(2026, 7, 10)), (only.StaffMember.StaffRef, only.Checkpoint, only.Stage, only.AssessedOn));
        Assert.Null(only.AssessorId);
    }

    [Fact]
    public async Task Import_UkDate_IsReadDayFirst()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act: 10/07/2026 is 10 July, as a British school writes it
        var result = await ImportAsync(ImportFiles.CsvWithBom(["staff_ref,year,checkpoint,stage,assessed_on", "T3,2025,4,5,10/07/2026"], newline: "\n"));

        // Assert
        Assert.True(result.Succeeded, Errors(result));
        Assert.Equal(new DateOnly(2026, 7, 10), Assert.Single(await AssessmentsAsync()).AssessedOn);
    }

    [Fact]
    public async Task Import_Xlsx_ReadsNumberAndDateCells()
    {
        // Arrange
        await CreateSchoolsAsync();
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Assessments");
        object[][] cells =
        [
            ["staff_ref", "year", "checkpoint", "stage", "assessed_on", "assessor_ref", "note"],
            ["T1", 2025, 3, 4, new DateTime(2026, 3, 20), "H1", "Leads the maths club"],
            ["T2", "2025/26", 3.0, 1, new DateTime(2026, 3, 20), "", ""],
        ];
        for (var r = 0; r < cells.Length; r++)
        {
            for (var c = 0; c < cells[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).Value = cells[r][c];
            }
        }
        var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        // Act
        var result = await ImportAsync(file, "Assessments.XLSX");

        // Assert
        Assert.True(result.Succeeded, Errors(result));
        Assert.Equal(
            [("T1", 3, 4, new DateOnly(2026, 3, 20), "Leads the maths club"), ("T2", 3, 1, new DateOnly(2026, 3, 20), null)],
            (await AssessmentsAsync()).Select(a => (a.StaffMember.StaffRef, a.Checkpoint, a.Stage, a.AssessedOn, a.Note)));
    }

    [Fact]
    public async Task Import_RowForACheckpointAlreadyAssessed_AddsVersionTwoAndKeepsVersionOne()
    {
        // Arrange
        await CreateSchoolsAsync();
        await ImportAsync(Header, "T1,2025,1,3,2025-10-08,H1,First look", "T3,2025,1,4,2025-10-08,H1,");

        // Act
        var result = await ImportAsync(Header, "T1,2025,1,4,2025-10-09,H1,Second look", "T3,2025,1,4,2025-10-08,H1,");

        // Assert: T1 corrected, T3 said again exactly as stored
        Assert.True(result.Succeeded, Errors(result));
        Assert.Equal((0, 1, 1), (result.Created, result.Updated, result.Unchanged));
        var t1 = (await AssessmentsAsync()).Where(a => a.StaffMember.StaffRef == "T1").ToList();
        Assert.Equal([(1, 3, false, "First look"), (2, 4, true, "Second look")], t1.Select(a => (a.Version, a.Stage, a.IsCurrent, a.Note)));
        Assert.Single(await AssessmentsAsync(), a => a.StaffMember.StaffRef == "T3");
    }

    [Fact]
    public async Task Import_CorrectionOfACorrection_AddsVersionThree()
    {
        // Arrange
        await CreateSchoolsAsync();
        await ImportAsync(Header, "T1,2025,2,3,2025-12-10,,");
        await ImportAsync(Header, "T1,2025,2,4,2025-12-10,,");

        // Act
        var result = await ImportAsync(Header, "T1,2025,2,5,2025-12-10,,");

        // Assert
        Assert.True(result.Succeeded, Errors(result));
        Assert.Equal([(1, false), (2, false), (3, true)], (await AssessmentsAsync()).Select(a => (a.Version, a.IsCurrent)));
    }

    [Theory]
    [InlineData("staff_ref", "", "staff_ref is empty")]
    [InlineData("staff_ref", "Z99", "staff_ref \"Z99\" is not a member of staff at Oakfield Primary School")]
    [InlineData("staff_ref", "E1", "staff_ref \"E1\" is not a member of staff at Oakfield Primary School")]
    [InlineData("staff_ref", "t1", "staff_ref \"t1\" is not a member of staff")]
    [InlineData("year", "", "year is empty")]
    [InlineData("year", "25", "year \"25\" is not a school year")]
    [InlineData("year", "2025/27", "year \"2025/27\" is not a school year")]
    [InlineData("year", "1999", "year \"1999\" is not a school year")]
    [InlineData("checkpoint", "", "checkpoint is empty")]
    [InlineData("checkpoint", "0", "checkpoint \"0\" is not valid")]
    [InlineData("checkpoint", "5", "checkpoint \"5\" is not valid; use 1 (first six weeks)")]
    [InlineData("checkpoint", "one", "checkpoint \"one\" is not valid")]
    [InlineData("stage", "7", "stage \"7\" is not valid; use a stage from 0 to 6")]
    [InlineData("stage", "-1", "stage \"-1\" is not valid")]
    [InlineData("stage", "3.5", "stage \"3.5\" is not valid")]
    [InlineData("assessed_on", "", "assessed_on is empty")]
    [InlineData("assessed_on", "10/2025", "assessed_on \"10/2025\" is not a date written as 2025-10-10 or 10/10/2025")]
    [InlineData("assessed_on", "08/10/25", "assessed_on \"08/10/25\" is not a date written as 2025-10-10 or 10/10/2025")]
    [InlineData("assessed_on", "2025-08-31", "assessed_on 31 August 2025 is not in the school year 2025/26 (1 September 2025 to 31 August 2026)")]
    [InlineData("assessed_on", "2026-09-01", "assessed_on 1 September 2026 is not in the school year 2025/26")]
    [InlineData("assessor_ref", "Z99", "assessor_ref \"Z99\" is not a member of staff at Oakfield Primary School")]
    [InlineData("assessor_ref", "E1", "assessor_ref \"E1\" is not a member of staff at Oakfield Primary School")]
    [InlineData("assessor_ref", "T1", "assessor_ref is T1, the person being assessed; nobody can assess themselves")]
    public async Task Import_BadValue_ReportsItsLineAndStoresNothing(string column, string value, string expected)
    {
        // Arrange: a good row first, so the bad one is line 3
        await CreateSchoolsAsync();
        var row = new Dictionary<string, string>
        {
            ["staff_ref"] = "T1",
            ["year"] = "2025",
            ["checkpoint"] = "1",
            ["stage"] = "3",
            ["assessed_on"] = "2025-10-08",
            ["assessor_ref"] = "H1",
            ["note"] = "",
        };
        row[column] = value;

        // Act
        var result = await ImportAsync(Header, "T3,2025,1,4,2025-10-08,H1,", string.Join(",", row.Values));

        // Assert
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains(expected, error.Message);
        Assert.Empty(await AssessmentsAsync());
    }

    [Fact]
    public async Task Import_DateInTheFuture_IsRefused()
    {
        // Arrange: today is 25 November 2026, in the school year 2026/27
        await CreateSchoolsAsync();

        // Act
        var result = await ImportAsync(Header, "T1,2026,1,3,2026-11-25,,", "T3,2026,2,3,2026-11-26,,");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("assessed_on 26 November 2026 is in the future", error.Message);
        Assert.Empty(await AssessmentsAsync());
    }

    [Fact]
    public async Task Import_DateBeforeThePersonStarted_IsRefused()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await ImportAsync(Header, "T2,2025,1,0,2025-10-08,H1,", "T2,2025,2,0,2025-11-03,H1,");

        // Assert: the start day itself is fine
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("assessed_on 8 October 2025 is before T2 started on 3 November 2025", error.Message);
    }

    [Fact]
    public async Task Import_NoteTooLong_IsRefused()
    {
        // Arrange
        await CreateSchoolsAsync();
        var note = new string('x', Assessment.NoteMaxLength + 1);

        // Act
        var result = await ImportAsync(Header, $"T1,2025,1,3,2025-10-08,H1,{note}");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains($"note is {Assessment.NoteMaxLength + 1} characters long; it can be at most {Assessment.NoteMaxLength}", error.Message);
    }

    [Fact]
    public async Task Import_TwoRowsForOneCheckpoint_ReportsBothLines()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act: lines 2 and 4 are the same checkpoint (2025 and 2025/26 are one year); line 3 is another checkpoint
        var result = await ImportAsync(Header, "T1,2025,1,3,2025-10-08,,", "T1,2025,2,3,2025-12-08,,", "T1,2025/26,1,4,2025-10-09,,");

        // Assert
        Assert.Equal([2, 4], result.Errors.Select(e => e.Line));
        Assert.Contains("T1 has another row for 2025/26 checkpoint 1 on line 4", result.Errors[0].Message);
        Assert.Contains("T1 has another row for 2025/26 checkpoint 1 on line 2", result.Errors[1].Message);
        Assert.Empty(await AssessmentsAsync());
    }

    [Fact]
    public async Task Import_ManyBadRows_ListsEveryOneInLineOrder()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await ImportAsync(Header, "Z1,2025,1,3,2025-10-08,,", "T1,2025,1,3,2025-10-08,,", "T3,2025,9,9,2025-10-08,,");

        // Assert: line 4 has two problems
        Assert.Equal([2, 4, 4], result.Errors.Select(e => e.Line));
        Assert.Contains("checkpoint", result.Errors[1].Message);
        Assert.Contains("stage", result.Errors[2].Message);
    }

    [Fact]
    public async Task Import_BadRowInAFileOfCorrections_LeavesTheStoredVersionsCurrent()
    {
        // Arrange
        await CreateSchoolsAsync();
        await ImportAsync(Header, "T1,2025,1,3,2025-10-08,,");

        // Act
        var result = await ImportAsync(Header, "T1,2025,1,5,2025-10-08,,", "T3,2025,1,8,2025-10-08,,");

        // Assert
        Assert.False(result.Succeeded);
        var only = Assert.Single(await AssessmentsAsync());
        Assert.Equal((1, 3, true), (only.Version, only.Stage, only.IsCurrent));
    }

    [Fact]
    public async Task Import_MissingColumns_NamesThem()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await ImportAsync("staff_ref,year,stage", "T1,2025,3");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("The columns checkpoint, assessed_on are missing from the heading row", error.Message);
    }

    [Fact]
    public async Task Import_UnknownSchool_SaysSoOnLineZero()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await ImportAsync(ImportFiles.Csv([Header, "T1,2025,1,3,2025-10-08,,"]), urn: 999999);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Line);
        Assert.Contains("There is no school with URN 999999", error.Message);
    }

    [Fact]
    public async Task Import_HeadingsOnly_SaysThereAreNoAssessments()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await ImportAsync(Header);

        // Assert
        Assert.Equal("The file has headings but no assessments under them", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Import_SampleFile_AddsEveryRow()
    {
        // Arrange: the sample's people, as the staff sample file names them
        var school = await CreateSchoolsAsync();
        await database.AddStaffAsync(school, "OAK001");
        await database.AddStaffAsync(school, "OAK002");
        await database.AddStaffAsync(school, "OAK005");
        await database.AddStaffAsync(school, "OAK009");
        await database.AddStaffAsync(school, "OAK014");

        // Act
        await using var file = File.OpenRead(ImportFiles.TestFile("assessments-good.csv"));
        var result = await ImportAsync(file, "assessments-good.csv");

        // Assert
        Assert.True(result.Succeeded, Errors(result));
        Assert.Equal(8, result.Created);
        Assert.Equal(8, (await AssessmentsAsync()).Count);
    }

    [Theory]
    [InlineData("2025", 2025)]
    [InlineData("2025/26", 2025)]
    [InlineData("2025-26", 2025)]
    [InlineData("2025/2026", 2025)]
    [InlineData("2099/00", 2099)]
    public void TryParseYear_SchoolYearSpellings_GiveTheStartYear(string text, int expected)
    {
        Assert.True(AssessmentImporter.TryParseYear(text, out var year));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025/25")]
    [InlineData("2025/2027")]
    [InlineData("25/26")]
    [InlineData("2101")]
    [InlineData("2025 autumn")]
    public void TryParseYear_Other_IsRefused(string text)
    {
        Assert.False(AssessmentImporter.TryParseYear(text, out _));
    }
}
