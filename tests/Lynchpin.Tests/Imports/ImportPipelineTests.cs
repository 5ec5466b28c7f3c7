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

    private async Task<(ImportResult? Result, DutyMapper Mapper)> ImportAsync(params string[] lines)
    {
        await using var db = database.CreateContext();
        var mapper = new DutyMapper(db);
        return (await mapper.ImportAsync(Urn, ImportFiles.Csv(lines), "duties.csv"), mapper);
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
}
