using System.Text;
using ClosedXML.Excel;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Imports;
using Lynchpin.Core.Staff;
using Lynchpin.Tests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Staff;

public sealed class StaffImporterTests : IDisposable
{
    private const int Urn = 140001;
    private static readonly string Header = string.Join(",", StaffImportColumns.All);

    private readonly ImportsDatabase database = new();

    public void Dispose() => database.Dispose();

    /// <summary>A valid row for the full header; <paramref name="set"/> overrides columns by name.</summary>
    private static string Person(string staffRef, string lineManager = "", string coach = "", params (string Column, string Value)[] set)
    {
        var values = new Dictionary<string, string>
        {
            ["staff_ref"] = staffRef,
            ["first_name"] = "Alex",
            ["last_name"] = $"Person {staffRef}",
            ["email"] = $"{staffRef.ToLowerInvariant()}@oakfield.example",
            ["job_title"] = "Class Teacher",
            ["role_family"] = "teaching",
            ["qts"] = "yes",
            ["slt"] = "no",
            ["line_manager_ref"] = lineManager,
            ["coach_ref"] = coach,
            ["start_date"] = "2020-09-01",
            ["leaving_date"] = "",
            ["hours_per_week"] = "32.5",
            ["weeks_per_year"] = "39",
        };
        foreach (var (column, value) in set)
        {
            values[column] = value;
        }
        return string.Join(",", StaffImportColumns.All.Select(c => Quote(values[c])));
    }

    private static string Quote(string value) =>
        value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private async Task<ImportResult> ImportAsync(Stream file, string fileName = "staff.csv", int urn = Urn)
    {
        await using var db = database.CreateContext();
        return await new StaffImporter(db).ImportAsync(urn, file, fileName, CancellationToken.None);
    }

    private Task<ImportResult> ImportAsync(params string[] lines) => ImportAsync(ImportFiles.Csv(lines));

    private async Task<List<StaffMember>> StaffOfAsync(int urn = Urn)
    {
        await using var db = database.CreateContext();
        return await db.StaffMembers.Include(s => s.LineManager).Include(s => s.Coach)
            .Where(s => s.School.Urn == urn).OrderBy(s => s.StaffRef).ToListAsync();
    }

    [Fact]
    public async Task Import_GoodCsv_CreatesPeopleWithManagersAndCoachesIncludingForwardReferences()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        // T1 and T2 name H1 before H1's row: references may point forward in the file.
        var result = await ImportAsync(
            Header,
            Person("T1", lineManager: "H1", coach: "T2"),
            Person("T2", lineManager: "H1", coach: "T1", ("role_family", "Learning-Support"), ("qts", "n"), ("hours_per_week", "30")),
            Person("H1", set: [("job_title", "Headteacher"), ("slt", "Y"), ("weeks_per_year", "52.14"), ("email", "")]));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(3, result.Created);
        Assert.Equal(0, result.Updated);
        var staff = (await StaffOfAsync()).ToDictionary(s => s.StaffRef);
        Assert.Equal("H1", staff["T1"].LineManager?.StaffRef);
        Assert.Equal("T2", staff["T1"].Coach?.StaffRef);
        Assert.Equal("T1", staff["T2"].Coach?.StaffRef);
        Assert.Null(staff["H1"].LineManagerId);
        Assert.Equal(RoleFamily.LearningSupport, staff["T2"].RoleFamily);
        Assert.False(staff["T2"].Qts);
        Assert.Equal(30m, staff["T2"].HoursPerWeek);
        Assert.True(staff["H1"].Slt);
        Assert.Null(staff["H1"].Email);
        Assert.Equal(52.14m, staff["H1"].WeeksPerYear);
        Assert.Equal(new DateOnly(2020, 9, 1), staff["T1"].StartDate);
        Assert.Equal("t1@oakfield.example", staff["T1"].Email);
    }

    [Fact]
    public async Task Import_ChangedFile_UpdatesByStaffRefAndLeavesOthersAlone()
    {
        var school = await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        await database.AddStaffAsync(school, "X9", jobTitle: "Caretaker");
        await ImportAsync(Header, Person("H1"), Person("T1", lineManager: "H1"), Person("T2", lineManager: "H1"));

        var result = await ImportAsync(
            Header,
            Person("H1"),
            Person("T1", lineManager: "T2", set: ("job_title", "Year 6 Teacher")),
            Person("T2", lineManager: "H1"),
            Person("T3", lineManager: "T2"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(1, result.Created);
        Assert.Equal(1, result.Updated);
        Assert.Equal(2, result.Unchanged);
        var staff = (await StaffOfAsync()).ToDictionary(s => s.StaffRef);
        Assert.Equal(5, staff.Count);
        Assert.Equal("Year 6 Teacher", staff["T1"].JobTitle);
        Assert.Equal("T2", staff["T1"].LineManager?.StaffRef);
        Assert.Equal("T2", staff["T3"].LineManager?.StaffRef);
        Assert.Equal("Caretaker", staff["X9"].JobTitle);
    }

    [Fact]
    public async Task Import_OptionalColumnsLeftOut_KeepsStoredValuesForThem()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        await ImportAsync(Header, Person("H1"), Person("T1", lineManager: "H1"));

        var result = await ImportAsync(
            "Staff_Ref , First_Name,LAST_NAME,job_title,role_family",
            "T1,Alexandra,Person T1,Class Teacher,teaching");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var t1 = (await StaffOfAsync()).Single(s => s.StaffRef == "T1");
        Assert.Equal("Alexandra", t1.FirstName);
        Assert.Equal("H1", t1.LineManager?.StaffRef);
        Assert.Equal("t1@oakfield.example", t1.Email);
        Assert.Equal(32.5m, t1.HoursPerWeek);
        Assert.True(t1.Qts);
    }

    [Fact]
    public async Task Import_LeavingDateOnlyAndBeforeStoredStart_ReportsRow()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        await ImportAsync(Header, Person("T1"));

        var result = await ImportAsync("staff_ref,first_name,last_name,job_title,role_family,leaving_date", "T1,Alex,Person T1,Class Teacher,teaching,2019-08-31");

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "leaving_date 31 August 2019 is before start_date 1 September 2020, which is already stored for T1"), (error.Line, error.Message));
        Assert.Null(Assert.Single(await StaffOfAsync()).LeavingDate);
    }

    [Fact]
    public async Task Import_UnknownRoleFamily_ReportsRowAndChangesNothing()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        await ImportAsync(Header, Person("H1"));

        var result = await ImportAsync(Header, Person("H1", set: ("job_title", "Changed")), Person("T1", set: ("role_family", "teacher")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(
            "role_family \"teacher\" is not known; use one of teaching, learning-support, pastoral, inclusion, business, administration, site, community, technical",
            error.Message);
        await AssertUnchangedAsync(count: 1, ("H1", "Class Teacher"));
    }

    [Theory]
    [InlineData("start_date", "09/2020", "start_date \"09/2020\" is not a date written as 2024-09-01 or 01/09/2024")]
    [InlineData("start_date", "31/02/2020", "start_date \"31/02/2020\" is not a date written as 2024-09-01 or 01/09/2024")]
    [InlineData("leaving_date", "2019-07-31", "leaving_date 31 July 2019 is before start_date 1 September 2020")]
    [InlineData("email", "alex.oakfield.example", "email \"alex.oakfield.example\" is not a valid email address")]
    [InlineData("email", "Alex <alex@oakfield.example>", "is not a valid email address")]
    [InlineData("email", "alex@localhost", "is not a valid email address")]
    [InlineData("first_name", "", "first_name is empty; every person needs a first name")]
    [InlineData("job_title", "", "job_title is empty")]
    [InlineData("role_family", "", "role_family is empty; use one of teaching")]
    [InlineData("qts", "maybe", "qts \"maybe\" is not yes or no")]
    [InlineData("hours_per_week", "61", "hours_per_week 61 is outside the range 0 to 60")]
    [InlineData("hours_per_week", "-1", "hours_per_week -1 is outside the range 0 to 60")]
    [InlineData("hours_per_week", "full time", "hours_per_week \"full time\" is not a number")]
    [InlineData("weeks_per_year", "52.2", "weeks_per_year 52.2 is outside the range 1 to 52.14")]
    [InlineData("weeks_per_year", "0.5", "weeks_per_year 0.5 is outside the range 1 to 52.14")]
    [InlineData("line_manager_ref", "Z99", "line_manager_ref \"Z99\" is not a staff_ref in this file or among Oakfield Primary School's staff")]
    [InlineData("line_manager_ref", "h1", "(did you mean \"H1\"?)")]
    [InlineData("coach_ref", "T2", "coach_ref \"T2\" is this person's own staff_ref; a person can't be their own coach")]
    [InlineData("line_manager_ref", "T2", "a person can't be their own line manager")]
    [InlineData("line_manager_ref", "140001:T2", "a person can't be their own line manager")]
    [InlineData("coach_ref", "999999:T1", "coach_ref \"999999:T1\" is not known: there is no school with URN 999999")]
    public async Task Import_BadValue_ReportsRowAndChangesNothing(string column, string value, string expected)
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        await ImportAsync(Header, Person("H1"));

        var result = await ImportAsync(Header, Person("H1", set: ("job_title", "Changed")), Person("T2", set: (column, value)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains(expected, error.Message);
        await AssertUnchangedAsync(count: 1, ("H1", "Class Teacher"));
    }

    [Fact]
    public async Task Import_ValuesTooLong_ReportsEachColumn()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        var result = await ImportAsync(Header, Person(new string('R', 51), set: [
            ("first_name", new string('F', 101)), ("last_name", new string('L', 101)),
            ("job_title", new string('J', 151)), ("email", new string('e', 250) + "@x.example")]));

        Assert.Equal(
            [
                "staff_ref is 51 characters long; it can be at most 50",
                "first_name is 101 characters long; it can be at most 100",
                "last_name is 101 characters long; it can be at most 100",
                "job_title is 151 characters long; it can be at most 150",
                "email is 260 characters long; it can be at most 254",
            ],
            result.Errors.Select(e => e.Message));
        Assert.All(result.Errors, e => Assert.Equal(2, e.Line));
        Assert.Empty(await StaffOfAsync());
    }

    [Fact]
    public async Task Import_ManyBadRows_ListsEveryOneWithItsLineNumber()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        // Line 4 is blank and skipped, but still counts: line numbers are the file's own.
        var result = await ImportAsync(
            Header,
            Person("H1"),
            Person("T1", lineManager: "H1", set: ("role_family", "teacher")),
            "",
            Person("T2", lineManager: "NOBODY"),
            Person("T1", lineManager: "H1"),
            Person("T3", set: [("start_date", "2024-13-01"), ("email", "not-an-email")]),
            Person("", lineManager: "H1", set: ("email", "")),
            Person("T4", lineManager: "H1"));

        Assert.Equal([3, 5, 6, 7, 7, 8], result.Errors.Select(e => e.Line));
        Assert.StartsWith("role_family \"teacher\"", result.Errors[0].Message);
        Assert.StartsWith("line_manager_ref \"NOBODY\"", result.Errors[1].Message);
        Assert.Equal("staff_ref \"T1\" is also on line 3; each person can appear only once", result.Errors[2].Message);
        Assert.Contains(result.Errors, e => e.Line == 7 && e.Message.StartsWith("email"));
        Assert.Contains(result.Errors, e => e.Line == 7 && e.Message.StartsWith("start_date"));
        Assert.Equal("staff_ref is empty; every person needs a staff_ref", result.Errors[5].Message);
        Assert.Empty(await StaffOfAsync());
    }

    [Fact]
    public async Task Import_CycleWithinFile_ReportsEveryRowInTheCycleOnce()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        var result = await ImportAsync(
            Header,
            Person("H1"),
            Person("A", lineManager: "B"),
            Person("B", lineManager: "C"),
            Person("C", lineManager: "A"),
            Person("D", lineManager: "A"));

        Assert.Equal([3, 4, 5], result.Errors.Select(e => e.Line));
        var message = "line_manager_ref makes line management go round in a circle: "
            + "A's line manager is B, whose line manager is C, whose line manager is A";
        Assert.All(result.Errors, e => Assert.Equal(message, e.Message));
        Assert.Empty(await StaffOfAsync());
    }

    [Fact]
    public async Task Import_CycleThroughStoredStaff_ReportsTheRowThatClosesIt()
    {
        var school = await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        var head = await database.AddStaffAsync(school, "H1");
        var deputy = await database.AddStaffAsync(school, "D1", lineManager: head);
        await database.AddStaffAsync(school, "T1", lineManager: deputy);

        // The head now "reports to" T1, who reports to D1, who reports to the head.
        var result = await ImportAsync(Header, Person("H1", lineManager: "T1"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("H1's line manager is T1, whose line manager is D1, whose line manager is H1", error.Message);
        var stored = await StaffOfAsync();
        Assert.Null(stored.Single(s => s.StaffRef == "H1").LineManagerId);
        Assert.Equal("Stored", stored.Single(s => s.StaffRef == "H1").FirstName);
    }

    [Fact]
    public async Task Import_ReversingAStoredReportingLine_IsNotACycle()
    {
        var school = await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        var head = await database.AddStaffAsync(school, "H1");
        await database.AddStaffAsync(school, "D1", lineManager: head);

        // The file swaps them; the stored line D1 → H1 is replaced, so there is no loop.
        var result = await ImportAsync(Header, Person("H1", lineManager: "D1"), Person("D1"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var staff = (await StaffOfAsync()).ToDictionary(s => s.StaffRef);
        Assert.Equal("D1", staff["H1"].LineManager?.StaffRef);
        Assert.Null(staff["D1"].LineManagerId);
    }

    [Fact]
    public async Task Import_CycleAcrossSchoolsOfTheTrust_IsReported()
    {
        var trust = await database.AddTrustAsync("16001", "Pennine Learning Trust");
        await database.AddSchoolAsync(Urn, "Oakfield Primary School", trust);
        var other = await database.AddSchoolAsync(140002, "Moorside Academy", trust);
        var executiveHead = await database.AddStaffAsync(other, "EH1");
        await ImportAsync(Header, Person("H1", lineManager: "140002:EH1"));
        await using (var db = database.CreateContext())
        {
            // The executive head is now managed by Oakfield's head: H1 → EH1 → H1.
            var h1 = await db.StaffMembers.SingleAsync(s => s.StaffRef == "H1");
            await database.SetLineManagerAsync(executiveHead, h1);
        }

        var result = await ImportAsync(Header, Person("H1", lineManager: "140002:EH1"), Person("T1", lineManager: "H1"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("H1's line manager is 140002:EH1, whose line manager is H1", error.Message);
    }

    [Fact]
    public async Task Import_CoachAtAnotherSchoolOfTheSameTrust_IsLinked()
    {
        var trust = await database.AddTrustAsync("16001", "Pennine Learning Trust");
        await database.AddSchoolAsync(Urn, "Oakfield Primary School", trust);
        var other = await database.AddSchoolAsync(140002, "Moorside Academy", trust);
        var coach = await database.AddStaffAsync(other, "M7");

        var result = await ImportAsync(Header, Person("H1", lineManager: "140002:M7"), Person("T1", lineManager: "H1", coach: "140002:M7"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var staff = (await StaffOfAsync()).ToDictionary(s => s.StaffRef);
        Assert.Equal(coach.Id, staff["T1"].CoachId);
        Assert.Equal(coach.Id, staff["H1"].LineManagerId);
    }

    [Fact]
    public async Task Import_CoachAtSchoolOfAnotherTrust_ReportsRowAndChangesNothing()
    {
        var trust = await database.AddTrustAsync("16001", "Pennine Learning Trust");
        var otherTrust = await database.AddTrustAsync("16002", "Calder Valley Schools Trust");
        await database.AddSchoolAsync(Urn, "Oakfield Primary School", trust);
        var other = await database.AddSchoolAsync(150001, "Hebden Bridge Academy", otherTrust);
        await database.AddStaffAsync(other, "M7");

        var result = await ImportAsync(Header, Person("H1"), Person("T1", coach: "150001:M7"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(
            "coach_ref \"150001:M7\" names someone at Hebden Bridge Academy, which is not in the same trust as Oakfield Primary School; a coach from another school must be in the same trust",
            error.Message);
        Assert.Empty(await StaffOfAsync());
    }

    [Fact]
    public async Task Import_CoachElsewhereWhenSchoolHasNoTrust_ReportsRow()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        var other = await database.AddSchoolAsync(150001, "Hebden Bridge Academy");
        await database.AddStaffAsync(other, "M7");

        var result = await ImportAsync(Header, Person("T1", coach: "150001:M7"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("but Oakfield Primary School is not in a trust", error.Message);
    }

    [Fact]
    public async Task Import_UnknownRefAtTrustSchool_ReportsRow()
    {
        var trust = await database.AddTrustAsync("16001", "Pennine Learning Trust");
        await database.AddSchoolAsync(Urn, "Oakfield Primary School", trust);
        await database.AddSchoolAsync(140002, "Moorside Academy", trust);

        var result = await ImportAsync(Header, Person("T1", coach: "140002:NOPE"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("coach_ref \"140002:NOPE\" is not known: Moorside Academy (URN 140002) has no member of staff with staff_ref \"NOPE\"", error.Message);
    }

    [Fact]
    public async Task Import_UnknownSchool_ReportsErrorWithoutLine()
    {
        var result = await ImportAsync(ImportFiles.Csv([Header, Person("T1")]), urn: 999999);

        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Line);
        Assert.Contains("There is no school with URN 999999", error.Message);
    }

    [Fact]
    public async Task Import_MissingRequiredColumns_ReportsOneErrorNamingThem()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        var result = await ImportAsync("staff_ref,first_name,email", "T1,Alex,alex@oakfield.example");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("The columns last_name, job_title, role_family are missing from the heading row", error.Message);
    }

    [Fact]
    public async Task Import_HeadingsOnly_ReportsNoPeople()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        var result = await ImportAsync(Header);

        Assert.Contains("no people", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Import_WordDocument_ReportsUnreadableFileType()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        var result = await ImportAsync(ImportFiles.Csv([Header, Person("T1")]), fileName: "staff list.docx");

        Assert.Contains("\"staff list.docx\" is not a file Lynchpin can read", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Import_CsvWithBomAndCrlf_Imports()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        var result = await ImportAsync(ImportFiles.CsvWithBom(
            [Header, Person("H1"), Person("T1", lineManager: "H1", set: ("job_title", "Teacher, Year 2 \"Robins\""))], "\r\n"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var staff = (await StaffOfAsync()).ToDictionary(s => s.StaffRef);
        Assert.Equal("Teacher, Year 2 \"Robins\"", staff["T1"].JobTitle);
        Assert.Equal("H1", staff["T1"].LineManager?.StaffRef);
        Assert.Equal("Person H1", staff["H1"].LastName);
    }

    [Fact]
    public async Task Import_ExcelAnsiCsv_ReadsWindows1252Names()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        var result = await ImportAsync(ImportFiles.Csv(
            [Header, Person("T1", set: [("first_name", "Zoë"), ("last_name", "O\u2019Brien")])], "\r\n", CsvEncoding.Windows1252));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var t1 = Assert.Single(await StaffOfAsync());
        Assert.Equal("Zoë", t1.FirstName);
        Assert.Equal("O\u2019Brien", t1.LastName);
    }

    [Fact]
    public async Task Import_UnclosedQuote_ReportsItsLine()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        var result = await ImportAsync(Header, Person("H1"), Person("T1").Replace("Class Teacher", "\"Class Teacher"), Person("T2"));

        Assert.Contains(result.Errors, e => e.Line == 3 && e.Message.Contains("quote mark"));
        Assert.Empty(await StaffOfAsync());
    }

    [Fact]
    public async Task Import_Xlsx_ReadsDateAndNumberCellsAsText()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Staff");
        string[] headings = ["Staff_Ref", "First_Name", "Last_Name", "Job_Title", "Role_Family", "QTS", "Line_Manager_Ref", "Start_Date", "Hours_Per_Week", "Weeks_Per_Year"];
        for (var c = 0; c < headings.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headings[c];
        }
        object[][] people =
        [
            [1001, "Helen", "Marsh", "Headteacher", "teaching", true, "", new DateTime(2015, 9, 1), 37.0, 52.14],
            [1002, "Amy", "Clarke", "Teacher", "teaching", "yes", 1001, new DateTime(2021, 1, 4), 32.5, 39],
        ];
        for (var r = 0; r < people.Length; r++)
        {
            for (var c = 0; c < headings.Length; c++)
            {
                sheet.Cell(r + 2, c + 1).Value = people[r][c];
            }
        }
        var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var result = await ImportAsync(file, "Staff list.XLSX");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var staff = (await StaffOfAsync()).ToDictionary(s => s.StaffRef);
        Assert.Equal(["1001", "1002"], staff.Keys.Order());
        Assert.Equal("1001", staff["1002"].LineManager?.StaffRef);
        Assert.Equal(new DateOnly(2015, 9, 1), staff["1001"].StartDate);
        Assert.Equal(37m, staff["1001"].HoursPerWeek);
        Assert.Equal(52.14m, staff["1001"].WeeksPerYear);
        Assert.True(staff["1001"].Qts);
        Assert.Equal(new DateOnly(2021, 1, 4), staff["1002"].StartDate);
    }

    [Fact]
    public async Task Import_StaffGoodSampleFile_CreatesEveryoneWithTheirLinks()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        await using var file = File.OpenRead(ImportFiles.TestFile("staff-good.csv"));
        var result = await ImportAsync(file, "staff-good.csv");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var staff = await StaffOfAsync();
        Assert.Equal(result.Created, staff.Count);
        Assert.InRange(staff.Count, 10, 15);
        Assert.Equal(RoleFamilies.All.Order(), staff.Select(s => s.RoleFamily).Distinct().Order());
        Assert.Single(staff, s => s.LineManagerId is null);
        Assert.Contains(staff, s => s.CoachId is not null);
    }

    [Fact]
    public async Task Import_StaffSampleWithOneBadRow_ReportsOnlyThatRow()
    {
        await database.AddSchoolAsync(Urn, "Oakfield Primary School");

        await using var file = File.OpenRead(ImportFiles.TestFile("staff-one-bad-row.csv"));
        var result = await ImportAsync(file, "staff-one-bad-row.csv");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("role_family \"teacher\" is not known", error.Message);
        var lines = File.ReadAllLines(ImportFiles.TestFile("staff-one-bad-row.csv"));
        Assert.Contains(",teacher,", lines[error.Line - 1]);
        Assert.Empty(await StaffOfAsync());
    }

    [Fact]
    public async Task Import_SampleFiles_DifferOnlyInTheBadRow()
    {
        var good = await File.ReadAllLinesAsync(ImportFiles.TestFile("staff-good.csv"));
        var bad = await File.ReadAllLinesAsync(ImportFiles.TestFile("staff-one-bad-row.csv"));

        Assert.Equal(good.Length, bad.Length);
        var differing = Assert.Single(Enumerable.Range(0, good.Length), i => good[i] != bad[i]);
        Assert.Equal(good[differing].Replace(",teaching,", ",teacher,"), bad[differing]);
    }

    private async Task AssertUnchangedAsync(int count, params (string StaffRef, string JobTitle)[] expected)
    {
        var staff = await StaffOfAsync();
        Assert.Equal(count, staff.Count);
        foreach (var (staffRef, jobTitle) in expected)
        {
            Assert.Equal(jobTitle, staff.Single(s => s.StaffRef == staffRef).JobTitle);
        }
    }
}
