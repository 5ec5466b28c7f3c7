using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Careers;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Pay;

/// <summary>
/// Who reads a person's pay, and the trail it leaves. The school:
/// <code>
/// Head (SLT) ── Business manager (SLT, a school leader with pay access) ── Teaching assistant
/// </code>
/// The business manager reads the TA's pay, never her own nor the head's (above her); a trust admin with pay access reads
/// the head's. Every read is a row in the trust's audit trail, with the school, the person and the channel.
/// </summary>
public abstract class PayAccessTests(LynchpinAppFactory app) : CareersTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : PayAccessTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : PayAccessTests(app), IClassFixture<PostgresAppFactory>;

    private sealed record People(Trust Trust, School School, StaffMember Head, StaffMember BusinessManager, StaffMember Ta, TestUser BusinessManagerAccount);

    private async Task<People> SchoolAsync()
    {
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var head = await Data.CreateStaffAsync(school, RoleFamily.Teaching, slt: true, jobTitle: "Headteacher");
        var bm = await Data.CreateStaffAsync(school, RoleFamily.Business, head, slt: true, qts: false, jobTitle: "School Business Manager");
        var ta = await Data.CreateStaffAsync(school, RoleFamily.LearningSupport, bm, jobTitle: "Teaching Assistant");
        await Data.WithDbAsync(async db =>
        {
            db.PayRecords.AddRange(new[] { (head, 91234m), (bm, 52345m), (ta, 24567m) }.Select(p =>
                new PayRecord { StaffMemberId = p.Item1.Id, Year = 2025, Scale = "Own", FteSalary = p.Item2, RecordedByName = "Test" }));
            return await db.SaveChangesAsync();
        });
        var account = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: bm);
        await GivePayAccessAsync(account);
        return new People(trust, school, head, bm, ta, account);
    }

    private Task GivePayAccessAsync(TestUser user) =>
        Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));

    private Task<List<AuditEvent>> PayReadsAsync(StaffMember person) =>
        Data.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.PayRecordsRead && e.StaffMemberId == person.Id).ToListAsync());

    [SkippableFact]
    public async Task Get_PayAsBusinessManagerWithPayAccess_TheTasOnly_NeitherHerOwnNorTheHeadsAbove()
    {
        // Arrange
        var p = await SchoolAsync();
        using var client = await App.CreateSignedInClientAsync(p.BusinessManagerAccount);

        // Act
        using var ta = await client.GetAsync($"/staff/{p.Ta.Id}/pay");
        using var own = await client.GetAsync($"/staff/{p.BusinessManager.Id}/pay");
        using var head = await client.GetAsync($"/staff/{p.Head.Id}/pay");
        using var headRecord = await client.GetAsync($"/staff/{p.Head.Id}");

        // Assert
        Assert.Contains("24,567", (await PageAssert.OkAsync(ta)).Body!.TextContent);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (own.StatusCode, head.StatusCode));
        Assert.DoesNotContain("52,345", await own.Content.ReadAsStringAsync());
        Assert.DoesNotContain("91,234", await head.Content.ReadAsStringAsync());
        Assert.Null((await PageAssert.OkAsync(headRecord)).QuerySelector("#pay-link"));
        Assert.Single(await PayReadsAsync(p.Ta));
        Assert.Empty(await PayReadsAsync(p.Head));
        Assert.Empty(await PayReadsAsync(p.BusinessManager));
    }

    [SkippableFact]
    public async Task Get_HeadsPayAsTrustAdminWithPayAccess_IsShown_AndWithoutItRefused()
    {
        // Arrange
        var p = await SchoolAsync();
        var withPay = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: p.Trust);
        await GivePayAccessAsync(withPay);
        using var payClient = await App.CreateSignedInClientAsync(withPay);
        using var plainClient = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: p.Trust));

        // Act
        using var shown = await payClient.GetAsync($"/staff/{p.Head.Id}/pay");
        using var refused = await plainClient.GetAsync($"/staff/{p.Head.Id}/pay");

        // Assert
        Assert.Contains("91,234", (await PageAssert.OkAsync(shown)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(await PayReadsAsync(p.Head));
    }

    [SkippableFact]
    public async Task Get_PayRead_IsInTheTrustsAuditTrailWithSchoolPersonAndChannel()
    {
        // Arrange
        var p = await SchoolAsync();
        using var client = await App.CreateSignedInClientAsync(p.BusinessManagerAccount);
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: p.Trust);
        using var adminClient = await App.CreateSignedInClientAsync(admin);

        // Act
        using var read = await client.GetAsync($"/staff/{p.Ta.Id}/pay");
        using var trail = await adminClient.GetAsync($"/trusts/{p.Trust.Code}/audit?kind=pay");

        // Assert
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var row = Assert.Single(await PayReadsAsync(p.Ta));
        Assert.Equal((p.Trust.Id, p.School.Id, AuditRecordTypes.Pay, AuditChannel.Page, p.BusinessManagerAccount.Id),
            (row.TrustId!.Value, row.SchoolId!.Value, row.RecordType, row.Channel!.Value, row.UserId));
        Assert.Contains("2025/26", row.Detail);
        Assert.Contains(AuditActions.PayRecordsRead, (await PageAssert.OkAsync(trail)).Body!.TextContent);
    }

    [SkippableFact]
    public async Task Get_ParityWithPay_IsAuditedOncePerReportInTheTrail_AndNoPersonsPayIsRead()
    {
        // Arrange
        var p = await SchoolAsync();
        using var page = await App.CreateSignedInClientAsync(p.BusinessManagerAccount);
        using var api = await App.CreateBearerClientAsync(p.BusinessManagerAccount);

        // Act
        using var fromPage = await page.GetAsync($"/schools/{p.School.Urn}/parity?year=2025");
        using var fromApi = await api.GetAsync($"/api/schools/{p.School.Urn}/parity?year=2025");

        // Assert: three people, so every group's pay is suppressed; the reads are the school's, one a page and one the API.
        Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromApi.StatusCode);
        var body = await fromPage.Content.ReadAsStringAsync() + await fromApi.Content.ReadAsStringAsync();
        Assert.DoesNotContain("24567", body.Replace(",", ""));
        Assert.DoesNotContain("52345", body.Replace(",", ""));
        var rows = await Data.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.ParityPayRead && e.SchoolId == p.School.Id)
            .OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditChannel.Page, AuditChannel.Api], rows.Select(r => r.Channel!.Value));
        Assert.All(rows, r => Assert.Equal(p.Trust.Id, r.TrustId));
        Assert.Empty(await PayReadsAsync(p.Ta));
    }

    [SkippableFact]
    public async Task Get_OrdinaryExportsAndApi_CarryNoPay()
    {
        // Arrange
        var p = await SchoolAsync();
        using var client = await App.CreateSignedInClientAsync(p.BusinessManagerAccount);
        using var api = await App.CreateBearerClientAsync(p.BusinessManagerAccount);

        // Act
        using var profile = await client.GetAsync($"/schools/{p.School.Urn}/profile/export?format=csv");
        using var staff = await api.GetAsync($"/api/schools/{p.School.Urn}/staff");
        using var cpd = await api.GetAsync($"/api/schools/{p.School.Urn}/cpd?year=2025");

        // Assert
        foreach (var response in new[] { profile, staff, cpd })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = (await response.Content.ReadAsStringAsync()).Replace(",", "");
            Assert.DoesNotContain("24567", text);
            Assert.DoesNotContain("salary", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
