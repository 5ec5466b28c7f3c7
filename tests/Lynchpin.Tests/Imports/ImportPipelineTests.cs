using System.IO.Compression;
using System.Text;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Imports;

/// <summary>
/// The pipeline every import runs on, through a small row mapper of its own: a duty per row (staff_ref, duty), where the
/// duty "bad" is a row error and the duty "fail" makes the write throw after saving.
/// </summary>
public sealed class ImportPipelineTests : IDisposable
{
    private const int Urn = 140001;

    private readonly ImportsDatabase database = new();

    public void Dispose() => database.Dispose();

    private sealed class DutyMapper(LynchpinDbContext db)
        : SchoolImporter<DutyMapper.Row>(db, new(["staff_ref", "duty"], [], "duties", StaffRefColumn: "staff_ref"))
    {
        public bool? CheckedInTransaction { get; private set; }

        public bool? WroteInTransaction { get; private set; }

        protected override Row Parse(TabularRow row, ImportRun run)
        {
            if (row["duty"] == "bad")
            {
                run.Error(row.Line, "duty \"bad\" is not a duty");
            }
            return new Row(row.Line, row["staff_ref"], row["duty"]);
        }

        protected override Task<ImportWrite> CheckAsync(ImportRun run, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
        {
            CheckedInTransaction = Db.Database.CurrentTransaction is not null;
            return Task.FromResult<ImportWrite>(async ct =>
            {
                WroteInTransaction = Db.Database.CurrentTransaction is not null;
                Db.StaffDuties.AddRange(rows.Select(r => new StaffDuty
                {
                    SchoolId = run.School.Id,
                    Day = DayOfWeek.Monday,
                    Period = "1",
                    StaffMemberId = run.Staff.IdOf(r.StaffRef),
                    Name = r.Duty,
                }));
                await Db.SaveChangesAsync(ct);
                if (rows.Any(r => r.Duty == "fail"))
                {
                    throw new InvalidOperationException("The write failed after saving.");
                }
                return new ImportResult(rows.Count, 0, []);
            });
        }

        public sealed record Row(int Line, string StaffRef, string Duty);
    }

    private Task<(ImportResult? Result, DutyMapper Mapper)> ImportAsync(params string[] lines) => ImportAsync(ImportFiles.Csv(lines), "duties.csv");

    private async Task<(ImportResult? Result, DutyMapper Mapper)> ImportAsync(Stream file, string fileName)
    {
        await using var db = database.CreateContext();
        var mapper = new DutyMapper(db);
        return (await mapper.ImportAsync(Urn, file, fileName), mapper);
    }

    private async Task<int> DutiesAsync()
    {
        await using var db = database.CreateContext();
        return await db.StaffDuties.CountAsync();
    }

    private async Task CreateSchoolAsync()
    {
        var school = await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        await database.AddStaffAsync(school, "T1");
    }

    [Fact]
    public async Task Import_GoodFile_ChecksOutsideTheTransactionAndWritesInsideIt()
    {
        // Arrange
        await CreateSchoolAsync();

        // Act
        var (result, mapper) = await ImportAsync("staff_ref,duty", "T1,Reception", "T1,Gate");

        // Assert
        Assert.True(result!.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((false, true), (mapper.CheckedInTransaction, mapper.WroteInTransaction));
        Assert.Equal(2, await DutiesAsync());
    }

    [Fact]
    public async Task Import_RowErrorAndUnknownStaffRef_ListsEveryProblemByLineAndNeverWrites()
    {
        // Arrange
        await CreateSchoolAsync();

        // Act
        var (result, mapper) = await ImportAsync("staff_ref,duty", "T1,bad", "NOBODY,Gate", "T1,Reception");

        // Assert
        Assert.Equal(
            [
                (2, "duty \"bad\" is not a duty"),
                (3, "staff_ref \"NOBODY\" is not a member of staff at Oakfield Primary School; check the reference or import the person first"),
            ],
            result!.Errors.Select(e => (e.Line, e.Message)));
        Assert.Null(mapper.WroteInTransaction);
        Assert.Equal(0, await DutiesAsync());
    }

    [Fact]
    public async Task Import_WriteThrowsAfterSaving_LeavesNothingStored()
    {
        // Arrange
        await CreateSchoolAsync();

        // Act
        var failure = await Record.ExceptionAsync(() => ImportAsync("staff_ref,duty", "T1,Reception", "T1,fail"));

        // Assert
        Assert.IsType<InvalidOperationException>(failure);
        Assert.Equal(0, await DutiesAsync());
    }

    [Theory]
    [InlineData("staff_ref", "The column duty is missing from the heading row")]
    [InlineData("staff_ref,duty", "The file has headings but no duties under them")]
    public async Task Import_NoUsableRows_SaysWhyInOneError(string header, string message)
    {
        // Arrange
        await CreateSchoolAsync();

        // Act
        var (result, mapper) = await ImportAsync(header);

        // Assert
        Assert.Equal(message, Assert.Single(result!.Errors).Message);
        Assert.Null(mapper.CheckedInTransaction);
    }

    // ---- Limits (ImportLimits): what the pipeline admits and what it refuses before it holds the server ----

    [Fact]
    public async Task Import_20000RowsIn60MbOfCsv_IsAdmitted()
    {
        // Arrange: a wide column the import ignores makes each row 3,150 bytes, as a national extract's rows are
        await CreateSchoolAsync();
        var notes = new string('x', 3_136);
        var lines = new[] { "staff_ref,duty,notes" }.Concat(Enumerable.Range(1, 20_000).Select(i => $"T1,Duty {i:D5},{notes}"));
        var file = ImportFiles.Csv(lines);

        // Act
        var (result, _) = await ImportAsync(file, "duties.csv");

        // Assert
        Assert.True(file.Length >= 60_000_000, $"{file.Length} bytes");
        Assert.True(result!.Succeeded, string.Join("; ", result.Errors.Take(3)));
        Assert.Equal(20_000, await DutiesAsync());
    }

    [Fact]
    public async Task Import_WorkbookOf16MillionCells_IsRefusedBeforeLoadingWithAClearMessage()
    {
        // Arrange: 4,000 rows of 4,000 cells, a few megabytes zipped and 240 MB unzipped
        await CreateSchoolAsync();
        var file = WorkbookOfCells(rows: 4_000, columns: 4_000);

        // Act
        var (result, mapper) = await ImportAsync(file, "duties.xlsx");

        // Assert
        Assert.True(file.Length < 4_000_000, $"{file.Length} bytes");
        var error = Assert.Single(result!.Errors);
        Assert.Equal("The workbook's first sheet has more than 2,000,000 cells (rows times columns); " +
            "delete the rows and columns the import does not need, save it as CSV, or split it", error.Message);
        Assert.Null(mapper.CheckedInTransaction);
        Assert.Equal(0, await DutiesAsync());
    }

    [Fact]
    public async Task Import_WorkbookUnzippingPastTheLimit_IsRefused()
    {
        // Arrange: one row whose single cell unzips to 300 MB
        await CreateSchoolAsync();
        var file = WorkbookOfCells(rows: 1, columns: 1, cellText: 300_000_000);

        // Act
        var (result, _) = await ImportAsync(file, "duties.xlsx");

        // Assert
        Assert.Equal("The workbook unzips to more than 256 MB; save it as CSV or split it", Assert.Single(result!.Errors).Message);
    }

    [Fact]
    public async Task Import_MoreRowsThanTheLimit_IsRefusedWithTheLimit()
    {
        // Arrange
        await CreateSchoolAsync();
        var lines = new[] { "staff_ref,duty" }.Concat(Enumerable.Repeat("T1,Gate", ImportLimits.MaxRows + 1));

        // Act
        var (result, mapper) = await ImportAsync(lines.ToArray());

        // Assert
        Assert.Equal("The file has more than 250,000 rows; split it into smaller files", Assert.Single(result!.Errors).Message);
        Assert.Null(mapper.CheckedInTransaction);
    }

    [Fact]
    public async Task Import_FileLargerThanTheLimit_IsRefusedUnread()
    {
        // Arrange
        await CreateSchoolAsync();
        var file = new MemoryStream(new byte[ImportLimits.MaxFileBytes + 1]);

        // Act
        var (result, _) = await ImportAsync(file, "duties.csv");

        // Assert
        Assert.Equal("The file is larger than 64 MB; split it into smaller files", Assert.Single(result!.Errors).Message);
        Assert.Equal(0, file.Position);
    }

    [Fact]
    public async Task Import_BadOnEveryRow_ReportsTheFirst200ByLineAndCountsTheRest()
    {
        // Arrange: every row bad, and one unknown staff ref near the start found by a later check
        await CreateSchoolAsync();
        var lines = new[] { "staff_ref,duty", "NOBODY,Gate" }.Concat(Enumerable.Repeat("T1,bad", 5_000));

        // Act
        var (result, _) = await ImportAsync(lines.ToArray());

        // Assert
        Assert.Equal(200, result!.Errors.Count);
        Assert.Equal(4_801, result.MoreErrors);
        Assert.Equal(5_001, result.ErrorCount);
        Assert.Equal(Enumerable.Range(2, 200), result.Errors.Select(e => e.Line));
        Assert.StartsWith("staff_ref \"NOBODY\"", result.Errors[0].Message, StringComparison.Ordinal);
    }

    /// <summary>A minimal XLSX whose first sheet has <paramref name="rows"/> rows of <paramref name="columns"/> cells "1" (or one of <paramref name="cellText"/> characters).</summary>
    private static MemoryStream WorkbookOfCells(int rows, int columns, int cellText = 0)
    {
        var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            const string Rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Rels}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            sheet.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>""");
            var cell = cellText > 0 ? $"<c t=\"inlineStr\"><is><t>{new string('x', cellText)}</t></is></c>" : "<c><v>1</v></c>";
            var row = "<row>" + string.Concat(Enumerable.Repeat(cell, columns)) + "</row>";
            for (var r = 0; r < rows; r++)
            {
                sheet.Write(row);
            }
            sheet.Write("</sheetData></worksheet>");
        }
        file.Position = 0;
        return file;
    }
}
