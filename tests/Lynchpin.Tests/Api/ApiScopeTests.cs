using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Api;

/// <summary>What each role sees through the API, on <see cref="TrustScenario"/>'s two trusts.</summary>
public abstract class ApiScopeTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ApiScopeTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ApiScopeTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_StaffAsStaffRole_ReturnsOnlyTheirOwnRecord()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var user = await Data.CreateUserAsync(UserRole.Staff, staff: world.Mentor);
        using var client = await App.CreateBearerClientAsync(user);

        // Act
        using var response = await client.GetAsync($"/api/schools/{world.SchoolA1.Urn}/staff");

        // Assert
        ApiAssert.SameStaff([world.Mentor], await ApiAssert.StaffAsync(response));
    }

    [SkippableFact]
    public async Task Get_SchoolsAsStaffRole_ReturnsOnlyTheirSchool()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var user = await Data.CreateUserAsync(UserRole.Staff, staff: world.Teacher);
        using var client = await App.CreateBearerClientAsync(user);

        // Act
        using var response = await client.GetAsync("/api/schools");

        // Assert
        var schools = await ApiAssert.SchoolsAsync(response);
        Assert.Equal([world.SchoolA1.Urn], schools.Select(s => s.Urn));
    }

    [SkippableFact]
    public async Task Get_StaffOfSiblingSchoolAsStaffRole_Returns403Problem()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var user = await Data.CreateUserAsync(UserRole.Staff, staff: world.Teacher);
        using var client = await App.CreateBearerClientAsync(user);

        // Act
        using var response = await client.GetAsync($"/api/schools/{world.SchoolA2.Urn}/staff");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task Get_StaffAsLineManager_ReturnsTheirTwoLevelTeamButNotPeersOrManager()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var user = await Data.CreateUserAsync(UserRole.LineManager, staff: world.Manager);
        using var client = await App.CreateBearerClientAsync(user);

        // Act
        using var response = await client.GetAsync($"/api/schools/{world.SchoolA1.Urn}/staff");

        // Assert
        var staff = await ApiAssert.StaffAsync(response);
        ApiAssert.SameStaff([world.Manager, world.Mentor, world.Teacher, world.Caretaker], staff);
        Assert.DoesNotContain(staff, s => s.StaffRef == world.Peer.StaffRef || s.StaffRef == world.Head.StaffRef);
    }

    [SkippableFact]
    public async Task Get_StaffAsSchoolLeader_ReturnsTheWholeSchool()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var user = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateBearerClientAsync(user);

        // Act
        using var response = await client.GetAsync($"/api/schools/{world.SchoolA1.Urn}/staff");

        // Assert
        ApiAssert.SameStaff(world.SchoolA1Staff, await ApiAssert.StaffAsync(response));
    }

    [SkippableFact]
    public async Task Get_StaffOfOtherSchoolAsSchoolLeader_Returns403Problem()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var user = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateBearerClientAsync(user);

        // Act
        using var response = await client.GetAsync($"/api/schools/{world.SchoolA2.Urn}/staff");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task Get_SchoolsAsTrustAdmin_ReturnsEverySchoolOfTheTrustOnly()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var user = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.TrustA);
        using var client = await App.CreateBearerClientAsync(user);

        // Act
        using var response = await client.GetAsync("/api/schools");

        // Assert
        var schools = await ApiAssert.SchoolsAsync(response);
        Assert.Equal(new[] { world.SchoolA1.Urn, world.SchoolA2.Urn }.Order(), schools.Select(s => s.Urn).Order());
    }

    [SkippableFact]
    public async Task Get_StaffOfEachTrustSchoolAsTrustAdmin_ReturnsEveryone()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var user = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.TrustA);
        using var client = await App.CreateBearerClientAsync(user);

        // Act
        using var a1 = await client.GetAsync($"/api/schools/{world.SchoolA1.Urn}/staff");
        using var a2 = await client.GetAsync($"/api/schools/{world.SchoolA2.Urn}/staff");
        using var b1 = await client.GetAsync($"/api/schools/{world.SchoolB1.Urn}/staff");

        // Assert
        ApiAssert.SameStaff(world.SchoolA1Staff, await ApiAssert.StaffAsync(a1));
        ApiAssert.SameStaff([world.Sibling], await ApiAssert.StaffAsync(a2));
        await ApiAssert.ProblemAsync(b1, HttpStatusCode.Forbidden);
    }
}
