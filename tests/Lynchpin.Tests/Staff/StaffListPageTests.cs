using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using StaffIndex = Lynchpin.Web.Pages.Staff.IndexModel;

namespace Lynchpin.Tests.Staff;

/// <summary>/staff: the filters, search, who sees which school's staff, and paging.</summary>
public abstract class StaffListPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : StaffListPageTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : StaffListPageTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableTheory]
    [InlineData("category=support")]
    [InlineData("category=teaching")]
    [InlineData("roleFamily=pastoral")]
    [InlineData("roleFamily=learning-support")]
    [InlineData("slt=yes")]
    [InlineData("slt=no&category=teaching")]
    [InlineData("qts=no")]
    [InlineData("q=")]
    [InlineData("leavers=true")]
    public async Task Get_StaffWithFilter_ListsTheMatchingPeopleOnly(string query)
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var assistant = await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.LearningSupport, world.Manager, lastName: $"Quennell{TestData.Unique()}");
        var leaver = await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.Teaching, world.Manager, leavingDate: new DateOnly(2021, 7, 31));
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateSignedInClientAsync(leader);
        var inPost = world.SchoolA1Staff.Append(assistant).ToList();
        var (url, expected) = query switch
        {
            "category=support" => (query, new[] { world.Mentor, world.Caretaker, assistant }),
            "category=teaching" => (query, [world.Head, world.Manager, world.Teacher, world.Peer]),
            "roleFamily=pastoral" => (query, [world.Mentor]),
            "roleFamily=learning-support" => (query, [assistant]),
            "slt=yes" => (query, [world.Head]),
            "slt=no&category=teaching" => (query, [world.Manager, world.Teacher, world.Peer]),
            "qts=no" => (query, [world.Mentor, world.Caretaker, assistant]),
            // Part of a surname in another case: the search ignores case and matches inside names.
            "q=" => ("q=" + assistant.LastName[2..].ToUpperInvariant(), [assistant]),
            "leavers=true" => (query, inPost.Append(leaver).ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };

        // Act
        using var response = await client.GetAsync($"/staff?{url}");

        // Assert
        var document = await PageAssert.OkAsync(response);
        PageAssert.SameStaff(expected, document);
        Assert.Equal($"{expected.Length} {(expected.Length == 1 ? "person" : "people")}", PageAssert.Text(document.QuerySelector("#result-count")));
    }

    [SkippableFact]
    public async Task Get_StaffWithFilter_KeepsTheFilterInTheForm()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync("/staff?category=support&roleFamily=site&slt=no&q=assist");

        // Assert
        var document = await PageAssert.OkAsync(response);
        PageAssert.SameStaff([world.Caretaker], document);
        var form = Html.FormWithField(document, "q");
        var values = Html.FormValues(form);
        Assert.Equal("support", values["category"]);
        Assert.Equal("site", values["roleFamily"]);
        Assert.Equal("no", values["slt"]);
        Assert.Equal("", values["qts"]);
        Assert.Equal("assist", values["q"]);
    }

    [SkippableFact]
    public async Task Get_StaffAsSchoolLeader_ListsTheirSchoolOnly()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync("/staff");

        // Assert
        var document = await PageAssert.OkAsync(response);
        PageAssert.SameStaff(world.SchoolA1Staff, document);
        Assert.Null(document.QuerySelector("select#school"));
        Assert.Equal($"/schools/{world.SchoolA1.Urn}/staff/new", document.QuerySelector("a[href$='/staff/new']")?.GetAttribute("href"));
    }

    [SkippableTheory]
    [InlineData("A2")]
    [InlineData("B1")]
    public async Task Get_StaffOfAnotherSchoolAsSchoolLeader_Returns403AndShowsNoneOfThem(string other)
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateSignedInClientAsync(leader);
        var (school, person) = other == "A2" ? (world.SchoolA2, world.Sibling) : (world.SchoolB1, world.Outsider);

        // Act
        using var response = await client.GetAsync($"/staff?school={school.Urn}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(person.LastName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(school.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Head.LastName, html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_StaffOfUnknownSchool_Returns404()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync("/staff?school=99999999");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task Get_StaffAsTrustAdmin_ListsEveryTrustSchoolWithASchoolColumn()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.TrustA);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var all = await client.GetAsync("/staff");
        using var a2 = await client.GetAsync($"/staff?school={world.SchoolA2.Urn}");

        // Assert
        var allDocument = await PageAssert.OkAsync(all);
        PageAssert.SameStaff(world.SchoolA1Staff.Append(world.Sibling), allDocument);
        Assert.Contains("School", allDocument.QuerySelectorAll("#staff-table th").Select(PageAssert.Text));
        var schoolChoices = allDocument.QuerySelectorAll("select#school option").Select(o => o.GetAttribute("value") ?? "").Order().ToList();
        Assert.Equal(new[] { "", world.SchoolA1.Urn.ToString(), world.SchoolA2.Urn.ToString() }.Order().ToList(), schoolChoices);
        PageAssert.SameStaff([world.Sibling], await PageAssert.OkAsync(a2));
    }

    [SkippableFact]
    public async Task Get_StaffAsLineManager_ListsThemAndTheirTeamOnly()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var manager = await Data.CreateUserAsync(UserRole.LineManager, staff: world.Manager);
        using var client = await App.CreateSignedInClientAsync(manager);

        // Act
        using var response = await client.GetAsync("/staff");

        // Assert
        var document = await PageAssert.OkAsync(response);
        PageAssert.SameStaff([world.Manager, world.Mentor, world.Caretaker, world.Teacher], document);
        Assert.Null(document.QuerySelector("a[href$='/staff/new']"));
    }

    [SkippableFact]
    public async Task Get_StaffPages_SplitsThePeopleIntoPagesOfPageSize()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var total = StaffIndex.PageSize + 5;
        var people = await AddStaffAsync(school, total);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var page1 = await client.GetAsync("/staff");
        using var page2 = await client.GetAsync("/staff?page=2");

        // Assert
        var first = await PageAssert.OkAsync(page1);
        var second = await PageAssert.OkAsync(page2);
        Assert.Equal($"{total} people", PageAssert.Text(first.QuerySelector("#result-count")));
        // Sorted by surname, so the first page holds the first PageSize people and the second the rest.
        Assert.Equal(people.Take(StaffIndex.PageSize).Select(p => p.Id), PageAssert.StaffIds(first));
        Assert.Equal(people.Skip(StaffIndex.PageSize).Select(p => p.Id), PageAssert.StaffIds(second));
        Assert.Equal("/staff?page=2", first.QuerySelector(".govuk-pagination__next a")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".govuk-pagination__prev"));
        Assert.Equal("/staff?page=1", second.QuerySelector(".govuk-pagination__prev a")?.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".govuk-pagination__next"));
        Assert.Equal("2", PageAssert.Text(second.QuerySelector(".govuk-pagination__item--current")));
    }

    [SkippableFact]
    public async Task Get_StaffPagesWithFilter_KeepTheFilterInThePageLinks()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        await AddStaffAsync(school, StaffIndex.PageSize + 1);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync($"/staff?school={school.Urn}&category=support&q=Paged");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Equal(StaffIndex.PageSize, PageAssert.StaffIds(document).Count);
        Assert.Equal($"/staff?school={school.Urn}&category=support&q=Paged&page=2", document.QuerySelector(".govuk-pagination__next a")?.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Get_StaffPageBeyondTheLast_ShowsTheLastPage()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var people = await AddStaffAsync(school, StaffIndex.PageSize + 2);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync("/staff?page=99");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Equal(people.Skip(StaffIndex.PageSize).Select(p => p.Id), PageAssert.StaffIds(document));
    }

    [SkippableFact]
    public async Task Get_StaffAndSchoolAsSomeoneWhoSeesOnlyThemselves_OffersNoFiltersAndNoRoleFamilyLinks()
    {
        // Arrange: the caretaker manages nobody, so a staff account sees only its own record.
        var world = await TrustScenario.CreateAsync(Data);
        var caretaker = await Data.CreateUserAsync(UserRole.Staff, staff: world.Caretaker);
        using var client = await App.CreateSignedInClientAsync(caretaker);

        // Act
        using var staff = await client.GetAsync("/staff");
        using var school = await client.GetAsync($"/schools/{world.SchoolA1.Urn}");

        // Assert: themselves, without a filter panel; the school's counts by role family, none a link to "0 people".
        var staffPage = await PageAssert.OkAsync(staff);
        PageAssert.SameStaff([world.Caretaker], staffPage);
        Assert.Null(staffPage.QuerySelector("form[role=search]"));
        var schoolPage = await PageAssert.OkAsync(school);
        Assert.Empty(schoolPage.QuerySelectorAll("a[href*='roleFamily=']"));
        Assert.Contains("Pastoral", schoolPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_StaffAndSchoolAsALineManager_OffersFiltersAndRoleFamilyLinks()
    {
        // Arrange: the mentor manages the caretaker.
        var world = await TrustScenario.CreateAsync(Data);
        var mentor = await Data.CreateUserAsync(UserRole.LineManager, staff: world.Mentor);
        using var client = await App.CreateSignedInClientAsync(mentor);

        // Act
        using var staff = await client.GetAsync("/staff");
        using var school = await client.GetAsync($"/schools/{world.SchoolA1.Urn}");

        // Assert
        var staffPage = await PageAssert.OkAsync(staff);
        Assert.NotNull(staffPage.QuerySelector("form[role=search]"));
        var schoolPage = await PageAssert.OkAsync(school);
        Assert.Equal(RoleFamilies.All.Count, schoolPage.QuerySelectorAll("a[href*='roleFamily=']").Length);
    }

    /// <summary>Adds <paramref name="count"/> support staff in one save; returned in the list's order (by surname).</summary>
    private async Task<List<StaffMember>> AddStaffAsync(School school, int count)
    {
        var n = TestData.Unique();
        var people = Enumerable.Range(1, count).Select(i => new StaffMember
        {
            SchoolId = school.Id,
            StaffRef = $"P{n}-{i:D3}",
            FirstName = "Pat",
            LastName = $"Paged{i:D3}",
            JobTitle = "Teaching assistant",
            RoleFamily = RoleFamily.LearningSupport,
        }).ToList();
        await Data.WithDbAsync(async db =>
        {
            db.StaffMembers.AddRange(people);
            return await db.SaveChangesAsync();
        });
        return people;
    }
}
