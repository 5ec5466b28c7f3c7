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
}
