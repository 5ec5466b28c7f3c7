using System.Text;
using ClosedXML.Excel;
using Lynchpin.Core.Imports;

namespace Lynchpin.Tests.Imports;

public class TabularFileTests
{
    private static List<TabularRow> ReadAll(Stream file, string fileName, out TabularFile table)
    {
        table = TabularFile.Open(file, fileName);
        return table.ReadRows().ToList();
    }

    [Fact]
    public void Open_Csv_TrimsHeadersAndValuesAndMatchesHeadersIgnoringCase()
    {
        using var file = ImportFiles.Csv([" Staff_Ref ,NAME", "  T1 , Alex  "]);

        var rows = ReadAll(file, "people.csv", out var table);

        using (table)
        {
            Assert.Equal(["Staff_Ref", "NAME"], table.Headers);
            Assert.True(table.HasColumn("staff_ref"));
            var row = Assert.Single(rows);
            Assert.Equal(("T1", "Alex", ""), (row["STAFF_REF"], row["name"], row["missing"]));
        }
    }

    [Fact]
    public void Open_CsvWithQuotedFieldsAndBlankLines_KeepsTheFilesLineNumbers()
    {
        using var file = ImportFiles.Csv([
            "ref,note",
            "A,\"one, two\"",
            "",
            ",",
            "B,\"first line",
            "second line\"",
            "C,\"said \"\"hello\"\"\"",
        ], "\r\n");

        var rows = ReadAll(file, "notes.csv", out var table);

        using (table)
        {
            Assert.Equal([2, 5, 7], rows.Select(r => r.Line));
            Assert.Equal("one, two", rows[0]["note"]);
            Assert.Equal("first line\r\nsecond line", rows[1]["note"]);
            Assert.Equal("said \"hello\"", rows[2]["note"]);
        }
    }

    [Fact]
    public void Open_ShortAndLongRows_ReadMissingCellsAsEmpty()
    {
        using var file = ImportFiles.Csv(["a,b,c", "1", "1,2,3,4"]);

        var rows = ReadAll(file, "x.csv", out var table);

        using (table)
        {
            Assert.Equal(("1", "", ""), (rows[0]["a"], rows[0]["b"], rows[0]["c"]));
            Assert.Equal("3", rows[1]["c"]);
        }
    }

    [Theory]
    [InlineData("staff.txt")]
    [InlineData("staff.xls")]
    [InlineData("staff")]
    public void Open_OtherExtension_ThrowsWithAClearMessage(string fileName)
    {
        var error = Assert.Throws<TabularFileException>(() => TabularFile.Open(new MemoryStream([1, 2, 3]), fileName)).Error;

        Assert.Equal($"\"{fileName}\" is not a file Lynchpin can read: save it as CSV (.csv) or as an Excel workbook (.xlsx)", error.Message);
    }

    [Fact]
    public void Open_EmptyCsv_SaysSo()
    {
        var error = Assert.Throws<TabularFileException>(() => TabularFile.Open(new MemoryStream(), "empty.csv")).Error;

        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Open_SemicolonSeparatedCsv_SaysToSaveWithCommas()
    {
        var error = Assert.Throws<TabularFileException>(() => TabularFile.Open(ImportFiles.Csv(["staff_ref;first_name", "T1;Alex"]), "x.csv")).Error;

        Assert.Contains("separated by semicolons or tabs", error.Message);
    }

    [Fact]
    public void Open_XlsxThatIsNotAWorkbook_SaysItCannotBeOpened()
    {
        var error = Assert.Throws<TabularFileException>(() => TabularFile.Open(new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n")), "renamed.xlsx")).Error;

        Assert.Contains("could not be opened as an Excel workbook", error.Message);
    }

    [Fact]
    public void ValidateColumns_MissingAndRepeated_OneErrorEachOnTheHeaderLine()
    {
        using var table = TabularFile.Open(ImportFiles.Csv(["a,B,b,notes,notes", "1,2,3,4,5"]), "x.csv");

        var errors = table.ValidateColumns(["a", "c", "d"], ["b"]);

        Assert.Equal(
            [new RowError(1, "The columns c, d are missing from the heading row"), new RowError(1, "The heading row has B more than once; keep one column of each")],
            errors);
    }

    [Fact]
    public void Open_Xlsx_ReadsCellsAsTextFromTheFirstSheet()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("People");
        workbook.Worksheets.Add("Notes").Cell(1, 1).Value = "not read";
        sheet.Cell(1, 1).Value = " Ref ";
        sheet.Cell(1, 2).Value = "Start";
        sheet.Cell(1, 3).Value = "Hours";
        sheet.Cell(1, 4).Value = "Flag";
        sheet.Cell(2, 1).Value = 1001;
        sheet.Cell(2, 2).Value = new DateTime(2024, 9, 2);
        sheet.Cell(2, 3).Value = 37.0;
        sheet.Cell(2, 4).Value = true;
        sheet.Cell(4, 1).SetValue("0042");
        sheet.Cell(4, 2).SetValue("2024-09-02");
        sheet.Cell(4, 3).Value = 32.5;
        var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var rows = ReadAll(file, "people.xlsx", out var table);

        using (table)
        {
            Assert.Equal(["Ref", "Start", "Hours", "Flag"], table.Headers);
            Assert.Equal([2, 4], rows.Select(r => r.Line));
            Assert.Equal(("1001", "2024-09-02", "37", "true"), (rows[0]["ref"], rows[0]["start"], rows[0]["hours"], rows[0]["flag"]));
            Assert.Equal(("0042", "2024-09-02", "32.5", ""), (rows[1]["ref"], rows[1]["start"], rows[1]["hours"], rows[1]["flag"]));
        }
    }

    [Fact]
    public void Detect_EncodingOfCsvBytes()
    {
        var utf8 = new UTF8Encoding(false);
        Assert.Equal(Encoding.UTF8, CsvEncoding.Detect(new MemoryStream([.. Encoding.UTF8.Preamble, .. utf8.GetBytes("Zoë")])));
        Assert.Equal(Encoding.UTF8, CsvEncoding.Detect(new MemoryStream(utf8.GetBytes("Zoë O’Brien"))));
        Assert.Equal(Encoding.UTF8, CsvEncoding.Detect(new MemoryStream(utf8.GetBytes("plain ascii"))));
        Assert.Equal(CsvEncoding.Windows1252, CsvEncoding.Detect(new MemoryStream(CsvEncoding.Windows1252.GetBytes("Zoë O’Brien"))));
        Assert.Null(CsvEncoding.Detect(new MemoryStream(Encoding.Unicode.GetPreamble())));
    }

    [Fact]
    public void Detect_MultiByteCharacterAcrossTheScanBuffer_IsStillUtf8()
    {
        // The scan reads 64 KiB at a time; an é straddling the boundary must not look invalid.
        var text = new string('a', 64 * 1024 - 1) + "é";
        var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(text));

        Assert.Equal(Encoding.UTF8, CsvEncoding.Detect(stream));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Open_UnseekableUpload_IsRead()
    {
        var bytes = CsvEncoding.Windows1252.GetBytes("name\r\nZoë\r\n");
        using var file = new UnseekableStream(bytes);

        var rows = ReadAll(file, "x.csv", out var table);

        using (table)
        {
            Assert.Equal("Zoë", Assert.Single(rows)["name"]);
        }
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
