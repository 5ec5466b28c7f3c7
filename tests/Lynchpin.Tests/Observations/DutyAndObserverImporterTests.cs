using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Tests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Observations;

/// <summary>The duties and observers imports on a real SQLite database. Oakfield (140201) has T1, AC7 and TA1; Elm has E1.</summary>
public sealed class DutyAndObserverImporterTests : IDisposable
{
    private const int Urn = 140201;
    private const string DutyHeader = "week,day,period,staff_ref,duty";
    private const string ObserverHeader = "staff_ref,visits,year_group";

    private readonly ImportsDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task CreateSchoolsAsync()
    {
        var oakfield = await database.AddSchoolAsync(Urn, "Oakfield Academy");
        var elm = await database.AddSchoolAsync(140202, "Elm Academy");
        foreach (var staffRef in new[] { "T1", "AC7", "TA1" })
        {
            await database.AddStaffAsync(oakfield, staffRef);
        }
        await database.AddStaffAsync(elm, "E1");
    }

    private async Task<ImportResult> ImportDutiesAsync(params string[] lines)
    {
        await using var db = database.CreateContext();
        return await new DutyImporter(db).ImportAsync(Urn, ImportFiles.Csv(lines), "duties.csv");
    }

    private async Task<ImportResult> ImportObserversAsync(params string[] lines)
    {
        await using var db = database.CreateContext();
        return await new ObserverImporter(db).ImportAsync(Urn, ImportFiles.Csv(lines), "observers.csv");
    }

    private async Task<List<StaffDuty>> DutiesAsync()
    {
        await using var db = database.CreateContext();
        return await db.StaffDuties.Include(d => d.StaffMember).OrderBy(d => d.Id).ToListAsync();
    }

    private async Task<List<RotaObserver>> ObserversAsync()
    {
        await using var db = database.CreateContext();
        return await db.RotaObservers.Include(o => o.StaffMember).OrderBy(o => o.Id).ToListAsync();
    }

    [Fact]
    public async Task ImportDuties_GoodFile_StoresThemAndAReimportReplacesThem()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var first = await ImportDutiesAsync(DutyHeader, ",Mon,1,AC7,Reception", "A,tuesday,2,AC7,Student services", "B,Tue,2,AC7,Exam invigilation");
        var firstStored = (await DutiesAsync()).Select(d => (d.Week, d.Day, d.Period, d.StaffMember.StaffRef, d.Name)).ToList();
        var second = await ImportDutiesAsync("day,period,staff_ref,duty", "Fri,3,TA1,Library");

        // Assert: A and B in the same period do not clash; a file without a week column is every week
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal(
            [
                (TimetableWeek.Every, DayOfWeek.Monday, "1", "AC7", "Reception"),
                (TimetableWeek.A, DayOfWeek.Tuesday, "2", "AC7", "Student services"),
                (TimetableWeek.B, DayOfWeek.Tuesday, "2", "AC7", "Exam invigilation"),
            ],
            firstStored);
        Assert.Equal((1, 3), (Assert.IsType<ListImportResult>(second).Imported, ((ListImportResult)second).Replaced));
        Assert.Equal([(TimetableWeek.Every, "TA1", "Library")], (await DutiesAsync()).Select(d => (d.Week, d.StaffMember.StaffRef, d.Name)));
    }

    [Fact]
    public async Task ImportDuties_BadRows_ReportsEachAndChangesNothing()
    {
        // Arrange
        await CreateSchoolsAsync();
        await ImportDutiesAsync(DutyHeader, ",Mon,1,AC7,Reception");

        // Act
        var result = await ImportDutiesAsync(
            DutyHeader,
            "X,Sun,,AC7,",
            ",Wed,2,E1,Reception",
            ",Thu,4,TA1,Lunch",
            "A,Thu,4,TA1,Library");

        // Assert
        Assert.Equal(
            [
                (2, "week \"X\" is not A or B; leave it empty for a timetable that is the same every week"),
                (2, "day \"Sun\" is not a school day; the timetable runs Monday to Friday"),
                (2, "period is empty; write the period's label as on the timetable, such as 1 or P1"),
                (2, "duty is empty; say what the duty is, such as Reception or Exam invigilation"),
                (3, "staff_ref \"E1\" is not a member of staff at Oakfield Academy; check the reference or import the person first"),
                (4, "TA1 has two duties at once: line 4 (Lunch) and line 5 (Library) are both Thu period 4 in week A; keep one"),
                (5, "TA1 has two duties at once: line 5 (Library) and line 4 (Lunch) are both Thu period 4 in week A; keep one"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)));
        Assert.Equal(["Reception"], (await DutiesAsync()).Select(d => d.Name));
    }

    [Fact]
    public async Task ImportObservers_GoodFile_StoresVisitsAndFocusYearsInOneForm()
    {
        // Arrange
        await CreateSchoolsAsync();

        // Act
        var result = await ImportObserversAsync(ObserverHeader, "AC7,6,Year 7", "TA1,2,", "T1,0,R");

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal([("AC7", 6, "7"), ("TA1", 2, null), ("T1", 0, "R")],
            (await ObserversAsync()).Select(o => (o.StaffMember.StaffRef, o.Visits, o.FocusYearGroup)));
    }

    [Fact]
    public async Task ImportObservers_BadRows_ReportsEachAndKeepsTheStoredList()
    {
        // Arrange
        await CreateSchoolsAsync();
        await ImportObserversAsync(ObserverHeader, "AC7,6,7");

        // Act
        var result = await ImportObserversAsync(
            ObserverHeader,
            "TA1,51,",
            "T1,-1,9/10",
            ",two,",
            "E1,2,",
            "TA1,2,8");

        // Assert
        Assert.Equal(
            [
                (2, "visits \"51\" is not a number from 0 to 50"),
                (3, "visits \"-1\" is not a number from 0 to 50"),
                (3, "year_group \"9/10\" is not one year group; write R (reception), N (nursery) or 1 to 13 (also Y9 or Year 9), or leave it empty"),
                (4, "staff_ref is empty; every row needs the staff reference of the observer"),
                (4, "visits \"two\" is not a number from 0 to 50"),
                (5, "staff_ref \"E1\" is not a member of staff at Oakfield Academy; check the reference or import the person first"),
                (6, "staff_ref \"TA1\" is also on line 2; each observer can appear only once"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)));
        Assert.Equal([("AC7", 6)], (await ObserversAsync()).Select(o => (o.StaffMember.StaffRef, o.Visits)));
    }
}
