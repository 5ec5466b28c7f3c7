using ClosedXML.Excel;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Observations;

/// <summary>The timetable import on a real SQLite database. Oakfield (140101) has T1, T2, TA1 and CS1; Elm (140102) has E1.</summary>
public sealed class TimetableImporterTests : IDisposable
{
    private const int Urn = 140101;
    private const string Header = "week,day,period,start,end,staff_ref,class,subject,year_group,room";

    private readonly ImportsDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<School> CreateSchoolsAsync()
    {
        var oakfield = await database.AddSchoolAsync(Urn, "Oakfield Academy");
        var elm = await database.AddSchoolAsync(140102, "Elm Academy");
        foreach (var staffRef in new[] { "T1", "T2", "TA1", "CS1" })
        {
            await database.AddStaffAsync(oakfield, staffRef);
        }
        await database.AddStaffAsync(elm, "E1");
        return oakfield;
    }

    private async Task<ImportResult> ImportAsync(Stream file, string fileName = "timetable.csv")
    {
        await using var db = database.CreateContext();
        return await new TimetableImporter(db).ImportAsync(Urn, file, fileName);
    }

    private Task<ImportResult> ImportAsync(params string[] lines) => ImportAsync(ImportFiles.Csv(lines));

    private async Task<List<TimetableRow>> RowsAsync()
    {
        await using var db = database.CreateContext();
        return await db.TimetableRows.Include(r => r.StaffMember).OrderBy(r => r.Id).ToListAsync();
    }

    private static string Errors(ImportResult result) => string.Join("; ", result.Errors);

    [Fact]
    public async Task Import_GoodCsv_StoresEveryRowReadInOneForm()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act: headings in any case, days and year groups in several spellings, a TA beside a teacher, a cover supervisor
        var result = await ImportAsync(File.OpenRead(ImportFiles.TestFile("timetable-good.csv")));

        // Assert
        Assert.True(result.Succeeded, Errors(result));
        Assert.Equal(6, Assert.IsType<ListImportResult>(result).Imported);
        var rows = await RowsAsync();
        Assert.Equal(
            [
                (TimetableWeek.Every, DayOfWeek.Monday, "1", "T1", "9A", "9"),
                (TimetableWeek.Every, DayOfWeek.Monday, "1", "TA1", "9A", "9"),
                (TimetableWeek.A, DayOfWeek.Monday, "2", "T1", "10B", "10"),
                (TimetableWeek.B, DayOfWeek.Monday, "2", "T1", "11C", "11"),
                (TimetableWeek.Every, DayOfWeek.Tuesday, "1", "T2", "7C", "7"),
                (TimetableWeek.Every, DayOfWeek.Tuesday, "P2", "CS1", "8D", "8"),
            ],
            rows.Select(r => (r.Week, r.Day, r.Period, r.StaffMember.StaffRef, r.Class, r.YearGroup)));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(10, 0)), (rows[4].Start, rows[4].End));
        Assert.Equal(("Cover", "E2"), (rows[5].Subject, rows[5].Room));
    }

    [Fact]
    public async Task Import_Xlsx_ReadsTimeCellsAndNumbers()
    {
        // Arrange
        await CreateSchoolsAsync();
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Timetable");
        string[] headings = ["week", "day", "period", "start", "end", "staff_ref", "class", "subject", "year_group", "room"];
        for (var c = 0; c < headings.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headings[c];
        }
        sheet.Cell(2, 1).Value = "A";
        sheet.Cell(2, 2).Value = "Wed";
        sheet.Cell(2, 3).Value = 3;
        sheet.Cell(2, 4).Value = new TimeSpan(11, 20, 0);
        sheet.Cell(2, 5).Value = new DateTime(1899, 12, 30, 12, 20, 0);
        sheet.Cell(2, 6).Value = "T2";
        sheet.Cell(2, 7).Value = "9X";
        sheet.Cell(2, 8).Value = "History";
        sheet.Cell(2, 9).Value = 9;
        var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        // Act
        var result = await ImportAsync(file, "timetable.xlsx");

        // Assert
        Assert.True(result.Succeeded, Errors(result));
        var row = Assert.Single(await RowsAsync());
        Assert.Equal((TimetableWeek.A, DayOfWeek.Wednesday, "3", new TimeOnly(11, 20), new TimeOnly(12, 20), "9"),
            (row.Week, row.Day, row.Period, row.Start, row.End, row.YearGroup));
    }

    [Fact]
    public async Task Import_AgainWithAnotherFile_ReplacesTheWholeTimetable()
    {
        // Arrange
        await CreateSchoolsAsync();
        await ImportAsync(File.OpenRead(ImportFiles.TestFile("timetable-good.csv")));

        // Act
        var result = await ImportAsync(Header, ",Fri,5,14:00,15:00,T2,10Y,Drama,10,D1");

        // Assert
        var imported = Assert.IsType<ListImportResult>(result);
        Assert.Equal((1, 6), (imported.Imported, imported.Replaced));
        Assert.Equal(["10Y"], (await RowsAsync()).Select(r => r.Class));
    }

    [Fact]
    public async Task Import_BadRows_ReportsEachProblemByLineAndChangesNothing()
    {
        // Arrange: a timetable already stored must survive a bad file untouched
        await CreateSchoolsAsync();
        await ImportAsync(File.OpenRead(ImportFiles.TestFile("timetable-good.csv")));

        // Act
        var result = await ImportAsync(
            Header,
            "C,Mon,1,09:00,10:00,T1,9A,Maths,9,M1",
            ",Saturday,1,09:00,10:00,T1,9A,Maths,9,M1",
            ",Funday,1,09:00,10:00,T1,9A,Maths,9,M1",
            ",Mon,,9am,10:00,T1,9A,Maths,9,M1",
            ",Tue,1,10:00,09:30,T1,9A,Maths,9,M1",
            ",Wed,1,09:00,10:00,,,Maths,Y14,M1",
            ",Thu,1,09:00,10:00,E1,9A,Maths,9,M1",
            $",Fri,1,09:00,10:00,T2,{new string('x', 51)},Maths,9,M1");

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                (2, "week \"C\" is not A or B; leave it empty for a timetable that is the same every week"),
                (3, "day \"Saturday\" is not a school day; the timetable runs Monday to Friday"),
                (4, "day \"Funday\" is not a day; write Mon, Tue, Wed, Thu or Fri (or the full name)"),
                (5, "period is empty; write the period's label as on the timetable, such as 1 or P1"),
                (5, "start \"9am\" is not a time written as HH:MM, such as 09:00 or 13:45"),
                (6, "end 09:30 is not after start 10:00"),
                (7, "staff_ref is empty; every row needs the staff reference of the person in the lesson"),
                (7, "class is empty; write the class or teaching group, such as 9A or 10X/Ma1"),
                (7, "year_group \"Y14\" is not a year group; write R (reception), N (nursery) or 1 to 13 (also Y9 or Year 9), 5/6 for a mixed-year class, or leave it empty"),
                (8, "staff_ref \"E1\" is not a member of staff at Oakfield Academy; check the reference or import the person first"),
                (9, "class is 51 characters long; it can be at most 50"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)));
        Assert.Equal(6, (await RowsAsync()).Count);
    }

    [Fact]
    public async Task Import_PersonInTwoPlacesAtOnce_NamesBothLines()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act: lines 2 and 4 clash in week A (an every-week row meets week A); line 3 (week B) clashes with line 2 too;
        // lines 5 and 6 are different periods; a TA beside the teacher (line 7) is a different person.
        var result = await ImportAsync(
            Header,
            ",Mon,1,09:00,10:00,T1,9A,Maths,9,M1",
            "B,Mon,1,09:00,10:00,T1,9B,Maths,9,M1",
            "A,Mon,1,09:00,10:00,T1,9C,Maths,9,M1",
            "A,Tue,1,09:00,10:00,T2,7C,English,7,E1",
            "B,Tue,1,09:00,10:00,T2,7D,English,7,E1",
            ",Mon,1,09:00,10:00,TA1,9A,Maths,9,M1");

        // Assert
        Assert.Equal(
            [
                (2, "T1 is in two places at once on Mon period 1: line 2 (9A) and line 3 (9B) in week B, and line 4 (9C) in week A; a person can be in one place at a time"),
                (3, "T1 is in two places at once on Mon period 1: line 3 (9B) and line 2 (9A) in week B; a person can be in one place at a time"),
                (4, "T1 is in two places at once on Mon period 1: line 4 (9C) and line 2 (9A) in week A; a person can be in one place at a time"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)));
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Import_MissingColumnsOrNoRowsOrUnknownSchool_ExplainsWhy()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var missing = await ImportAsync("day,period,staff_ref", "Mon,1,T1");
        var empty = await ImportAsync(Header);
        await using var db = database.CreateContext();
        var unknown = await new TimetableImporter(db).ImportAsync(999999, ImportFiles.Csv([Header]), "t.csv");

        // Assert
        Assert.Equal("The columns start, end, class are missing from the heading row", Assert.Single(missing.Errors).Message);
        Assert.Equal("The file has headings but no lessons under them", Assert.Single(empty.Errors).Message);
        Assert.Equal("There is no school with URN 999999; import it from GIAS first", Assert.Single(unknown.Errors).Message);
    }
}
