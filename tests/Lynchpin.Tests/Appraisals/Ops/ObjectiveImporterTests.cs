using System.Text;
using ClosedXML.Excel;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Ops;

/// <summary>Objectives imported from CSV or XLSX: rows add draft objectives to that year's appraisals, all or nothing.</summary>
public abstract class ObjectiveImporterTests(OpsAppFactory app) : OpsTest(app)
{
    public sealed class Sqlite(SqliteOpsAppFactory app) : ObjectiveImporterTests(app), IClassFixture<SqliteOpsAppFactory>;

    public sealed class Postgres(PostgresOpsAppFactory app) : ObjectiveImporterTests(app), IClassFixture<PostgresOpsAppFactory>;

    private const string Header = "staff_ref,year,title,type,success_criteria,school_priority";

    private sealed record Setup(School School, StaffMember Head, StaffMember Teacher, StaffMember Ta, StaffMember SiteManager);

    /// <summary>A school whose 2026 cycle is open, with staff references H1, T1, TA1 and SM1.</summary>
    private async Task<Setup> SchoolAsync()
    {
        var school = await Data.CreateSchoolAsync();
        var head = await Data.CreateStaffAsync(school, slt: true);
        var teacher = await Data.CreateStaffAsync(school, RoleFamily.Teaching, head);
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, teacher);
        var site = await Data.CreateStaffAsync(school, RoleFamily.Site, head);
        foreach (var (person, staffRef) in new[] { (head, "H1"), (teacher, "T1"), (ta, "TA1"), (site, "SM1") })
        {
            await Data.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StaffRef, staffRef)));
        }
        await OpenAsync(school);
        return new Setup(school, head, teacher, ta, site);
    }

    private Task<ImportResult> ImportAsync(School school, params string[] lines) =>
        ImportFileAsync(school, new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")), "objectives.csv");

    private Task<ImportResult> ImportFileAsync(School school, Stream file, string name) =>
        WithAsync<ObjectiveImporter, ImportResult>(i => i.ImportAsync(school.Urn, file, name));

    private Task<List<Objective>> ObjectivesOfAsync(StaffMember person, int year = Year) =>
        Data.WithDbAsync(db => db.Objectives.Where(o => o.Appraisal.StaffMemberId == person.Id && o.Appraisal.Cycle.Year == year)
            .OrderBy(o => o.SortOrder).ToListAsync());

    private Task<List<Objective>> AllObjectivesAsync(School school) =>
        Data.WithDbAsync(db => db.Objectives.Where(o => o.Appraisal.Cycle.SchoolId == school.Id).ToListAsync());

    private static string Show(ImportResult result) => string.Join("\n", result.Errors.Select(e => $"{e.Line}: {e.Message}"));

    [SkippableFact]
    public async Task Import_GoodRows_AddDraftObjectivesInOrderAfterAnyAlreadyThere()
    {
        // Arrange: the TA already has one objective
        var s = await SchoolAsync();
        var appraisal = await AppraisalOfAsync(s.Ta);
        AssertDone(await WithAsync<AppraisalObjectives, Result<Objective>>(o => o.AddAsync(appraisal.Id, RoleSpecific)));

        // Act
        var result = await ImportAsync(s.School, Header,
            "TA1,2026,Reading age of the Year 7 group,pupil-progress,Average reading age up 9 months by July,Literacy",
            "SM1,2026/27,Pupils' time in learning,Pupil Progress,\"Lessons lost to faults fall from 12 to 4 a term, by the site log\",",
            "TA1,2026,Phonics training,professional-development,Four sessions by February,");

        // Assert
        Assert.True(result.Succeeded, Show(result));
        Assert.Equal((3, 0, 0), (result.Created, result.Updated, result.Unchanged));
        var ta = await ObjectivesOfAsync(s.Ta);
        Assert.Equal(
            [
                (1, RoleSpecific.Title!, ObjectiveType.RoleSpecific, (string?)null),
                (2, "Reading age of the Year 7 group", ObjectiveType.PupilProgress, "Literacy"),
                (3, "Phonics training", ObjectiveType.ProfessionalDevelopment, null),
            ],
            ta.Select(o => (o.SortOrder, o.Title, o.Type, o.SchoolPriority)));
        var site = Assert.Single(await ObjectivesOfAsync(s.SiteManager));
        Assert.Equal("Lessons lost to faults fall from 12 to 4 a term, by the site log", site.SuccessCriteria);
        Assert.Equal(ObjectivesStatus.Draft, (await AppraisalOfAsync(s.Ta)).ObjectivesStatus);
    }

    [SkippableFact]
    public async Task Import_IntoAClosedCycle_EveryRowIsRefusedSayingWhoClosedItAndNothingIsAdded()
    {
        // Arrange (issue 14: a closed cycle is read-only)
        var s = await SchoolAsync();
        var cycleId = (await AppraisalOfAsync(s.Teacher)).CycleId;
        await Data.WithDbAsync(db => ClosedCycles.CloseAsync(db, cycleId, new Recorder(null, "Ada Head"), new DateTime(2027, 1, 10, 12, 0, 0, DateTimeKind.Utc)).ContinueWith(_ => 0));

        // Act
        var result = await ImportAsync(s.School, Header, "T1,2026,Year 9 maths progress,pupil-progress,Progress score from -0.4 to 0 by July,");

        // Assert
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("The 2026/27 appraisal cycle was closed by Ada Head on 10 January 2027: nothing in it can be changed", error.Message);
        Assert.Empty(await AllObjectivesAsync(s.School));
    }

    [SkippableFact]
    public async Task Import_TheSameFileTwice_AddsNothingTheSecondTime()
    {
        // Arrange
        var s = await SchoolAsync();
        string[] file = [Header, "T1,2026,Year 9 maths progress,pupil-progress,Progress score from -0.4 to 0 by July,"];
        Assert.True((await ImportAsync(s.School, file)).Succeeded);

        // Act
        var result = await ImportAsync(s.School, file);

        // Assert
        Assert.True(result.Succeeded, Show(result));
        Assert.Equal((0, 1), (result.Created, result.Unchanged));
        Assert.Single(await ObjectivesOfAsync(s.Teacher));
    }

    [SkippableFact]
    public async Task Import_BadRows_ListsEveryProblemByLineAndStoresNothing()
    {
        // Arrange: the head's objectives are agreed
        var s = await SchoolAsync();
        await AgreedAsync(s.Head);

        // Act
        var result = await ImportAsync(s.School, Header,
            "TA1,2026,Reading age of the Year 7 group,pupil-progress,Average reading age up 9 months by July,",
            "NOBODY,2026,Attendance,pupil-progress,Attendance of the group up to 96%,",
            "T1,2026,Year 9 maths,pupil-power,Progress score up by 0.4,",
            "T1,2026,Better feedback,professional-development,Give better feedback,",
            "T1,2025,Year 8 maths,pupil-progress,Progress score up by 0.4,",
            "H1,2026,Budget,role-specific,Balance the budget by March,",
            "T1,26,,pupil-progress,,");

        // Assert
        Assert.False(result.Succeeded);
        var problems = result.Errors.Select(e => (e.Line, e.Message)).ToList();
        Assert.DoesNotContain(problems, p => p.Line == 2);
        Assert.Contains(problems, p => p.Line == 3 && p.Message.StartsWith("staff_ref \"NOBODY\" is not a member of staff", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 4 && p.Message.StartsWith("type \"pupil-power\" is not a type of objective; use one of pupil-progress, professional-development, school-priority, role-specific", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 5 && p.Message.StartsWith("success_criteria \"Give better feedback\" is not measurable", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 6 && p.Message.StartsWith("The 2025/26 appraisal cycle is not open", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 7 && p.Message.StartsWith("H1's objectives for 2026/27 are agreed; reopen them", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 8 && p.Message.StartsWith("year \"26\" is not a school year", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 8 && p.Message.StartsWith("title is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 8 && p.Message.StartsWith("success_criteria is empty", StringComparison.Ordinal));
        Assert.Equal(problems.OrderBy(p => p.Line).Select(p => p.Line), problems.Select(p => p.Line));
        Assert.Empty(await ObjectivesOfAsync(s.Ta));
        Assert.Equal(2, (await AllObjectivesAsync(s.School)).Count);
    }

    [SkippableFact]
    public async Task Import_PastFiveObjectives_RefusesTheRowThatGoesOverAndStoresNothing()
    {
        // Arrange: the teacher has two already
        var s = await SchoolAsync();
        await ReadyAsync(s.Teacher);

        // Act
        var result = await ImportAsync(s.School, Header,
            "T1,2026,One,school-priority,Ten visits by July,",
            "T1,2026,Two,school-priority,Ten visits by July,",
            "T1,2026,Three,school-priority,Ten visits by July,",
            "T1,2026,Four,school-priority,Ten visits by July,");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(5, error.Line);
        Assert.Equal("T1 would have 6 objectives in 2026/27: 2 already and 4 from this file up to this line; an appraisal has at most 5", error.Message);
        Assert.Equal(2, (await ObjectivesOfAsync(s.Teacher)).Count);
    }

    [SkippableFact]
    public async Task Import_ATitleTwiceForOnePerson_IsRefused()
    {
        // Arrange: the TA already has the pupil-progress objective, worded as in OpsTest
        var s = await SchoolAsync();
        await ReadyAsync(s.Ta);

        // Act
        var result = await ImportAsync(s.School, Header,
            $"TA1,2026,{PupilProgress.Title},pupil-progress,Reading age up 6 months by July,",
            "T1,2026,Maths club,role-specific,Twenty pupils by March,",
            "T1,2026,maths club ,role-specific,Thirty pupils by March,");

        // Assert
        Assert.Equal(
            [
                (2, $"TA1 already has an objective titled ‘{PupilProgress.Title}’ in 2026/27 with other details; change it on their appraisal page, or give this one another title"),
                (4, "T1 has another objective titled ‘maths club’ on line 3; give each objective its own title"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)));
        Assert.Empty(await ObjectivesOfAsync(s.Teacher));
    }

    [SkippableFact]
    public async Task Import_ForSomeoneWhoJoinedAfterTheCycleOpened_AsksForTheCycleToBeOpenedAgain()
    {
        // Arrange
        var s = await SchoolAsync();
        var joiner = await Data.CreateStaffAsync(s.School, RoleFamily.Community, s.Head, startDate: new DateOnly(2026, 11, 23));

        // Act
        var result = await ImportAsync(s.School, Header, $"{joiner.StaffRef},2026,Healthy lunches,pupil-progress,Uptake up to 80% by June,");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal($"{joiner.StaffRef} has no appraisal in 2026/27: they were not in post when the cycle opened. Open the cycle again to add people who joined since", error.Message);
    }

    [SkippableFact]
    public async Task Import_AfterThePersonDisagreed_PutsTheirObjectivesBackToDraft()
    {
        // Arrange
        var s = await SchoolAsync();
        var appraisal = await ReadyAsync(s.Ta);
        AssertDone(await WithAsync<AppraisalObjectives, Result>(o => o.RecordNotAgreedAsync(appraisal.Id, "The target is too high")));

        // Act
        var result = await ImportAsync(s.School, Header, "TA1,2026,Phonics training,professional-development,Four sessions by February,");

        // Assert
        Assert.True(result.Succeeded, Show(result));
        Assert.Equal(ObjectivesStatus.Draft, (await AppraisalOfAsync(s.Ta)).ObjectivesStatus);
    }

    [SkippableFact]
    public async Task Import_MissingColumnOrUnknownSchool_IsRefusedWhole()
    {
        // Arrange
        var s = await SchoolAsync();

        // Act
        var missing = await ImportAsync(s.School, "staff_ref,year,title,type", "T1,2026,Maths,pupil-progress");
        var unknown = await WithAsync<ObjectiveImporter, ImportResult>(i => i.ImportAsync(999999997, new MemoryStream(), "x.csv"));

        // Assert
        Assert.Contains(missing.Errors, e => e.Message.Contains("success_criteria", StringComparison.Ordinal));
        Assert.Equal("There is no school with URN 999999997; import it from GIAS first", Assert.Single(unknown.Errors).Message);
        Assert.Empty(await AllObjectivesAsync(s.School));
    }

    [SkippableFact]
    public async Task Import_Xlsx_ReadsNumberCellsAsYears()
    {
        // Arrange
        var s = await SchoolAsync();
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Objectives");
        object[][] cells =
        [
            ["staff_ref", "year", "title", "type", "success_criteria", "school_priority"],
            ["SM1", 2026, "Pupils' time in learning", "pupil-progress", "Lessons lost fall from 12 to 4 a term", "Attendance"],
            ["SM1", "2026/27", "Energy", "role-specific", "Gas use down 10% by July", ""],
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
        var result = await ImportFileAsync(s.School, file, "Objectives.xlsx");

        // Assert
        Assert.True(result.Succeeded, Show(result));
        Assert.Equal(["Pupils' time in learning", "Energy"], (await ObjectivesOfAsync(s.SiteManager)).Select(o => o.Title));
    }
}
