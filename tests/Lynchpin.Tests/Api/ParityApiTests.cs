using System.Net;
using System.Text.Json;
using Lynchpin.Core.Cpd;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pay;
using Lynchpin.Tests.Careers;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Api;

/// <summary>
/// GET /api/schools/{urn}/parity and /cpd on a school whose figures are checked by hand, 2025/26:
/// <code>
///                      people  CPD (each)            FTE salary
/// teachers               5     10 h, £100            £40,000
/// TAs                    5     3 h, £0 (two of them)  £24,000
/// business manager (SLT, no QTS) 1   –                £50,000
/// </code>
/// Teaching: 50 h ÷ 5 = 10.00 per head, £100.00; learning support: 6 h ÷ 5 = 1.20, £0.00. Pay only with pay access; the business
/// manager's alone is never shown, directly or as all support less learning support.
/// </summary>
public abstract class ParityApiTests(LynchpinAppFactory app) : CareersTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ParityApiTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : ParityApiTests(app), IClassFixture<PostgresAppFactory>;

    private const int Year = 2025;

    private sealed record Scenario(Trust Trust, School School, List<StaffMember> Teachers, List<StaffMember> Tas, StaffMember Manager);

    private async Task<Scenario> SchoolAsync()
    {
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var teachers = new List<StaffMember>();
        var tas = new List<StaffMember>();
        for (var i = 0; i < 5; i++)
        {
            teachers.Add(await Data.CreateStaffAsync(school, RoleFamily.Teaching, jobTitle: "Teacher", startDate: new DateOnly(2020, 9, 1)));
            tas.Add(await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, jobTitle: "Teaching Assistant", startDate: new DateOnly(2020, 9, 1)));
        }
        var manager = await Data.CreateStaffAsync(school, RoleFamily.Business, jobTitle: "School Business Manager", slt: true, qts: false, startDate: new DateOnly(2020, 9, 1));
        await Data.WithDbAsync(async db =>
        {
            db.PayRecords.AddRange(teachers.Select(t => new PayRecord { StaffMemberId = t.Id, Year = Year, Scale = "MPS", Point = 4, FteSalary = 40000m, RecordedByName = "Test" }));
            db.PayRecords.AddRange(tas.Select(t => new PayRecord { StaffMemberId = t.Id, Year = Year, Scale = "NJC", Point = 8, FteSalary = 24000m, RecordedByName = "Test" }));
            db.PayRecords.Add(new PayRecord { StaffMemberId = manager.Id, Year = Year, Scale = "NJC", Point = 30, FteSalary = 50000m, RecordedByName = "Test" });
            return await db.SaveChangesAsync();
        });
        AssertDone(await WithAsync<CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(school.Id, new CpdActivityInput(
            "Adaptive teaching", CpdKind.Course, "Trust hub", new DateOnly(2025, 10, 10), new DateOnly(2025, 10, 11), 10m, 100m, null,
            teachers.Select(t => new AttendeeInput(t.Id)).ToList()), Leader)));
        AssertDone(await WithAsync<CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(school.Id, new CpdActivityInput(
            "Phonics refresher", CpdKind.Inset, null, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5), 3m, 0m, null,
            [new AttendeeInput(tas[0].Id), new AttendeeInput(tas[1].Id)]), Leader)));
        return new Scenario(trust, school, teachers, tas, manager);
    }

    private async Task<TestUser> LeaderAsync(School school, bool payAccess)
    {
        var user = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school);
        if (payAccess)
        {
            await Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));
        }
        return user;
    }

    private static async Task<Dictionary<string, JsonElement>> GroupsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        // In the order the array gives them (a dictionary keeps the order of insertion).
        return document.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.Clone()).ToDictionary(g => g.GetProperty("group").GetString()!);
    }

    private Task<int> ParityAuditsAsync() => Data.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ParityPayRead));

    [SkippableFact]
    public async Task Get_ParityWithoutPayAccess_GivesTheGroupsByHand_AndNoKeyNamesPay()
    {
        // Arrange
        var s = await SchoolAsync();
        using var client = await App.CreateBearerClientAsync(await LeaderAsync(s.School, payAccess: false));
        var before = await ParityAuditsAsync();

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/parity?year={Year}");

        // Assert
        var groups = await GroupsAsync(response);
        // A row per role family by its CSV code, then the all-* and slt-* rows.
        Assert.Equal(ParityReport.Groups.Select(g => g.Code), groups.Keys);
        Assert.Contains("learning-support", groups.Keys);
        Assert.Equal(["all-teaching", "all-support", "slt-qts", "slt-non-qts"], groups.Keys.TakeLast(4));
        var teaching = groups["teaching"];
        Assert.Equal((5, 50m, 500m, 10.00m, 100.00m), (teaching.GetProperty("headcount").GetInt32(), teaching.GetProperty("cpdHours").GetDecimal(),
            teaching.GetProperty("cpdCost").GetDecimal(), teaching.GetProperty("cpdHoursPerHead").GetDecimal(), teaching.GetProperty("cpdCostPerHead").GetDecimal()));
        var support = groups["learning-support"];
        Assert.Equal((5, 6m, 1.20m), (support.GetProperty("headcount").GetInt32(), support.GetProperty("cpdHours").GetDecimal(), support.GetProperty("cpdHoursPerHead").GetDecimal()));
        Assert.Equal(6, groups["all-support"].GetProperty("headcount").GetInt32());
        Assert.Equal(1, groups["slt-non-qts"].GetProperty("headcount").GetInt32());
        var keys = groups.Values.SelectMany(g => g.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        Assert.DoesNotContain(keys, k => k.Contains("pay", StringComparison.OrdinalIgnoreCase) || k.Contains("salary", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("40000", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await ParityAuditsAsync());
    }

    [SkippableFact]
    public async Task Get_ParityWithPayAccess_GivesPay_SuppressesGroupsUnderFive_AndIsAudited()
    {
        // Arrange
        var s = await SchoolAsync();
        using var client = await App.CreateBearerClientAsync(await LeaderAsync(s.School, payAccess: true));
        var before = await ParityAuditsAsync();

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/parity?year={Year}");

        // Assert
        var groups = await GroupsAsync(response);
        Assert.Equal((40000m, false), (groups["teaching"].GetProperty("meanFteSalary").GetDecimal(), groups["teaching"].GetProperty("paySuppressed").GetBoolean()));
        // All support (6 paid) less learning support (5) would leave the business manager's pay: one of the two is not shown.
        var shown = new[] { "learning-support", "all-support" }.Where(g => !groups[g].GetProperty("paySuppressed").GetBoolean()).ToList();
        Assert.True(shown.Count <= 1, string.Join(", ", shown));
        if (shown is ["learning-support"])
        {
            Assert.Equal(24000m, groups["learning-support"].GetProperty("meanFteSalary").GetDecimal());
        }
        var business = groups["business"];
        Assert.True(business.GetProperty("paySuppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, business.GetProperty("meanFteSalary").ValueKind);
        Assert.Equal(JsonValueKind.Null, business.GetProperty("meanActualPay").ValueKind);
        Assert.Equal(before + 1, await ParityAuditsAsync());
    }

    [SkippableFact]
    public async Task Get_TrustParity_AddsTheTrustsSchools_PayOnlyForAnAdminWithPayAccess()
    {
        // Arrange: a second school of the trust with two teachers (10 h of CPD each, none paid), beside the first.
        var s = await SchoolAsync();
        var second = await Data.CreateSchoolAsync(s.Trust);
        var others = new[]
        {
            await Data.CreateStaffAsync(second, RoleFamily.Teaching, jobTitle: "Teacher", startDate: new DateOnly(2021, 9, 1)),
            await Data.CreateStaffAsync(second, RoleFamily.Teaching, jobTitle: "Teacher", startDate: new DateOnly(2021, 9, 1)),
        };
        AssertDone(await WithAsync<CpdActivities, Result<CpdActivity>>(a => a.RecordAsync(second.Id, new CpdActivityInput(
            "Behaviour hub", CpdKind.Course, null, new DateOnly(2025, 11, 3), new DateOnly(2025, 11, 3), 10m, 40m, null,
            others.Select(t => new AttendeeInput(t.Id)).ToList()), Leader)));
        var withPay = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: s.Trust);
        await Data.WithDbAsync(db => db.Users.Where(u => u.Id == withPay.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));
        using var payClient = await App.CreateBearerClientAsync(withPay);
        using var plainClient = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: s.Trust));
        using var leaderClient = await App.CreateBearerClientAsync(await LeaderAsync(s.School, payAccess: true));
        var before = await ParityAuditsAsync();

        // Act
        using var plain = await plainClient.GetAsync($"/api/trusts/{s.Trust.Code}/parity?year={Year}");
        using var paid = await payClient.GetAsync($"/api/trusts/{s.Trust.Code}/parity?year={Year}");
        using var byLeader = await leaderClient.GetAsync($"/api/trusts/{s.Trust.Code}/parity?year={Year}");
        using var unknown = await payClient.GetAsync($"/api/trusts/NO-SUCH-TRUST/parity?year={Year}");
        using var badYear = await payClient.GetAsync($"/api/trusts/{s.Trust.Code}/parity?year=twenty");

        // Assert: teaching is 7 people with 70 h: 10.00 per head; £580 ÷ 7 = £82.86. Pay of the 5 paid teachers only with pay access.
        var groups = await GroupsAsync(plain);
        Assert.Equal((7, 70m, 10.00m, 82.86m), (groups["teaching"].GetProperty("headcount").GetInt32(), groups["teaching"].GetProperty("cpdHours").GetDecimal(),
            groups["teaching"].GetProperty("cpdHoursPerHead").GetDecimal(), groups["teaching"].GetProperty("cpdCostPerHead").GetDecimal()));
        Assert.False(groups["teaching"].TryGetProperty("meanFteSalary", out _));
        var withPayGroups = await GroupsAsync(paid);
        Assert.Equal(40000m, withPayGroups["teaching"].GetProperty("meanFteSalary").GetDecimal());
        Assert.Equal(before + 1, await ParityAuditsAsync());
        await ApiAssert.ProblemAsync(byLeader, HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(badYear, HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task Get_ParityOrCpd_BadYearUnknownSchoolOrOutOfScope_AreProblems()
    {
        // Arrange
        var s = await SchoolAsync();
        using var leader = await App.CreateBearerClientAsync(await LeaderAsync(s.School, payAccess: true));
        using var staff = await App.CreateBearerClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Tas[0]));
        using var anonymous = App.CreateClient();

        // Act and assert
        foreach (var path in new[] { "parity", "cpd" })
        {
            await ApiAssert.ProblemAsync(await leader.GetAsync($"/api/schools/{s.School.Urn}/{path}"), HttpStatusCode.BadRequest);
            await ApiAssert.ProblemAsync(await leader.GetAsync($"/api/schools/{s.School.Urn}/{path}?year=twenty"), HttpStatusCode.BadRequest);
            await ApiAssert.ProblemAsync(await leader.GetAsync($"/api/schools/99999999/{path}?year={Year}"), HttpStatusCode.NotFound);
            await ApiAssert.ProblemAsync(await staff.GetAsync($"/api/schools/{s.School.Urn}/{path}?year={Year}"), HttpStatusCode.Forbidden);
            await ApiAssert.ProblemAsync(await anonymous.GetAsync($"/api/schools/{s.School.Urn}/{path}?year={Year}"), HttpStatusCode.Unauthorized);
        }
        await ApiAssert.ProblemAsync(await leader.GetAsync($"/api/schools/{s.School.Urn}/parity?year={Year}&since=2026"), HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task Get_Cpd_GivesEachPersonsHoursCostAndActivities()
    {
        // Arrange
        var s = await SchoolAsync();
        using var client = await App.CreateBearerClientAsync(await LeaderAsync(s.School, payAccess: false));

        // Act
        using var response = await client.GetAsync($"/api/schools/{s.School.Urn}/cpd?year={Year}");

        // Assert
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var document = JsonDocument.Parse(body);
        var people = document.RootElement.GetProperty("people").EnumerateArray().ToDictionary(p => p.GetProperty("staffRef").GetString()!);
        Assert.Equal(11, people.Count);
        var ta = people[s.Tas[0].StaffRef];
        Assert.Equal((3m, 0m, "learning-support"), (ta.GetProperty("hours").GetDecimal(), ta.GetProperty("cost").GetDecimal(), ta.GetProperty("roleFamily").GetString()));
        var activity = Assert.Single(ta.GetProperty("activities").EnumerateArray());
        Assert.Equal(("Phonics refresher", "inset", "2026-01-05"), (activity.GetProperty("title").GetString(), activity.GetProperty("kind").GetString(), activity.GetProperty("start").GetString()));
        Assert.Equal((10m, 100m), (people[s.Teachers[2].StaffRef].GetProperty("hours").GetDecimal(), people[s.Teachers[2].StaffRef].GetProperty("cost").GetDecimal()));
        Assert.Empty(people[s.Manager.StaffRef].GetProperty("activities").EnumerateArray());
    }

    [SkippableFact]
    public async Task Get_OpenApiDocument_DocumentsParityAndCpd()
    {
        // Arrange
        using var client = App.CreateClient();

        // Act
        using var response = await client.GetAsync("/openapi/v1.json");

        // Assert
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/schools/{urn}/parity", paths);
        Assert.Contains("/api/schools/{urn}/cpd", paths);
        Assert.Contains("/api/trusts/{code}/parity", paths);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ParityWithPayDto").ValueKind == JsonValueKind.Object);
        Assert.True(schemas.GetProperty("ParityGroupWithPayDto").GetProperty("properties").TryGetProperty("paySuppressed", out _));
    }
}
