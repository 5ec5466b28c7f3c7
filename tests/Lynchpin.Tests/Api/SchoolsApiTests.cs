using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Api;

/// <summary>/api/schools and /api/schools/{urn}/staff: authentication, errors as problem+json, and the staff filters.</summary>
public abstract class SchoolsApiTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : SchoolsApiTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : SchoolsApiTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_SchoolsWithoutCredentials_Returns401Problem()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync("/api/schools");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Get_SchoolsWithUnknownToken_Returns401Problem()
    {
        // Arrange
        using var client = App.CreateBearerClient("lp_" + new string('0', 64));

        // Act
        using var response = await client.GetAsync("/api/schools");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Get_SchoolsWithRevokedToken_Returns401Problem()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        var token = await Data.CreateApiTokenAsync(leader);
        using var client = App.CreateBearerClient(token.Secret);
        using var beforeRevoking = await client.GetAsync("/api/schools");
        await Data.RevokeApiTokenAsync(leader, token.Token.Id);

        // Act
        using var response = await client.GetAsync("/api/schools");

        // Assert
        Assert.Equal(HttpStatusCode.OK, beforeRevoking.StatusCode);
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Get_SchoolsWithTokenOfLockedOutAccount_Returns401Problem()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateBearerClientAsync(leader);
        await Data.WithDbAsync(db => db.Users.Where(u => u.Id == leader.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1))));

        // Act
        using var response = await client.GetAsync("/api/schools");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Get_SchoolsWithToken_ReturnsTheSchoolWithItsTrust()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateBearerClientAsync(leader);

        // Act
        using var response = await client.GetAsync("/api/schools");

        // Assert
        var schools = await ApiAssert.SchoolsAsync(response);
        var only = Assert.Single(schools);
        Assert.Equal(school.Urn, only.Urn);
        Assert.Equal(school.Name, only.Name);
        Assert.Equal(trust.Code, only.Trust?.Code);
    }

    [SkippableFact]
    public async Task Get_StaffOfUnknownUrn_Returns404Problem()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        using var client = await App.CreateBearerClientAsync(admin);

        // Act
        using var response = await client.GetAsync("/api/schools/99999999/staff");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Get_StaffOfAnotherTrustsSchool_Returns403Problem()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.TrustA);
        using var client = await App.CreateBearerClientAsync(admin);

        // Act
        using var response = await client.GetAsync($"/api/schools/{world.SchoolB1.Urn}/staff");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task Get_StaffWithoutCredentials_Returns401Problem()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync($"/api/schools/{school.Urn}/staff");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [SkippableTheory]
    [InlineData("category=support")]
    [InlineData("roleFamily=pastoral")]
    [InlineData("roleFamily=Learning-Support")]
    [InlineData("slt=true")]
    [InlineData("q=")]
    [InlineData("includeLeavers=true")]
    public async Task Get_StaffWithFilter_ReturnsTheMatchingPeople(string query)
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var assistant = await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.LearningSupport, world.Manager, lastName: $"Zephyrine{TestData.Unique()}");
        var leaver = await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.Teaching, world.Manager, leavingDate: new DateOnly(2021, 7, 31));
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateBearerClientAsync(leader);
        var inPost = world.SchoolA1Staff.Append(assistant).ToList();
        var (url, expected) = query switch
        {
            "category=support" => (query, new[] { world.Mentor, world.Caretaker, assistant }),
            "roleFamily=pastoral" => (query, [world.Mentor]),
            "roleFamily=Learning-Support" => (query, [assistant]),
            "slt=true" => (query, [world.Head]),
            // Part of a surname, in another case: the search is case-insensitive and matches inside names.
            "q=" => ("q=" + assistant.LastName[2..].ToUpperInvariant(), [assistant]),
            "includeLeavers=true" => (query, inPost.Append(leaver).ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };

        // Act
        using var response = await client.GetAsync($"/api/schools/{world.SchoolA1.Urn}/staff?{url}");

        // Assert
        ApiAssert.SameStaff(expected, await ApiAssert.StaffAsync(response));
    }

    [SkippableFact]
    public async Task Get_StaffWithoutFilters_ReturnsEveryoneInPostButNotLeavers()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        await Data.CreateStaffAsync(world.SchoolA1, RoleFamily.Teaching, leavingDate: new DateOnly(2021, 7, 31));
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateBearerClientAsync(leader);

        // Act
        using var response = await client.GetAsync($"/api/schools/{world.SchoolA1.Urn}/staff");

        // Assert
        ApiAssert.SameStaff(world.SchoolA1Staff, await ApiAssert.StaffAsync(response));
    }

    [SkippableFact]
    public async Task Get_StaffMember_ReturnsTheirFieldsAndLineManager()
    {
        // Arrange
        var world = await TrustScenario.CreateAsync(Data);
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: world.SchoolA1);
        using var client = await App.CreateBearerClientAsync(leader);

        // Act
        using var response = await client.GetAsync($"/api/schools/{world.SchoolA1.Urn}/staff?roleFamily=site");

        // Assert
        var caretaker = Assert.Single(await ApiAssert.StaffAsync(response));
        Assert.Equal(world.Caretaker.StaffRef, caretaker.StaffRef);
        Assert.Equal(world.Caretaker.LastName, caretaker.LastName);
        Assert.Equal("site", caretaker.RoleFamily);
        Assert.Equal("support", caretaker.Category);
        Assert.Equal(32.5m, caretaker.HoursPerWeek);
        Assert.Equal(world.Mentor.StaffRef, caretaker.LineManager?.StaffRef);
        Assert.Equal(world.SchoolA1.Urn, caretaker.LineManager?.SchoolUrn);
    }

    [SkippableTheory]
    [InlineData("roleFamily=wizard")]
    [InlineData("category=volunteer")]
    [InlineData("slt=maybe")]
    [InlineData("qts=sometimes")]
    [InlineData("includeLeavers=perhaps")]
    public async Task Get_StaffWithUnknownFilterValue_Returns400Problem(string query)
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateBearerClientAsync(leader);

        // Act
        using var response = await client.GetAsync($"/api/schools/{school.Urn}/staff?{query}");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [SkippableTheory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/schools/not-a-number/staff")]
    public async Task Get_UnknownApiPath_Returns404Problem(string path)
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        var leader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        using var client = await App.CreateBearerClientAsync(leader);

        // Act
        using var response = await client.GetAsync(path);

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
