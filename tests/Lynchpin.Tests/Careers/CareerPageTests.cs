using System.Net;
using Lynchpin.Core.Careers;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Careers;

/// <summary>
/// /staff/{id}/careers and its forms over HTTP: a TA sees her step, what she lacks for HLTA, rates herself against her
/// standards and records a qualification; bad input is a 400 with the GOV.UK error summary; others are refused.
/// </summary>
public abstract class CareerPageTests(LynchpinAppFactory app) : CareersTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : CareerPageTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : CareerPageTests(app), IClassFixture<PostgresAppFactory>;

    private sealed record TaScenario(School School, StaffMember Manager, StaffMember Ta, StaffMember Peer);

    /// <summary>A TA level 3 (L3 held, HLTA in progress) under a line manager, and a peer of the line manager.</summary>
    private async Task<TaScenario> TaAsync()
    {
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        var manager = await Data.CreateStaffAsync(school, RoleFamily.Teaching, jobTitle: "SENCo");
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, manager, jobTitle: "Teaching Assistant", startDate: new DateOnly(2019, 9, 2));
        var peer = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, jobTitle: "Teaching Assistant");
        AssertDone(await WithAsync<CareerSteps, Result<CareerStep>>(s => s.PlaceAsync(ta.Id, new StepInput("learning-support/ta3", new DateOnly(2024, 9, 1), "learning-support/hlta"))));
        AssertDone(await WithAsync<PersonQualifications, Result<PersonQualification>>(q => q.SaveAsync(ta.Id,
            new QualificationInput("TA-L3", true, new DateOnly(2024, 7, 1), false, null, null, null), false, Leader)));
        AssertDone(await WithAsync<PersonQualifications, Result<PersonQualification>>(q => q.SaveAsync(ta.Id,
            new QualificationInput("HLTA status", false, null, true, new DateOnly(2027, 7, 15), null, null), false, Leader)));
        return new TaScenario(school, manager, ta, peer);
    }

    [SkippableFact]
    public async Task Get_SchoolPageAsLeader_WarnsOfOverdueAndRunningOutQualifications_StaffSeeNoWarning()
    {
        // Arrange: a SENCo three and a half years in the role without the NPQSENCO; first aid that runs out in a month
        var school = await Data.CreateSchoolAsync(await Data.CreateTrustAsync());
        await Data.CreateStaffAsync(school, RoleFamily.Teaching, jobTitle: "SENCo", startDate: AppToday.AddMonths(-42));
        var site = await Data.CreateStaffAsync(school, RoleFamily.Site, jobTitle: "Site Assistant");
        AssertDone(await WithAsync<PersonQualifications, Result<PersonQualification>>(q => q.SaveAsync(site.Id,
            new QualificationInput("FAW", true, AppToday.AddMonths(-35), false, null, null, null), false, Leader)));
        using var leader = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school));
        using var staff = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: site));

        // Act
        var byLeader = await PageAssert.OkAsync(await leader.GetAsync($"/schools/{school.Urn}"));
        var byStaff = await PageAssert.OkAsync(await staff.GetAsync($"/schools/{school.Urn}"));

        // Assert
        var warning = byLeader.QuerySelector("#qualification-warnings");
        Assert.NotNull(warning);
        Assert.Equal(("1", "1"), (warning.GetAttribute("data-overdue"), warning.GetAttribute("data-soon")));
        Assert.Contains("1 overdue and 1 due or running out within 90 days", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/schools/{school.Urn}/careers#deadlines", warning.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(byStaff.QuerySelector("#qualification-warnings"));
    }

    [SkippableFact]
    public async Task Get_TaOwnCareer_ShowsHerStepAndWhatSheLacksForHlta()
    {
        // Arrange
        var s = await TaAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Ta));

        // Act
        using var response = await client.GetAsync($"/staff/{s.Ta.Id}/careers");

        // Assert
        var page = await PageAssert.OkAsync(response);
        Assert.Contains("Teaching assistant level 3", PageAssert.Text(page.QuerySelector("#current-step")), StringComparison.OrdinalIgnoreCase);
        var hlta = page.QuerySelector("#next-steps [data-step='learning-support/hlta']");
        Assert.NotNull(hlta);
        var gaps = hlta.QuerySelectorAll(".lynchpin-gaps li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(gaps, g => g.StartsWith("HLTA status: in progress", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Contains("33 of 33", StringComparison.Ordinal));
        Assert.Contains("HLTA status", PageAssert.Text(page.QuerySelector("#qualifications-table")));
    }

    [SkippableFact]
    public async Task Post_TaRatesHerselfAgainstHltaStandards_StoresHerRatings()
    {
        // Arrange
        var s = await TaAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Ta));

        // Act
        using var response = await PageForms.SubmitAsync(client, $"/staff/{s.Ta.Id}/careers/standards/hlta", "Input.Note",
            new Dictionary<string, string> { ["Ratings[HLTA-1]"] = "Secure", ["Ratings[HLTA-2]"] = "Developing", ["Input.Note"] = "After the phonics course" });

        // Assert
        PageAssert.RedirectsTo(response, $"/staff/{s.Ta.Id}/careers#standards");
        var stored = await Data.WithDbAsync(db => db.StandardAssessments.Where(a => a.StaffMemberId == s.Ta.Id).OrderBy(a => a.StandardCode).ToListAsync());
        Assert.Equal([("HLTA-1", StandardRating.Secure, AssessedBy.Self), ("HLTA-2", StandardRating.Developing, AssessedBy.Self)],
            stored.Select(a => (a.StandardCode, a.Rating, a.By)));
    }

    [SkippableFact]
    public async Task Post_LineManagerRecordsTheirView_IsStoredAsTheLineManagers()
    {
        // Arrange
        var s = await TaAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.Manager));

        // Act
        using var response = await PageForms.SubmitAsync(client, $"/staff/{s.Ta.Id}/careers/standards/hlta", "Input.Note",
            new Dictionary<string, string> { ["Ratings[HLTA-1]"] = "Strength" });

        // Assert
        PageAssert.RedirectsTo(response, $"/staff/{s.Ta.Id}/careers#standards");
        var stored = await Data.WithDbAsync(db => db.StandardAssessments.SingleAsync(a => a.StaffMemberId == s.Ta.Id));
        Assert.Equal(("HLTA-1", StandardRating.Strength, AssessedBy.LineManager), (stored.StandardCode, stored.Rating, stored.By));
    }

    [SkippableFact]
    public async Task Post_QualificationWithoutAName_IsA400WithTheErrorOnItsField_AndNothingSaved()
    {
        // Arrange
        var s = await TaAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Ta));
        var before = await Data.WithDbAsync(db => db.PersonQualifications.CountAsync(q => q.StaffMemberId == s.Ta.Id));

        // Act
        using var response = await PageForms.SubmitAsync(client, $"/staff/{s.Ta.Id}/careers/qualifications", "Input.Qualification",
            new Dictionary<string, string> { ["Input.Qualification"] = "", ["Input.Status"] = "held", ["Input.GainedOn"] = "2025-07-01" });

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_Qualification");
        Assert.Equal(before, await Data.WithDbAsync(db => db.PersonQualifications.CountAsync(q => q.StaffMemberId == s.Ta.Id)));
    }

    [SkippableFact]
    public async Task Post_QualificationHeld_IsSavedAndListed()
    {
        // Arrange
        var s = await TaAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Ta));

        // Act
        using var response = await PageForms.SubmitAsync(client, $"/staff/{s.Ta.Id}/careers/qualifications", "Input.Qualification",
            new Dictionary<string, string> { ["Input.Qualification"] = "first aid at work", ["Input.Status"] = "held", ["Input.GainedOn"] = "2025-07-01" });

        // Assert
        PageAssert.RedirectsTo(response, $"/staff/{s.Ta.Id}/careers#qualifications");
        var page = await PageAssert.OkAsync(await client.GetAsync($"/staff/{s.Ta.Id}/careers"));
        Assert.Contains("First aid at work", PageAssert.Text(page.QuerySelector("#qualifications-table")), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Get_CareerOfSomeoneOutsideTheirTeam_Is403_AndTheirStandardsFormToo()
    {
        // Arrange: the TA's colleague is neither her line manager nor a leader.
        var s = await TaAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Peer));

        // Act
        using var career = await client.GetAsync($"/staff/{s.Ta.Id}/careers");
        using var standards = await client.GetAsync($"/staff/{s.Ta.Id}/careers/standards/hlta");
        using var qualification = await client.GetAsync($"/staff/{s.Ta.Id}/careers/qualifications");

        // Assert
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [career.StatusCode, standards.StatusCode, qualification.StatusCode]);
    }

    [SkippableFact]
    public async Task Get_LeadersCareersPage_ListsWhoIsOnWhichStep()
    {
        // Arrange
        var s = await TaAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/careers");

        // Assert
        var page = await PageAssert.OkAsync(response);
        Assert.Contains(s.Ta.FullName, page.Body!.TextContent);
    }

    [SkippableFact]
    public async Task Get_LeadersCareersPage_CountsMovesUpFromWithinPerYearByRoleFamily()
    {
        // Arrange: the TA moves to HLTA in 2025/26; in 2023/24 her peer moves from TA1 to TA2 and the SENCo from teacher to SENCo.
        var s = await TaAsync();
        foreach (var (person, key, on) in new[]
        {
            (s.Ta, "learning-support/hlta", new DateOnly(2025, 10, 1)),
            (s.Peer, "learning-support/ta1", new DateOnly(2023, 9, 1)), (s.Peer, "learning-support/ta2", new DateOnly(2024, 1, 15)),
            (s.Manager, "teaching/teacher", new DateOnly(2022, 9, 1)), (s.Manager, "teaching/senco", new DateOnly(2024, 2, 1)),
        })
        {
            AssertDone(await WithAsync<CareerSteps, Result<CareerStep>>(c => c.PlaceAsync(person.Id, new StepInput(key, on, null))));
        }
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        var page = await PageAssert.OkAsync(await client.GetAsync($"/schools/{s.School.Urn}/careers"));

        // Assert
        var table = page.QuerySelector("#moves-by-year")!;
        Assert.Equal(["School year", "Teaching", "Learning support", "All"], table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        string Cell(int year, string family) => PageAssert.Text(table.QuerySelector($"tr[data-year='{year}'] td[data-family='{family}']"));
        Assert.Equal(["2025", "2023"], table.QuerySelectorAll("tbody tr").Select(tr => tr.GetAttribute("data-year")));
        Assert.Equal(("0", "1", "1"), (Cell(2025, "teaching"), Cell(2025, "learning-support"), Cell(2025, "all")));
        Assert.Equal(("1", "1", "2"), (Cell(2023, "teaching"), Cell(2023, "learning-support"), Cell(2023, "all")));
    }

    [SkippableFact]
    public async Task Get_StandardsPage_ListsUnderEachStandardTheCpdLinkedToIt_TheirsOnly()
    {
        // Arrange: a phonics course for the TA and her peer linked to HLTA-2; a course of hers linked to nothing.
        var s = await TaAsync();
        AssertDone(await WithAsync<Lynchpin.Core.Cpd.CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(s.School.Id, new Lynchpin.Core.Cpd.CpdActivityInput(
            "Phonics for HLTAs", CpdKind.Course, "Hub", new DateOnly(2025, 11, 4), null, 6m, 90m, null,
            [new Lynchpin.Core.Cpd.AttendeeInput(s.Ta.Id), new Lynchpin.Core.Cpd.AttendeeInput(s.Peer.Id, Hours: 3m)],
            new Lynchpin.Core.Cpd.CpdLinks(StandardKey: "hlta/HLTA-2")), Leader)));
        AssertDone(await WithAsync<Lynchpin.Core.Cpd.CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(s.School.Id, new Lynchpin.Core.Cpd.CpdActivityInput(
            "Fire safety", CpdKind.Course, null, new DateOnly(2025, 9, 2), null, 1m, 0m, null, [new Lynchpin.Core.Cpd.AttendeeInput(s.Ta.Id)]), Leader)));
        using var ta = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Ta));
        using var manager = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.Manager));

        // Act
        var own = await PageAssert.OkAsync(await ta.GetAsync($"/staff/{s.Ta.Id}/careers/standards/hlta"));
        var managers = await PageAssert.OkAsync(await manager.GetAsync($"/staff/{s.Ta.Id}/careers/standards/hlta"));

        // Assert
        foreach (var page in new[] { own, managers })
        {
            var linked = page.QuerySelectorAll("[data-cpd-for]").ToList();
            var only = Assert.Single(linked);
            Assert.Equal("HLTA-2", only.GetAttribute("data-cpd-for"));
            Assert.Equal("CPD for this standard: Phonics for HLTAs (4 November 2025, 6 h)", PageAssert.Text(only));
            // It sits in the standard's hint, so a screen reader reads it with the standard's question.
            Assert.StartsWith("hint-HLTA-2", only.ParentElement!.Id, StringComparison.Ordinal);
            Assert.DoesNotContain("Fire safety", page.Body!.TextContent);
        }
    }
}
