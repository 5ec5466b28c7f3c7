using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Staff;

/// <summary>/staff/{id}: the learning triad (line manager and coach), direct reports, and who may open whose page.</summary>
public abstract class StaffPersonPageTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : StaffPersonPageTests(app), IClassFixture<SqliteAppFactory>;

    // SQLite only, to keep the set fast: RouteMatrixTests opens these pages on PostgreSQL too, and they only read.

    [SkippableFact]
    public async Task Get_PersonAsLeader_ShowsLineManagerCoachAndDirectReportsOnly()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.Teaching, world.Manager, leavingDate: new DateOnly(2021, 7, 31), lastName: $"Gone{TestData.Unique()}");
        var manager = await Data.WithDbAsync(async db =>
        {
            var m = await db.StaffMembers.FindAsync(world.Manager.Id);
            m!.CoachId = world.Peer.Id;
            await db.SaveChangesAsync();
            return m;
        });
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync($"/staff/{manager.Id}");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Equal(manager.FullName, PageAssert.Text(document.QuerySelector("h1")));
        var lineManager = document.QuerySelector("#line-manager a");
        Assert.Equal(world.Head.FullName, PageAssert.Text(lineManager));
        Assert.Equal(world.Head.Id, PageAssert.StaffId(lineManager?.GetAttribute("href")));
        var coach = document.QuerySelector("#coach a");
        Assert.Equal(world.Peer.FullName, PageAssert.Text(coach));
        Assert.Equal(world.Peer.Id, PageAssert.StaffId(coach?.GetAttribute("href")));
        // Direct reports only: not the caretaker two levels down, not a report who has left.
        var reports = document.QuerySelectorAll("#direct-reports a").Select(a => PageAssert.StaffId(a.GetAttribute("href"))).Order();
        Assert.Equal(new[] { world.Mentor.Id, world.Teacher.Id }.Order(), reports);
        Assert.NotNull(document.QuerySelector($"a[href='/staff/{manager.Id}/edit']"));
    }

    [SkippableFact]
    public async Task Get_PersonWithCoachInAnotherSchool_ShowsTheCoachByNameWithoutALinkTheReaderCannotOpen()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var coachee = await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.LearningSupport, world.Manager, coach: world.Sibling);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync($"/staff/{coachee.Id}");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Equal(world.Manager.Id, PageAssert.StaffId(document.QuerySelector("#line-manager a")?.GetAttribute("href")));
        var coach = document.QuerySelector("#coach");
        Assert.Contains(world.Sibling.FullName, PageAssert.Text(coach));
        Assert.Contains(world.SchoolA2.Name, PageAssert.Text(coach));
        Assert.Null(coach?.QuerySelector("a"));
        Assert.Equal("Nobody.", PageAssert.Text(document.QuerySelector("#direct-reports")));
        Assert.Contains("Support staff", document.QuerySelectorAll(".govuk-tag").Select(PageAssert.Text));
    }

    [SkippableFact]
    public async Task Get_OwnPageAsStaff_ShowsTheirTriadWithoutLinksOrEditButton()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var teacher = await Data.CreateUserAsync(UserRole.Staff, staff: world.Teacher);
        using var client = await App.CreateSignedInClientAsync(teacher);

        // Act
        using var response = await client.GetAsync($"/staff/{world.Teacher.Id}");

        // Assert
        var document = await PageAssert.OkAsync(response);
        Assert.Equal(world.Teacher.FullName, PageAssert.Text(document.QuerySelector("h1")));
        // Their line manager's name is theirs to know; the manager's record is not theirs to open.
        Assert.Contains(world.Manager.FullName, PageAssert.Text(document.QuerySelector("#line-manager")));
        Assert.Null(document.QuerySelector("#line-manager a"));
        Assert.Null(document.QuerySelector($"a[href='/staff/{world.Teacher.Id}/edit']"));
    }

    [SkippableFact]
    public async Task Get_ColleaguesPageAsStaff_Returns403AndShowsNothingOfThem()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var teacher = await Data.CreateUserAsync(UserRole.Staff, staff: world.Teacher);
        using var client = await App.CreateSignedInClientAsync(teacher);

        // Act
        using var response = await client.GetAsync($"/staff/{world.Mentor.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(world.Mentor.LastName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Mentor.Email!, html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_ReportsPageAsLineManager_ShowsItWithoutEditButton()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var manager = await Data.CreateUserAsync(UserRole.LineManager, staff: world.Manager);
        using var client = await App.CreateSignedInClientAsync(manager);

        // Act
        using var caretaker = await client.GetAsync($"/staff/{world.Caretaker.Id}");
        using var head = await client.GetAsync($"/staff/{world.Head.Id}");

        // Assert
        var document = await PageAssert.OkAsync(caretaker);
        Assert.Equal(world.Mentor.Id, PageAssert.StaffId(document.QuerySelector("#line-manager a")?.GetAttribute("href")));
        Assert.Null(document.QuerySelector($"a[href='/staff/{world.Caretaker.Id}/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, head.StatusCode);
    }

    [SkippableFact]
    public async Task Get_UnknownPerson_Returns404()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateSignedInClientAsync(leader);

        // Act
        using var response = await client.GetAsync("/staff/99999999");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
