using System.Net;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Appraisals.Schools;

/// <summary>The school appraisal dashboard on the hand-checked school (see <see cref="SchoolAppraisalTest"/>), on both databases.</summary>
public abstract class DashboardPageTests(LynchpinAppFactory app) : SchoolAppraisalTest(app)
{
    public sealed class Sqlite(SqliteMarchAppFactory app) : DashboardPageTests(app), IClassFixture<SqliteMarchAppFactory>;

    public sealed class Postgres(PostgresMarchAppFactory app) : DashboardPageTests(app), IClassFixture<PostgresMarchAppFactory>;

    [SkippableFact]
    public async Task Get_LeaderOnTheHandCheckedSchool_ShowsTheYearInSentencesAndTables()
    {
        // Arrange
        var s = await HandCheckedAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act: no year given; 10 March 2026 is in 2025/26
        var page = await PageAsync(client, $"/schools/{s.School.Urn}/appraisal");

        // Assert
        Assert.Equal("Appraisal 2025/26", Text(page.QuerySelector("h1")));
        Assert.Equal(AppraisalRules.CapabilityStatement, Text(page.GetElementById("capability-statement")));
        Assert.Equal(
        [
            "4 of 7 people have agreed objectives (57%); 2 are still in draft after the date set, 31 October 2025.",
            "3 of the 4 support staff (75%) have a pupil-progress objective.",
            "Mid-year reviews: 2 done, 5 overdue (due 28 February 2026).",
            "Final reviews: 0 done, 7 due by 15 July 2026.",
            "Of the 3 people whose mid-year review the appraiser has signed, 1 is on track, 1 at risk and 1 off track: " +
                "1 of 2 teaching staff on track, 0 of 1 support staff on track.",
        ], page.QuerySelectorAll("#sentences p").Select(Text));
        Assert.Equal(["7", ""], Row(page, "objectives-table", "With an appraisal"));
        Assert.Equal(["4", "57%"], Row(page, "objectives-table", "Objectives agreed"));
        Assert.Equal(["1", "14%"], Row(page, "objectives-table", "Not agreed, reason recorded"));
        Assert.Equal(["2", "29%"], Row(page, "objectives-table", "Still in draft after 31 October 2025"));
        Assert.Equal(["5", "71%"], Row(page, "objectives-table", "With a pupil-progress objective"));
        Assert.Equal(["3 of 4", "75%"], Row(page, "objectives-table", "Support staff with a pupil-progress objective"));
        Assert.Equal(["28 February 2026", "2", "0", "5"], Row(page, "reviews-table", "Mid-year review"));
        Assert.Equal(["15 July 2026", "0", "7", "0"], Row(page, "reviews-table", "Final review"));
        Assert.Equal(["1", "0", "1", "1"], Row(page, "category-table", "Teaching staff"));
        Assert.Equal(["0", "1", "0", "3"], Row(page, "category-table", "Support staff"));
        Assert.Equal(["1", "1", "1", "4"], Row(page, "category-table", "Everyone"));
        Assert.Equal(["Teaching", "Learning support", "Administration", "Site"],
            page.QuerySelectorAll("#role-family-table tbody th").Select(Text));
        Assert.Equal(["0", "1", "0", "1"], Row(page, "role-family-table", "Learning support"));

        // the people, each linked to their appraisal; the leaver is not listed
        Assert.Equal(7, page.QuerySelectorAll("#people-table tbody tr").Length);
        Assert.Null(PersonRow(page, s.H));
        Assert.Equal([s.C.FullName, "Teacher of maths Teaching", s.A.FullName, "Agreed", "Waiting for the person to sign Off track", "Mid-year review"],
            PersonRow(page, s.C));
        Assert.Equal([s.A.FullName, "Headteacher Teaching", "None yet", "None set yet", "Not started", "Objectives, Mid-year review"],
            PersonRow(page, s.A));
        Assert.Equal([s.D.FullName, "Teaching assistant Learning support", s.B.FullName, "Agreed", "Done At risk", "Nothing"],
            PersonRow(page, s.D));
        Assert.Equal("Draft (1)", PersonRow(page, s.G)![3]);
        Assert.Equal("Not agreed (reason recorded); no pupil-progress objective", PersonRow(page, s.F)![3]);
        Assert.NotNull(page.QuerySelector($"#people-table a[href='/staff/{s.C.Id}/appraisal?year=2025']"));

        // a leader may manage the cycle
        Assert.NotNull(page.QuerySelector($"#actions a[href='/schools/{s.School.Urn}/appraisal/shared-objective?year=2025']"));
        Assert.NotNull(page.QuerySelector($"#actions a[href='/schools/{s.School.Urn}/appraisal/export?year=2025']"));
    }

    [SkippableFact]
    public async Task Get_LineManager_SeesOnlyTheirTeam()
    {
        // Arrange: B manages D and G
        var s = await HandCheckedAsync();
        using var client = await LineManagerAsync(s.B);

        // Act: a team filter cannot widen it either
        var page = await PageAsync(client, $"/schools/{s.School.Urn}/appraisal?year=2025&appraiser={s.A.Id}");
        var unfiltered = await PageAsync(client, $"/schools/{s.School.Urn}/appraisal?year=2025");

        // Assert
        Assert.Contains("Your team", Text(unfiltered.GetElementById("appraisal-scope")));
        Assert.Equal(["2", ""], Row(unfiltered, "objectives-table", "With an appraisal"));
        Assert.Equal(["1", "50%"], Row(unfiltered, "objectives-table", "Objectives agreed"));
        Assert.Equal(["28 February 2026", "1", "0", "1"], Row(unfiltered, "reviews-table", "Mid-year review"));
        Assert.Equal(["0", "0", "0", "0"], Row(unfiltered, "category-table", "Teaching staff"));
        Assert.Equal(["0", "1", "0", "1"], Row(unfiltered, "category-table", "Support staff"));
        Assert.Equal([s.D.Id.ToString(), s.G.Id.ToString()],
            unfiltered.QuerySelectorAll("#people-table tbody tr").Select(r => r.GetAttribute("data-staff")).Order());
        Assert.Equal(0, page.QuerySelectorAll("#people-table tbody tr").Length);
        Assert.DoesNotContain(s.A.FullName, Text(unfiltered.GetElementById("people-table")));
        // a line manager neither opens the cycle nor makes bulk changes
        Assert.Null(unfiltered.QuerySelector("#actions a[href*='/appraisal/open']"));
        Assert.Null(unfiltered.QuerySelector("#actions a[href*='/appraisal/appraisers']"));
    }

    [SkippableFact]
    public async Task Get_FilteredBySupportStaffAndAppraiser_NarrowsTheTableButNotTheNumbers()
    {
        // Arrange
        var s = await HandCheckedAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        var support = await PageAsync(client, $"/schools/{s.School.Urn}/appraisal?year=2025&category=support");
        var ofA = await PageAsync(client, $"/schools/{s.School.Urn}/appraisal?year=2025&category=support&appraiser={s.A.Id}");
        var none = await PageAsync(client, $"/schools/{s.School.Urn}/appraisal?year=2025&appraiser=none");
        var site = await PageAsync(client, $"/schools/{s.School.Urn}/appraisal?year=2025&roleFamily=site");

        // Assert
        Assert.Equal(new[] { s.D, s.E, s.F, s.G }.Select(p => p.Id.ToString()).Order(),
            support.QuerySelectorAll("#people-table tbody tr").Select(r => r.GetAttribute("data-staff")).Order());
        Assert.Equal(["7", ""], Row(support, "objectives-table", "With an appraisal"));
        Assert.Equal(new[] { s.E, s.F }.Select(p => p.Id.ToString()).Order(),
            ofA.QuerySelectorAll("#people-table tbody tr").Select(r => r.GetAttribute("data-staff")).Order());
        Assert.Equal([s.A.Id.ToString()], none.QuerySelectorAll("#people-table tbody tr").Select(r => r.GetAttribute("data-staff")));
        Assert.Equal([s.E.Id.ToString()], site.QuerySelectorAll("#people-table tbody tr").Select(r => r.GetAttribute("data-staff")));
        Assert.Equal("selected", ofA.QuerySelector($"#appraiser option[value='{s.A.Id}']")?.GetAttribute("selected"));
    }

    [SkippableFact]
    public async Task Get_ManyPeople_PagesTheTable()
    {
        // Arrange: 52 people with appraisals
        var school = await Data.CreateSchoolAsync();
        for (var i = 0; i < DashboardPageSize + 2; i++)
        {
            await Data.CreateStaffAsync(school, i % 2 == 0 ? RoleFamily.Teaching : RoleFamily.Site, lastName: $"Person{i:D2}");
        }
        await OpenAsync(school);
        using var client = await LeaderOfAsync(school);

        // Act
        var first = await PageAsync(client, $"/schools/{school.Urn}/appraisal?year=2025");
        var second = await PageAsync(client, $"/schools/{school.Urn}/appraisal?year=2025&page=2");

        // Assert
        Assert.Equal(DashboardPageSize, first.QuerySelectorAll("#people-table tbody tr").Length);
        Assert.Equal(["Sam Person50", "Sam Person51"], second.QuerySelectorAll("#people-table tbody th").Select(Text));
        Assert.NotNull(first.QuerySelector("a[rel='next'][href*='page=2']"));
        Assert.Equal("52 people, page 2 of 2", Text(second.QuerySelector("#people-table caption")));
    }

    [SkippableFact]
    public async Task Get_YearWithoutACycle_OffersLeadersToOpenIt()
    {
        // Arrange
        var s = await HandCheckedAsync();
        using var leader = await LeaderOfAsync(s.School);
        using var manager = await LineManagerAsync(s.B);

        // Act
        var forLeader = await PageAsync(leader, $"/schools/{s.School.Urn}/appraisal?year=2026");
        var forManager = await PageAsync(manager, $"/schools/{s.School.Urn}/appraisal?year=2026");

        // Assert
        Assert.Equal("The 2026/27 appraisal cycle has not been opened", Text(forLeader.GetElementById("no-cycle")));
        var start = forLeader.GetElementById("open-cycle");
        Assert.Equal("Open the 2026/27 cycle", Text(start));
        Assert.Equal($"/schools/{s.School.Urn}/appraisal/open?year=2026", start?.GetAttribute("href"));
        Assert.Null(forLeader.GetElementById("people-table"));
        Assert.NotNull(forManager.GetElementById("no-cycle"));
        Assert.Null(forManager.GetElementById("open-cycle"));
    }

    [SkippableFact]
    public async Task Get_NotAYear_Returns400WithTheError()
    {
        // Arrange
        var s = await HandCheckedAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/appraisal?year=twenty");
        var page = await Html.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Select a school year from the list"], ErrorSummary(page));
    }

    [SkippableFact]
    public async Task Get_Navigation_ShowsAppraisalToThoseWhoMaySeeItAndMyAppraisalToAnyoneWithARecord()
    {
        // Arrange
        var s = await HandCheckedAsync();
        using var leader = await LeaderOfAsync(s.School, s.A);
        using var manager = await LineManagerAsync(s.B);
        using var staff = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.D));

        // Act
        var leaderHome = await PageAsync(leader, "/");
        var managerHome = await PageAsync(manager, "/");
        var staffHome = await PageAsync(staff, "/");
        var schoolPage = await PageAsync(leader, $"/schools/{s.School.Urn}");
        var schoolForStaff = await PageAsync(staff, $"/schools/{s.School.Urn}");

        // Assert
        static IEnumerable<(string, string?)> Items(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => (Text(a), a.GetAttribute("href")));
        Assert.Contains(("Appraisal", $"/schools/{s.School.Urn}/appraisal"), Items(leaderHome));
        Assert.Contains(("My appraisal", $"/staff/{s.A.Id}/appraisal"), Items(leaderHome));
        Assert.Contains(("Appraisal", $"/schools/{s.School.Urn}/appraisal"), Items(managerHome));
        Assert.Contains(("My appraisal", $"/staff/{s.B.Id}/appraisal"), Items(managerHome));
        Assert.DoesNotContain(Items(staffHome), i => i.Item1 == "Appraisal");
        Assert.Contains(("My appraisal", $"/staff/{s.D.Id}/appraisal"), Items(staffHome));
        Assert.NotNull(schoolPage.QuerySelector($"#appraisal-links a[href='/schools/{s.School.Urn}/appraisal']"));
        Assert.Null(schoolForStaff.GetElementById("appraisal-links"));
    }

    [SkippableFact]
    public async Task Get_TrustAdminNavigation_GoesToTheTrustRollUp()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        await Data.CreateSchoolAsync(trust);
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        var home = await PageAsync(client, "/");

        // Assert
        var items = home.QuerySelectorAll(".govuk-service-navigation__link").Select(a => (Text(a), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Appraisal", $"/trusts/{trust.Code}/appraisal"), items);
        Assert.DoesNotContain(items, i => i.Item1 == "My appraisal");
    }

    private const int DashboardPageSize = Web.Pages.Appraisals.Schools.DashboardModel.PageSize;
}
