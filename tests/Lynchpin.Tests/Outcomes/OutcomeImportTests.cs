using System.Text;
using ClosedXML.Excel;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Outcomes;
using Lynchpin.Tests.Infrastructure;
using Lynchpin.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Outcomes;

/// <summary>
/// The outcomes imports on both databases, on files in the official layouts (TestFiles/ks4-performance-tables-sample.csv
/// and workforce-census-sample.csv are the DfE's headings with made-up rows, URNs 900001-900003): every column but
/// Lynchpin's ignored, suppressed figures kept as missing, schools Lynchpin does not hold counted and skipped, all or nothing.
/// </summary>
public abstract class OutcomeImportTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : OutcomeImportTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : OutcomeImportTests(app), IClassFixture<PostgresAppFactory>;

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestFiles", name));

    /// <summary>The sample with its made-up URNs replaced (null leaves the row for a school Lynchpin does not hold).</summary>
    private static string WithUrns(string text, int? first, int? second, int? third) => text
        .Replace("900001", $"{first ?? 999001}", StringComparison.Ordinal)
        .Replace("900002", $"{second ?? 999002}", StringComparison.Ordinal)
        .Replace("900003", $"{third ?? 999003}", StringComparison.Ordinal);

    private Task<ImportResult> ImportAsync(OutcomeFile kind, int year, string text, string fileName = "file.csv", int? trustId = null) =>
        ImportAsync(kind, year, Encoding.UTF8.GetBytes(text), fileName, trustId);

    private Task<ImportResult> ImportAsync(OutcomeFile kind, int year, byte[] bytes, string fileName, int? trustId = null) =>
        Data.WithServicesAsync(async sp =>
        {
            using var stream = new MemoryStream(bytes);
            return await sp.GetRequiredService<OutcomeImports>().ImportAsync(new OutcomeImportRequest(kind, year, stream, fileName, trustId));
        });

    private Task<Dictionary<string, SchoolOutcome>> FiguresAsync(School school, int year) =>
        Data.WithDbAsync(db => db.SchoolOutcomes.Where(o => o.SchoolId == school.Id && o.Year == year).ToDictionaryAsync(o => o.Measure));

    [SkippableFact]
    public async Task Import_Ks4InTheOfficialLayout_KeepsFiguresAndSuppressedValuesAsMissing()
    {
        // Arrange: the first and third sample rows are schools Lynchpin holds; the second is not
        var (a, b) = (await Data.CreateSchoolAsync(), await Data.CreateSchoolAsync());
        var file = WithUrns(Sample("ks4-performance-tables-sample.csv"), a.Urn, null, b.Urn);

        // Act
        var result = await ImportAsync(OutcomeFile.Ks4, 2023, file);

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var counts = Assert.IsType<OutcomeImportResult>(result);
        Assert.Equal((2, 0, 1), (counts.Created, counts.Updated, counts.Skipped));
        var first = await FiguresAsync(a, 2023);
        Assert.Equal(0.40m, first[OutcomeMeasures.P8].Value);
        Assert.Equal(0.16m, first[OutcomeMeasures.P8Low].Value);
        Assert.Equal(0.64m, first[OutcomeMeasures.P8High].Value);
        Assert.Equal(39.7m, first[OutcomeMeasures.Att8].Value);
        Assert.Equal(1254m, first[OutcomeMeasures.Ks4Pupils].Value);
        Assert.Equal(24m, first[OutcomeMeasures.Basics94].Value); // written 24%
        Assert.Equal(OutcomeMeasures.Of(OutcomeFile.Ks4).Count, first.Count);
        // The third row is suppressed or new throughout: missing, with the file's marker, never zero.
        var suppressed = await FiguresAsync(b, 2023);
        Assert.All(suppressed.Values, f => Assert.Null(f.Value));
        Assert.Equal("NE", suppressed[OutcomeMeasures.P8].Marker);
        Assert.Equal("LOWCOV", suppressed[OutcomeMeasures.P8Low].Marker);
        Assert.Equal("NEW", suppressed[OutcomeMeasures.Ks4Pupils].Marker);
        Assert.Equal("SUPP", suppressed[OutcomeMeasures.P8DisadvantagedLow].Marker);
        Assert.Null(suppressed[OutcomeMeasures.Att8].Marker); // an empty cell
    }

    [SkippableFact]
    public async Task Import_SameYearAgain_ReplacesThatYearOnlyAndCountsReplacedSchools()
    {
        // Arrange: 2022 and 2023 imported
        var a = await Data.CreateSchoolAsync();
        var file = WithUrns(Sample("ks4-performance-tables-sample.csv"), a.Urn, null, null);
        await ImportAsync(OutcomeFile.Ks4, 2022, file);
        await ImportAsync(OutcomeFile.Ks4, 2023, file);

        // Act: a revised 2023 file with another Progress 8
        var result = await ImportAsync(OutcomeFile.Ks4, 2023, file.Replace(",0.40,0.16,0.64,", ",0.35,0.11,0.59,", StringComparison.Ordinal));

        // Assert
        var counts = Assert.IsType<OutcomeImportResult>(result);
        Assert.Equal((0, 1), (counts.Created, counts.Updated));
        Assert.Equal(0.35m, (await FiguresAsync(a, 2023))[OutcomeMeasures.P8].Value);
        Assert.Equal(0.40m, (await FiguresAsync(a, 2022))[OutcomeMeasures.P8].Value);
        Assert.Equal(OutcomeMeasures.Of(OutcomeFile.Ks4).Count, (await FiguresAsync(a, 2023)).Count);
    }

    [SkippableFact]
    public async Task Import_BadRows_ReportsEachLineAndStoresNothing()
    {
        // Arrange: a good row for a school Lynchpin holds, a URN that is not one, the same URN twice
        var a = await Data.CreateSchoolAsync();
        var file = $"URN,SCHNAME,P8MEA,P8CILOW,P8CIUPP\n{a.Urn},Good,0.1,0.0,0.2\nNorthfield,Bad,0.1,0.0,0.2\n{a.Urn},Again,0.3,0.1,0.5\n";

        // Act
        var result = await ImportAsync(OutcomeFile.Ks4, 2023, file);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Equal([3, 4], result.Errors.Select(e => e.Line));
        Assert.Contains("\"Northfield\" is not a URN", result.Errors[0].Message);
        Assert.Contains("on line 2 too", result.Errors[1].Message);
        Assert.Empty(await FiguresAsync(a, 2023));
    }

    [SkippableFact]
    public async Task Import_WorkforceXlsxWithTitleRowsAndExtraColumns_ReadsFromTheRowHoldingUrn()
    {
        // Arrange: the census layout in a workbook, two title rows and a blank row above the headings
        var (a, b) = (await Data.CreateSchoolAsync(), await Data.CreateSchoolAsync());
        var lines = WithUrns(Sample("workforce-census-sample.csv"), a.Urn, b.Urn, null).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("School level");
        sheet.Cell(1, 1).Value = "School workforce in England: school level, November 2023";
        sheet.Cell(2, 1).Value = "Source: school workforce census";
        var rowNumber = 4;
        foreach (var line in lines)
        {
            var cells = ParseCsvLine(line.TrimEnd('\r'));
            for (var c = 0; c < cells.Count; c++)
            {
                sheet.Cell(rowNumber, c + 1).Value = cells[c];
            }
            rowNumber++;
        }
        using var bytes = new MemoryStream();
        workbook.SaveAs(bytes);

        // Act
        var result = await ImportAsync(OutcomeFile.Workforce, 2023, bytes.ToArray(), "census.xlsx");

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var first = await FiguresAsync(a, 2023);
        Assert.Equal(114m, first[OutcomeMeasures.TeachersHeadcount].Value);
        Assert.Equal(98m, first[OutcomeMeasures.TasHeadcount].Value);
        Assert.Equal(21.0m, first[OutcomeMeasures.TaTeacherRatioFte].Value);
        Assert.Equal(118m, first[OutcomeMeasures.SupportFte].Value);
        var second = await FiguresAsync(b, 2023);
        Assert.Equal(75m, second[OutcomeMeasures.TeachersHeadcount].Value);
        Assert.Equal(1, ((OutcomeImportResult)result).Skipped);
    }

    [SkippableFact]
    public async Task Import_AttendanceOfSeveralYears_KeepsTheSchoolRowsOfTheYearAsked()
    {
        // Arrange: an EES school-level file with England's row, two years and a suppressed rate
        var (a, b) = (await Data.CreateSchoolAsync(), await Data.CreateSchoolAsync());
        var file = "time_period,time_identifier,geographic_level,country_code,la_name,school_urn,school_name,enrolments,sess_overall_percent,enrolments_pa_10_exact_percent\n"
            + "202324,Academic year,National,E92000001,,,,7000000,6.9,18.5\n"
            + $"202324,Academic year,School,E92000001,Exampleshire,{a.Urn},A,1180,6.4,17.2\n"
            + $"202324,Academic year,School,E92000001,Exampleshire,{b.Urn},B,240,low,c\n"
            + $"202223,Academic year,School,E92000001,Exampleshire,{a.Urn},A,1175,7.1,21.0\n";

        // Act
        var result = await ImportAsync(OutcomeFile.Attendance, 2023, file);

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(2, ((OutcomeImportResult)result).Skipped); // England's row and 2022/23
        Assert.Equal(6.4m, (await FiguresAsync(a, 2023))[OutcomeMeasures.OverallAbsence].Value);
        Assert.Equal(17.2m, (await FiguresAsync(a, 2023))[OutcomeMeasures.PersistentAbsence].Value);
        Assert.Equal((null, "c"), ((await FiguresAsync(b, 2023))[OutcomeMeasures.PersistentAbsence] is var f ? (f.Value, f.Marker) : default));
        Assert.Empty(await FiguresAsync(a, 2022));
    }

    [SkippableFact]
    public async Task Import_ForATrust_SkipsSchoolsOfOtherTrusts()
    {
        // Arrange
        var (mine, theirs) = (await Data.CreateTrustAsync(), await Data.CreateTrustAsync());
        var (a, b) = (await Data.CreateSchoolAsync(mine), await Data.CreateSchoolAsync(theirs));
        var file = $"URN,P8MEA\n{a.Urn},0.2\n{b.Urn},0.3\n";

        // Act
        var result = await ImportAsync(OutcomeFile.Ks4, 2023, file, trustId: mine.Id);

        // Assert
        Assert.Equal((1, 1), (result.Created, ((OutcomeImportResult)result).Skipped));
        Assert.Empty(await FiguresAsync(b, 2023));
    }

    [SkippableFact]
    public async Task Run_ImportOutcomesKs2Command_ImportsTheYearAndSaysWhat()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync(phase: "Primary");
        var path = Path.Combine(Path.GetTempPath(), $"ks2-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path,
            "RECTYPE,LEA,ESTAB,URN,SCHNAME,TELIG,PTRWM_EXP,PTRWM_HIGH,READPROG,READPROG_LOWER,READPROG_UPPER,READCOV,WRITPROG,WRITPROG_LOWER,WRITPROG_UPPER,MATPROG,MATPROG_LOWER,MATPROG_UPPER\n"
            + $"1,999,2001,{school.Urn},Brookside,42,64%,9%,1.2,-0.9,3.3,100%,0.4,-1.6,2.4,SUPP,SUPP,SUPP\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exit = await CommandLine.RunAsync(App.Services, ["import", "outcomes", "ks2", "--year", "2023/24", "--file", path], output, error);
        var badYear = await CommandLine.RunAsync(App.Services, ["import", "workforce", "--year", "last year", "--file", path], output, error);
        File.Delete(path);

        // Assert
        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Imported the KS2 performance tables for 2023/24: 1 school added, 0 replaced", output.ToString());
        Assert.Equal(1, badYear);
        Assert.Contains("--year \"last year\" is not a school year", error.ToString());
        var figures = await FiguresAsync(school, 2023);
        Assert.Equal((1.2m, -0.9m, 3.3m), (figures[OutcomeMeasures.ReadProgress].Value, figures["readProgressLow"].Value, figures["readProgressHigh"].Value));
        Assert.Equal(64m, figures[OutcomeMeasures.RwmExpected].Value);
        Assert.Null(figures[OutcomeMeasures.MathsProgress].Value);
    }

    /// <summary>One CSV line's cells (quoted cells with commas, as the census headings have).</summary>
    private static List<string> ParseCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}

/// <summary>How a cell of a measure is read: numbers, and every marker the DfE writes instead kept as missing.</summary>
public class OutcomeValueTests
{
    [Theory]
    [InlineData("SUPP")]
    [InlineData("NE")]
    [InlineData("NP")]
    [InlineData("NA")]
    [InlineData("NEW")]
    [InlineData("LOWCOV")]
    [InlineData("x")]
    [InlineData("c")]
    [InlineData("z")]
    [InlineData("low")]
    [InlineData("not published")]
    public void ReadValue_Marker_IsMissingWithTheMarker(string cell)
    {
        // Act
        var value = OutcomeImports.ReadValue("p8", cell);

        // Assert
        Assert.Null(value.Value);
        Assert.Equal(cell, value.Marker);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("-0.14", "-0.14")]
    [InlineData("66%", "66")]
    [InlineData(" 39.7 ", "39.7")]
    public void ReadValue_NumberOrBlank_IsTheNumberOrMissing(string cell, string? expected)
    {
        // Act
        var value = OutcomeImports.ReadValue("p8", cell);

        // Assert
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value.Value);
        Assert.Null(value.Marker);
    }
}
