using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Pay;
using Lynchpin.Tests.Careers;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Pay;

/// <summary>
/// The parity report and a person's pay page over HTTP: pay figures only for an account with pay access, every such read
/// in the audit trail; everyone else sees the development figures, or is refused.
/// </summary>
public abstract class ParityPageTests(LynchpinAppFactory app) : CareersTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ParityPageTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : ParityPageTests(app), IClassFixture<PostgresAppFactory>;

    private const int Year = 2025;

    private sealed record Paid(Trust Trust, School School, List<StaffMember> Teachers, List<StaffMember> Tas);

    /// <summary>Five teachers on £40,000 and five TAs on £24,000 (FTE), all with pay records for the year.</summary>
    private async Task<Paid> SchoolAsync()
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
        await Data.WithDbAsync(async db =>
        {
            db.PayRecords.AddRange(teachers.Select(t => new PayRecord { StaffMemberId = t.Id, Year = Year, Scale = "MPS", Point = 4, FteSalary = 40000m, RecordedByName = "Test" }));
            db.PayRecords.AddRange(tas.Select(t => new PayRecord { StaffMemberId = t.Id, Year = Year, Scale = "NJC", Point = 8, FteSalary = 24000m, RecordedByName = "Test" }));
            return await db.SaveChangesAsync();
        });
        return new Paid(trust, school, teachers, tas);
    }

    private Task GivePayAccessAsync(TestUser user) =>
        Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));

    private Task<int> AuditCountAsync(string action) => Data.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == action));

    [SkippableFact]
    public async Task Get_ParityAsLeaderWithPayAccess_ShowsPayAndAuditsTheRead()
    {
        // Arrange
        var s = await SchoolAsync();
        var user = await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School);
        await GivePayAccessAsync(user);
        using var client = await App.CreateSignedInClientAsync(user);
        var before = await AuditCountAsync(AuditActions.ParityPayRead);

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/parity?year={Year}");

        // Assert
        var page = await PageAssert.OkAsync(response);
        Assert.Equal("£40,000", PageAssert.Text(page.QuerySelector("#parity-table tr[data-group='teaching'] [data-col='pay']")));
        Assert.Equal("£24,000", PageAssert.Text(page.QuerySelector("#parity-table tr[data-group='learning-support'] [data-col='pay']")));
        Assert.Equal("5", PageAssert.Text(page.QuerySelector("#parity-table tr[data-group='learning-support'] [data-col='headcount']")));
        Assert.NotNull(page.QuerySelector("canvas#parity-chart"));
        Assert.Equal(before + 1, await AuditCountAsync(AuditActions.ParityPayRead));
    }

    [SkippableFact]
    public async Task Get_ParityAsLeaderWithoutPayAccess_ShowsNoPayAndAuditsNothing()
    {
        // Arrange
        var s = await SchoolAsync();
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        var before = await AuditCountAsync(AuditActions.ParityPayRead);

        // Act
        using var response = await client.GetAsync($"/schools/{s.School.Urn}/parity?year={Year}");

        // Assert
        var page = await PageAssert.OkAsync(response);
        Assert.Equal("5", PageAssert.Text(page.QuerySelector("#parity-table tr[data-group='teaching'] [data-col='headcount']")));
        Assert.Empty(page.QuerySelectorAll("[data-col='pay']"));
        Assert.DoesNotContain("40,000", page.Body!.TextContent);
        Assert.Equal(before, await AuditCountAsync(AuditActions.ParityPayRead));
    }

    [SkippableFact]
    public async Task Get_ParityOfATrustAsItsAdminWithPayAccess_ShowsPay()
    {
        // Arrange
        var s = await SchoolAsync();
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: s.Trust);
        await GivePayAccessAsync(admin);
        using var client = await App.CreateSignedInClientAsync(admin);

        // Act
        using var response = await client.GetAsync($"/trusts/{s.Trust.Code}/parity?year={Year}");

        // Assert
        var page = await PageAssert.OkAsync(response);
        Assert.Equal("£24,000", PageAssert.Text(page.QuerySelector("#parity-table tr[data-group='learning-support'] [data-col='pay']")));
    }

    [SkippableFact]
    public async Task Get_ParityOrPayAsStaffOrLeaderOfAnotherSchool_Is403()
    {
        // Arrange
        var s = await SchoolAsync();
        var other = await Data.CreateSchoolAsync(s.Trust);
        var outsider = await Data.CreateUserAsync(UserRole.SchoolLeader, school: other);
        await GivePayAccessAsync(outsider);
        using var outsiderClient = await App.CreateSignedInClientAsync(outsider);
        using var staffClient = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: s.Tas[0]));
        var before = await AuditCountAsync(AuditActions.PayRecordsRead);

        // Act
        using var byStaff = await staffClient.GetAsync($"/schools/{s.School.Urn}/parity?year={Year}");
        using var ownPay = await staffClient.GetAsync($"/staff/{s.Tas[0].Id}/pay");
        using var byOutsider = await outsiderClient.GetAsync($"/schools/{s.School.Urn}/parity?year={Year}");
        using var outsiderPay = await outsiderClient.GetAsync($"/staff/{s.Tas[0].Id}/pay");
        using var trustPage = await staffClient.GetAsync($"/trusts/{s.Trust.Code}/parity");

        // Assert
        Assert.All([byStaff, ownPay, byOutsider, outsiderPay, trustPage], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, await AuditCountAsync(AuditActions.PayRecordsRead));
    }

    [SkippableFact]
    public async Task Get_PersonsPayAsLeader_OnlyWithPayAccess_AndTheReadIsAudited()
    {
        // Arrange
        var s = await SchoolAsync();
        var withAccess = await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School);
        await GivePayAccessAsync(withAccess);
        using var payClient = await App.CreateSignedInClientAsync(withAccess);
        using var plainClient = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School));
        var before = await AuditCountAsync(AuditActions.PayRecordsRead);

        // Act
        using var refused = await plainClient.GetAsync($"/staff/{s.Tas[0].Id}/pay");
        using var shown = await payClient.GetAsync($"/staff/{s.Tas[0].Id}/pay");
        using var staffPage = await plainClient.GetAsync($"/staff/{s.Tas[0].Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await PageAssert.OkAsync(shown);
        Assert.Contains("24,000", page.Body!.TextContent);
        Assert.Equal(before + 1, await AuditCountAsync(AuditActions.PayRecordsRead));
        Assert.Null((await PageAssert.OkAsync(staffPage)).QuerySelector("#pay-link"));
    }

    [SkippableFact]
    public async Task Post_PayWithoutASalary_IsA400WithTheError_AndNothingSaved()
    {
        // Arrange
        var s = await SchoolAsync();
        var user = await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School);
        await GivePayAccessAsync(user);
        using var client = await App.CreateSignedInClientAsync(user);

        // Act
        using var response = await PageForms.SubmitAsync(client, $"/staff/{s.Tas[1].Id}/pay", "Input.FteSalary",
            new Dictionary<string, string> { ["Input.Year"] = "2026", ["Input.Scale"] = "NJC", ["Input.FteSalary"] = "" });

        // Assert
        await PageAssert.FormErrorsAsync(response, "Input_FteSalary");
        Assert.Equal(1, await Data.WithDbAsync(db => db.PayRecords.CountAsync(p => p.StaffMemberId == s.Tas[1].Id)));
    }
}
