using System.Net;
using System.Text.Json.Nodes;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Appraisals.Schools;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Api;

/// <summary>
/// GET /api/schools/{urn}/appraisal on the hand-checked school of the appraisal pages (see <see cref="SchoolAppraisalTest"/>),
/// on 10 March 2026, both databases: the issue's JSON shape exactly, scoped like the dashboard.
/// </summary>
public abstract class AppraisalApiTests(LynchpinAppFactory app) : SchoolAppraisalTest(app)
{
    public sealed class Sqlite(SqliteMarchAppFactory app) : AppraisalApiTests(app), IClassFixture<SqliteMarchAppFactory>;

    public sealed class Postgres(PostgresMarchAppFactory app) : AppraisalApiTests(app), IClassFixture<PostgresMarchAppFactory>;

    /// <summary>The body, which must be 200 JSON exactly equal (after minifying) to <paramref name="expected"/>.</summary>
    private static async Task AssertJsonAsync(string expected, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), body);
    }

    [SkippableFact]
    public async Task Get_AsALeader_ReturnsTheSchoolsNumbersInTheIssuesShape()
    {
        // Arrange
        var s = await HandCheckedAsync();
        using var client = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/appraisal?year=2025");

        // Assert: 7 in post, 4 agreed, 5 with pupil progress; mid-year 5 overdue (final not yet due);
        // teaching B on track and C off track; support D at risk (E's review is unsigned)
        await AssertJsonAsync("""
            {"year":2025,"staff":7,"objectivesAgreed":4,"withPupilProgressObjective":5,"reviewsOverdue":5,
             "midYear":{"teaching":{"onTrack":1,"atRisk":0,"offTrack":1},"support":{"onTrack":0,"atRisk":1,"offTrack":0}}}
            """, response);
    }

    [SkippableFact]
    public async Task Get_AsALineManager_CountsOnlyTheirTeam()
    {
        // Arrange: B's team is D (agreed, at risk, signed) and G (draft, pupil progress)
        var s = await HandCheckedAsync();
        using var client = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.B));

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/appraisal?year=2025");

        // Assert
        await AssertJsonAsync("""
            {"year":2025,"staff":2,"objectivesAgreed":1,"withPupilProgressObjective":2,"reviewsOverdue":1,
             "midYear":{"teaching":{"onTrack":0,"atRisk":0,"offTrack":0},"support":{"onTrack":0,"atRisk":1,"offTrack":0}}}
            """, response);
    }

    [SkippableFact]
    public async Task Get_YearWithoutACycle_ReturnsZeros()
    {
        // Arrange
        var s = await HandCheckedAsync();
        using var client = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/appraisal?year=2026");

        // Assert
        await AssertJsonAsync("""
            {"year":2026,"staff":0,"objectivesAgreed":0,"withPupilProgressObjective":0,"reviewsOverdue":0,
             "midYear":{"teaching":{"onTrack":0,"atRisk":0,"offTrack":0},"support":{"onTrack":0,"atRisk":0,"offTrack":0}}}
            """, response);
    }

    [SkippableFact]
    public async Task Get_BadYearUnknownSchoolOrAnotherSchool_ReturnsProblems()
    {
        // Arrange
        var s = await HandCheckedAsync();
        var other = await Data.CreateSchoolAsync();
        using var client = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        using var staff = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.D));
        using var anonymous = await App.CreateClientAsync();

        // Act
        using var missingYear = await client.GetAsync($"/api/schools/{s.School.Urn}/appraisal");
        using var badYear = await client.GetAsync($"/api/schools/{s.School.Urn}/appraisal?year=25-26");
        using var unknown = await client.GetAsync($"/api/schools/{TestData.Unique() + 990_000}/appraisal?year=2025");
        using var elsewhere = await client.GetAsync($"/api/schools/{other.Urn}/appraisal?year=2025");
        using var ownSchoolAsStaff = await staff.GetAsync($"/api/schools/{s.School.Urn}/appraisal?year=2025");
        using var signedOut = await anonymous.GetAsync($"/api/schools/{s.School.Urn}/appraisal?year=2025");

        // Assert
        await ApiAssert.ProblemAsync(missingYear, HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(badYear, HttpStatusCode.BadRequest);
        Assert.Contains("25-26", await badYear.Content.ReadAsStringAsync());
        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(elsewhere, HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(ownSchoolAsStaff, HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(signedOut, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Get_OpenApi_DescribesTheAppraisalEndpoint()
    {
        // Arrange
        using var client = await App.CreateClientAsync();

        // Act
        using var response = await client.GetAsync("/openapi/v1.json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Assert
        var get = document["paths"]?["/api/schools/{urn}/appraisal"]?["get"];
        Assert.NotNull(get);
        Assert.Contains(get!["parameters"]!.AsArray(), p => p?["name"]?.GetValue<string>() == "year");
        Assert.NotNull(get["responses"]?["200"]);
        Assert.NotNull(get["responses"]?["403"]);
        var schema = document["components"]?["schemas"]?["SchoolAppraisalDto"]?["properties"]?.AsObject();
        Assert.Equal(["year", "staff", "objectivesAgreed", "withPupilProgressObjective", "reviewsOverdue", "midYear"], schema!.Select(p => p.Key));
    }
}
