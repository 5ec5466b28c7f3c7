using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Observations;

/// <summary>The term dates import on a real SQLite database: dates ISO or dd/mm/yyyy, a year replaced whole, every problem by line.</summary>
public sealed class CalendarImporterTests : IDisposable
{
    private const int Urn = 140301;
    private const string Header = "start,end,kind,name";

    private readonly ImportsDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<ImportResult> ImportAsync(params string[] lines)
    {
        await using var db = database.CreateContext();
        return await new CalendarImporter(db, new SchoolCalendars(db)).ImportAsync(Urn, ImportFiles.Csv(lines), "calendar.csv");
    }

    private async Task<List<(DateOnly, DateOnly, CalendarDayKind, string?)>> StoredAsync()
    {
        await using var db = database.CreateContext();
        return (await db.SchoolTermDates.ToListAsync()).OrderBy(t => t.Start).ThenBy(t => t.Kind).Select(t => (t.Start, t.End, t.Kind, t.Name)).ToList();
    }

    [Fact]
    public async Task Import_GoodFile_StoresIsoAndUkDatesAndASingleDay()
    {
        // Arrange
        await database.AddSchoolAsync(Urn, "Oakfield Academy");

        // Act
        var result = await ImportAsync(Header,
            "2026-09-02,2026-12-18,term,Autumn term",
            "26/10/2026,30/10/2026,Holiday,October half term",
            "4/1/2027,26/03/2027,TERM,",
            "04/01/2027,,inset,");

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((4, 0), (Assert.IsType<ListImportResult>(result).Imported, ((ListImportResult)result).Replaced));
        Assert.Equal(
            [
                (new DateOnly(2026, 9, 2), new DateOnly(2026, 12, 18), CalendarDayKind.Term, "Autumn term"),
                (new DateOnly(2026, 10, 26), new DateOnly(2026, 10, 30), CalendarDayKind.Holiday, "October half term"),
                (new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 26), CalendarDayKind.Term, null),
                (new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 4), CalendarDayKind.Inset, null),
            ],
            await StoredAsync());
    }

    [Fact]
    public async Task Import_AgainForOneYear_ReplacesThatYearAndKeepsTheOthers()
    {
        // Arrange
        await database.AddSchoolAsync(Urn, "Oakfield Academy");
        Assert.True((await ImportAsync(Header, "2025-09-03,2025-12-19,term,", "2026-09-02,2026-12-18,term,Autumn")).Succeeded);

        // Act
        var result = await ImportAsync("start,end,kind", "2026-09-03,2026-12-17,term", "2026-12-07,2026-12-07,closure");

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(1, ((ListImportResult)result).Replaced);
        Assert.Equal(
            [
                (new DateOnly(2025, 9, 3), new DateOnly(2025, 12, 19), CalendarDayKind.Term, null),
                (new DateOnly(2026, 9, 3), new DateOnly(2026, 12, 17), CalendarDayKind.Term, null),
                (new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 7), CalendarDayKind.Closure, null),
            ],
            await StoredAsync());
    }

    [Fact]
    public async Task Import_BadRows_ReportsEachByLineAndStoresNothing()
    {
        // Arrange
        await database.AddSchoolAsync(Urn, "Oakfield Academy");

        // Act
        var result = await ImportAsync(Header,
            "2026-09-02,2026-12-18,term,Autumn",
            "2026-13-01,2026-12-20,holiday,",
            "2026-10-26,2026-10-30,half term,",
            "2026-12-01,2026-11-30,closure,",
            "2026-12-14,2027-01-08,term,Overlapping",
            "2027-06-01,2027-09-10,term,Crossing the year",
            "10/01/27,,inset,");

        // Assert
        Assert.Equal(
            [
                (3, "start \"2026-13-01\" is not a date; write it like 2027-01-10 or 10/01/2027"),
                (4, "kind \"half term\" is not known; write term, holiday, inset or closure"),
                (5, "The last day (30 November 2026) is before the first (1 December 2026)"),
                (6, "This term overlaps the term on line 2: terms cannot share a day (a half term is a holiday row inside a term)"),
                (7, "A term stays within one school year (September to August): 1 June 2027 to 10 September 2027 crosses 31 August"),
                (8, "start \"10/01/27\" is not a date; write it like 2027-01-10 or 10/01/2027"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)));
        Assert.Empty(await StoredAsync());
    }
}
