using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Api;

/// <summary>
/// The profile API on one small school whose answers are worked out by hand (the school of
/// ProfileCalculatorTests). Year 2025/26 with the default checkpoint dates: 10 Oct 2025, 19 Dec 2025, 27 Mar 2026, 17 Jul 2026.
/// <code>
///                         cp1   cp2        cp3        cp4
/// A teacher (manages B)    3     3          4          4
/// B TA (manages C)         2     3, then 4  –          5      (cp2 corrected)
/// C site, starts 3 Nov 25  –     0          1          2
/// D teacher, left 28 Feb   5     4          (3: left)  –
/// E pastoral               –     –          –          –
/// </code>
/// </summary>
public abstract class ProfileApiTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ProfileApiTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ProfileApiTests(app), IClassFixture<PostgresAppFactory>;

    private const int Year = 2025;

    private sealed record School5(School School, StaffMember A, StaffMember B, StaffMember C, StaffMember D, StaffMember E);

    private async Task<School5> CreateSchoolAsync(Trust? trust = null, string? name = null)
    {
        var school = await Data.CreateSchoolAsync(trust, name);
        var a = await Data.CreateStaffAsync(school, RoleFamily.Teaching);
        var b = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, lineManager: a);
        var c = await Data.CreateStaffAsync(school, RoleFamily.Site, lineManager: b, startDate: new DateOnly(2025, 11, 3));
        var d = await Data.CreateStaffAsync(school, RoleFamily.Teaching, leavingDate: new DateOnly(2026, 2, 28));
        var e = await Data.CreateStaffAsync(school, RoleFamily.Pastoral);
        await AssessAsync(a, 1, 3); await AssessAsync(a, 2, 3); await AssessAsync(a, 3, 4); await AssessAsync(a, 4, 4);
        await AssessAsync(b, 1, 2); await AssessAsync(b, 2, 3); await AssessAsync(b, 2, 4); await AssessAsync(b, 4, 5);
        await AssessAsync(c, 2, 0); await AssessAsync(c, 3, 1); await AssessAsync(c, 4, 2);
        await AssessAsync(d, 1, 5); await AssessAsync(d, 2, 4); await AssessAsync(d, 3, 3);
        return new School5(school, a, b, c, d, e);
    }

    private async Task AssessAsync(StaffMember person, int checkpoint, int stage)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var on = SchoolYear.DefaultDate(Year, checkpoint).AddDays(-3);
        await scope.ServiceProvider.GetRequiredService<AssessmentRecorder>()
            .RecordAsync(new AssessmentInput(person.Id, Year, checkpoint, stage, on, null, [], null), new Recorder(null, "Test"));
    }

    private async Task<HttpClient> LeaderOfAsync(School school) =>
        await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: school));

    /// <summary>The body, which must be 200 JSON exactly equal (after minifying) to <paramref name="expected"/>.</summary>
    private static async Task AssertJsonAsync(string expected, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), body);
    }

    private static string Checkpoint(int number, string name, string? date, int[] stages, int? notAssessed)
    {
        var stageJson = string.Join(",", stages.Select((n, stage) => $"\"{stage}\":{n}"));
        var dateJson = date is null ? "null" : $"\"{date}\"";
        var due = notAssessed is null ? "false" : "true";
        return $$"""{"number":{{number}},"name":"{{name}}","date":{{dateJson}},"due":{{due}},"stages":{{{stageJson}}},"notAssessed":{{notAssessed?.ToString() ?? "null"}}}""";
    }

    private static async Task<JsonElement> CheckpointsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("checkpoints").Clone();
    }

    /// <summary>Each checkpoint as eight numbers: its seven stage counts, then how many were not assessed.</summary>
    private static List<int[]> Counts(JsonElement checkpoints) => checkpoints.EnumerateArray()
        .Select(c => Enumerable.Range(0, 7).Select(s => c.GetProperty("stages").GetProperty(s.ToString()).GetInt32())
            .Append(c.GetProperty("notAssessed").GetInt32()).ToArray())
        .ToList();

    [SkippableFact]
    public async Task Get_ProfileOfAHandCheckedSchool_ReturnsEveryCheckpointInTheIssuesShape()
    {
        // Arrange
        var s = await CreateSchoolAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/profile?year=2025");

        // Assert
        await AssertJsonAsync($$"""
            {"urn":"{{s.School.Urn}}","year":2025,"checkpoints":[
              {{Checkpoint(1, "First six weeks", "2025-10-10", [0, 0, 1, 1, 0, 1, 0], 1)}},
              {{Checkpoint(2, "End of autumn term", "2025-12-19", [1, 0, 0, 1, 2, 0, 0], 1)}},
              {{Checkpoint(3, "End of spring term", "2026-03-27", [0, 1, 0, 0, 1, 0, 0], 2)}},
              {{Checkpoint(4, "End of summer term", "2026-07-17", [0, 0, 1, 0, 1, 1, 0], 1)}}]}
            """, response);
    }

    [SkippableFact]
    public async Task Get_ProfileOfAYearNotYetDue_SaysSoAndCountsNobodyAsNotAssessed()
    {
        // Arrange: every checkpoint of 2099/00 is after today
        var s = await CreateSchoolAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/profile?year=2099");

        // Assert
        await AssertJsonAsync($$"""
            {"urn":"{{s.School.Urn}}","year":2099,"checkpoints":[
              {{Checkpoint(1, "First six weeks", "2099-10-16", [0, 0, 0, 0, 0, 0, 0], null)}},
              {{Checkpoint(2, "End of autumn term", "2099-12-18", [0, 0, 0, 0, 0, 0, 0], null)}},
              {{Checkpoint(3, "End of spring term", "2100-03-26", [0, 0, 0, 0, 0, 0, 0], null)}},
              {{Checkpoint(4, "End of summer term", "2100-07-16", [0, 0, 0, 0, 0, 0, 0], null)}}]}
            """, response);
    }

    [SkippableFact]
    public async Task Get_ProfileOfAYearWithNoAssessments_CountsEveryoneInPostAsNotAssessed()
    {
        // Arrange
        var s = await CreateSchoolAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/profile?year=2024");

        // Assert: A, B, D and E were in post (C started in 2025)
        var counts = Counts(await CheckpointsAsync(response));
        Assert.All(counts, c => Assert.Equal([0, 0, 0, 0, 0, 0, 0, 4], c));
    }

    [SkippableTheory]
    [InlineData("category=support", new[] { 0, 0, 1, 0, 0, 0, 0, 1 }, new[] { 1, 0, 0, 0, 1, 0, 0, 1 }, new[] { 0, 1, 0, 0, 0, 0, 0, 2 }, new[] { 0, 0, 1, 0, 0, 1, 0, 1 })]
    [InlineData("category=Teaching", new[] { 0, 0, 0, 1, 0, 1, 0, 0 }, new[] { 0, 0, 0, 1, 1, 0, 0, 0 }, new[] { 0, 0, 0, 0, 1, 0, 0, 0 }, new[] { 0, 0, 0, 0, 1, 0, 0, 0 })]
    [InlineData("roleFamily=site", new[] { 0, 0, 0, 0, 0, 0, 0, 0 }, new[] { 1, 0, 0, 0, 0, 0, 0, 0 }, new[] { 0, 1, 0, 0, 0, 0, 0, 0 }, new[] { 0, 0, 1, 0, 0, 0, 0, 0 })]
    [InlineData("category=support&roleFamily=pastoral", new[] { 0, 0, 0, 0, 0, 0, 0, 1 }, new[] { 0, 0, 0, 0, 0, 0, 0, 1 }, new[] { 0, 0, 0, 0, 0, 0, 0, 1 }, new[] { 0, 0, 0, 0, 0, 0, 0, 1 })]
    public async Task Get_ProfileFiltered_CountsOnlyThoseStaff(string filter, int[] cp1, int[] cp2, int[] cp3, int[] cp4)
    {
        // Arrange: each expectation is the seven stages then the number not assessed
        var s = await CreateSchoolAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/profile?year=2025&{filter}");

        // Assert
        var counts = Counts(await CheckpointsAsync(response));
        Assert.Equal([cp1, cp2, cp3, cp4], counts);
    }

    [SkippableFact]
    public async Task Get_TransitionsFromFirstToLast_ReturnsTheMatrixAndTotals()
    {
        // Arrange
        var s = await CreateSchoolAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/profile/transitions?year=2025&from=1&to=4");

        // Assert: A 3→4, B 2→5; C was not assessed at 1, D not at 4
        var rows = Enumerable.Range(0, 7).Select(_ => new int[7]).ToArray();
        rows[3][4] = 1;
        rows[2][5] = 1;
        var matrix = string.Join(",", rows.Select(r => "[" + string.Join(",", r) + "]"));
        await AssertJsonAsync($$"""{"from":1,"to":4,"matrix":[{{matrix}}],"up":2,"same":0,"down":0}""", response);
    }

    [SkippableFact]
    public async Task Get_TransitionsOverTheAutumn_CountsUpSameAndDown()
    {
        // Arrange
        var s = await CreateSchoolAsync();
        using var client = await LeaderOfAsync(s.School);

        // Act
        using var all = await client.GetAsync($"/api/schools/{s.School.Urn}/profile/transitions?year=2025&from=1&to=2");
        using var teaching = await client.GetAsync($"/api/schools/{s.School.Urn}/profile/transitions?year=2025&from=1&to=2&category=teaching");

        // Assert: A 3→3, B 2→4 (its correction counts), D 5→4; teaching is A and D
        using var allBody = JsonDocument.Parse(await all.Content.ReadAsStringAsync());
        using var teachingBody = JsonDocument.Parse(await teaching.Content.ReadAsStringAsync());
        int Get(JsonDocument d, string p) => d.RootElement.GetProperty(p).GetInt32();
        Assert.Equal((1, 1, 1), (Get(allBody, "up"), Get(allBody, "same"), Get(allBody, "down")));
        Assert.Equal(1, allBody.RootElement.GetProperty("matrix")[2][4].GetInt32());
        Assert.Equal(1, allBody.RootElement.GetProperty("matrix")[5][4].GetInt32());
        Assert.Equal((0, 1, 1), (Get(teachingBody, "up"), Get(teachingBody, "same"), Get(teachingBody, "down")));
    }

    [SkippableFact]
    public async Task Get_ProfileAsLineManager_CountsOnlyTheirTeam()
    {
        // Arrange: A manages B, and through B, C
        var s = await CreateSchoolAsync();
        using var client = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.A));

        // Act
        using var profile = await client.GetAsync($"/api/schools/{s.School.Urn}/profile?year=2025");
        using var transitions = await client.GetAsync($"/api/schools/{s.School.Urn}/profile/transitions?year=2025&from=1&to=4");

        // Assert
        Assert.Equal(
            [[0, 0, 1, 0, 0, 0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0, 1], [0, 0, 1, 0, 0, 1, 0, 0]],
            Counts(await CheckpointsAsync(profile)));
        using var body = JsonDocument.Parse(await transitions.Content.ReadAsStringAsync());
        Assert.Equal(1, body.RootElement.GetProperty("up").GetInt32()); // B 2→5 only
        Assert.Equal(1, body.RootElement.GetProperty("matrix")[2][5].GetInt32());
        Assert.Equal(0, body.RootElement.GetProperty("matrix")[3][4].GetInt32());
    }

    [SkippableFact]
    public async Task Get_ProfileSignedInWithCookie_AnswersAsWithAToken()
    {
        // Arrange
        var s = await CreateSchoolAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/profile?year=2025&roleFamily=site");

        // Assert
        var counts = Counts(await CheckpointsAsync(response));
        Assert.Equal([0, 0, 1, 0, 0, 0, 0, 0], counts[3]);
    }

    [SkippableFact]
    public async Task Get_ProfileAsStaffOrAnotherSchoolsLeaderOrTrustSibling_Returns403Problem()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var s = await CreateSchoolAsync(trust);
        var sibling = await Data.CreateSchoolAsync(trust);
        var elsewhere = await Data.CreateSchoolAsync();
        using var staff = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.E));
        using var otherLeader = await LeaderOfAsync(elsewhere);
        using var siblingLeader = await LeaderOfAsync(sibling);
        var siblingManager = await Data.CreateStaffAsync(sibling);
        using var siblingLineManager = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: siblingManager));

        // Act and assert
        foreach (var client in new[] { staff, otherLeader, siblingLeader, siblingLineManager })
        {
            using var profile = await client.GetAsync($"/api/schools/{s.School.Urn}/profile?year=2025");
            using var transitions = await client.GetAsync($"/api/schools/{s.School.Urn}/profile/transitions?year=2025&from=1&to=2");
            await ApiAssert.ProblemAsync(profile, HttpStatusCode.Forbidden);
            await ApiAssert.ProblemAsync(transitions, HttpStatusCode.Forbidden);
        }
    }

    [SkippableFact]
    public async Task Get_ProfileWithoutCredentials_Returns401Problem()
    {
        // Arrange
        var school = await Data.CreateSchoolAsync();
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync($"/api/schools/{school.Urn}/profile?year=2025");

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [SkippableTheory]
    [InlineData("/api/schools/99999999/profile?year=2025")]
    [InlineData("/api/schools/99999999/profile/transitions?year=2025&from=1&to=2")]
    [InlineData("/api/trusts/NO-SUCH-TRUST/profile?year=2025")]
    public async Task Get_UnknownSchoolOrTrust_Returns404Problem(string url)
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        using var client = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        using var response = await client.GetAsync(url);

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [SkippableTheory]
    [InlineData("{school}/profile", "year")]
    [InlineData("{school}/profile?year=", "year")]
    [InlineData("{school}/profile?year=twenty", "year")]
    [InlineData("{school}/profile?year=2025/26", "year")]
    [InlineData("{school}/profile?year=1999", "year")]
    [InlineData("{school}/profile?year=2025&category=volunteer", "category")]
    [InlineData("{school}/profile?year=2025&roleFamily=wizard", "roleFamily")]
    [InlineData("{school}/profile/transitions?year=2025&to=4", "from")]
    [InlineData("{school}/profile/transitions?year=2025&from=1", "to")]
    [InlineData("{school}/profile/transitions?year=2025&from=0&to=4", "from")]
    [InlineData("{school}/profile/transitions?year=2025&from=1&to=5", "to")]
    [InlineData("{school}/profile/transitions?year=2025&from=3&to=3", "from")]
    [InlineData("{school}/profile/transitions?year=2025&from=4&to=1", "from")]
    [InlineData("{school}/profile/transitions?from=1&to=4", "year")]
    [InlineData("{trust}/profile", "year")]
    [InlineData("{trust}/profile?year=2025&checkpoint=5", "checkpoint")]
    [InlineData("{trust}/profile?year=2025&checkpoint=0", "checkpoint")]
    [InlineData("{trust}/profile?year=2025&checkpoint=first", "checkpoint")]
    [InlineData("{trust}/profile?year=2025&category=volunteer", "category")]
    public async Task Get_BadParameter_Returns400ProblemNamingIt(string path, string parameter)
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        using var client = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));
        var url = path.Replace("{school}", $"/api/schools/{school.Urn}").Replace("{trust}", $"/api/trusts/{trust.Code}");

        // Act
        using var response = await client.GetAsync(url);

        // Assert
        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"The {parameter} parameter is not valid.", body.RootElement.GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task Get_TrustProfileAtOneCheckpoint_GivesEachSchoolAndTheTrustTotals()
    {
        // Arrange: Birch moves checkpoint 1 to 10 Nov, after C started, so its C counts as not assessed
        var trust = await Data.CreateTrustAsync();
        var n = TestData.Unique();
        var alder = await CreateSchoolAsync(trust, $"Alder {n}");
        var birch = await CreateSchoolAsync(trust, $"Birch {n}");
        await Data.WithDbAsync(async db =>
        {
            db.CheckpointDates.Add(new CheckpointDate { SchoolId = birch.School.Id, Year = Year, Checkpoint = 1, Date = new DateOnly(2025, 11, 10) });
            return await db.SaveChangesAsync();
        });
        using var client = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        using var first = await client.GetAsync($"/api/trusts/{trust.Code}/profile?year=2025&checkpoint=1");
        using var second = await client.GetAsync($"/api/trusts/{trust.Code}/profile?year=2025&checkpoint=2");

        // Assert: the trust's checkpoint 1 has no single date
        await AssertJsonAsync($$"""
            {"code":"{{trust.Code}}","year":2025,"schools":[
              {"urn":"{{alder.School.Urn}}","name":"Alder {{n}}","checkpoints":[{{Checkpoint(1, "First six weeks", "2025-10-10", [0, 0, 1, 1, 0, 1, 0], 1)}}]},
              {"urn":"{{birch.School.Urn}}","name":"Birch {{n}}","checkpoints":[{{Checkpoint(1, "First six weeks", "2025-11-10", [0, 0, 1, 1, 0, 1, 0], 2)}}]}],
             "trust":{"checkpoints":[{{Checkpoint(1, "First six weeks", null, [0, 0, 2, 2, 0, 2, 0], 3)}}]} }
            """, first);
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        var total = body.RootElement.GetProperty("trust").GetProperty("checkpoints")[0];
        Assert.Equal("2025-12-19", total.GetProperty("date").GetString());
        var counts = Counts(body.RootElement.GetProperty("trust").GetProperty("checkpoints"));
        Assert.Equal([2, 0, 0, 2, 4, 0, 0, 2], counts[0]);
    }

    [SkippableFact]
    public async Task Get_TrustProfileForAYear_GivesAllFourCheckpointsFilteredAsAsked()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        await CreateSchoolAsync(trust);
        await CreateSchoolAsync(trust);
        using var client = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));

        // Act
        using var response = await client.GetAsync($"/api/trusts/{trust.Code}/profile?year=2025&category=support");

        // Assert: twice the school's support staff at each checkpoint
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("schools").GetArrayLength());
        Assert.All(body.RootElement.GetProperty("schools").EnumerateArray(), school =>
            Assert.Equal([1, 2, 3, 4], school.GetProperty("checkpoints").EnumerateArray().Select(c => c.GetProperty("number").GetInt32())));
        Assert.Equal(
            [[0, 0, 2, 0, 0, 0, 0, 2], [2, 0, 0, 0, 2, 0, 0, 2], [0, 2, 0, 0, 0, 0, 0, 4], [0, 0, 2, 0, 0, 2, 0, 2]],
            Counts(body.RootElement.GetProperty("trust").GetProperty("checkpoints")));
    }

    [SkippableFact]
    public async Task Get_TrustProfileAsAnyoneButItsTrustAdmin_Returns403Problem()
    {
        // Arrange
        var trust = await Data.CreateTrustAsync();
        var s = await CreateSchoolAsync(trust);
        var otherTrust = await Data.CreateTrustAsync();
        using var otherAdmin = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: otherTrust));
        using var leader = await LeaderOfAsync(s.School);
        using var lineManager = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: s.A));

        // Act and assert
        foreach (var client in new[] { otherAdmin, leader, lineManager })
        {
            using var response = await client.GetAsync($"/api/trusts/{trust.Code}/profile?year=2025");
            await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        }
    }

    [SkippableFact]
    public async Task Get_OpenApiDocument_ListsTheProfileEndpoints()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync("/openapi/v1.json");

        // Assert
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/schools/{urn}/profile", out var profile));
        Assert.True(paths.TryGetProperty("/api/schools/{urn}/profile/transitions", out _));
        Assert.True(paths.TryGetProperty("/api/trusts/{code}/profile", out _));
        var responses = profile.GetProperty("get").GetProperty("responses");
        Assert.All(new[] { "200", "400", "403", "404" }, code => Assert.True(responses.TryGetProperty(code, out _), code));
        Assert.Contains(profile.GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "year");
    }
}
