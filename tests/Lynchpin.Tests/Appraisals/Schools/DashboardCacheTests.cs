using System.Net;
using System.Text.Json;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Appraisals.Schools;

/// <summary>
/// The appraisal dashboards are cached per school at its data version (docs/decisions/0008-caching.md): every write
/// shows on the next read of the school's page, its API and the trust's roll-up, whether the app made it or another
/// server on the same database did. Numbers from the hand-checked school (<see cref="SchoolAppraisalTest"/>).
/// </summary>
public abstract class DashboardCacheTests(LynchpinAppFactory app) : SchoolAppraisalTest(app)
{
    public sealed class Sqlite(SqliteMarchAppFactory app) : DashboardCacheTests(app), IClassFixture<SqliteMarchAppFactory>;

    public sealed class Postgres(PostgresMarchAppFactory app) : DashboardCacheTests(app), IClassFixture<PostgresMarchAppFactory>;

    [SkippableFact]
    public async Task Get_AfterWritesHereAndOnAnotherServer_ShowsEachAtOnce()
    {
        // Arrange: read the school's page, its API and the trust's roll-up once, so each is cached
        var trust = await Data.CreateTrustAsync();
        var s = await HandCheckedAsync(trust);
        var head = await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School, staff: s.A);
        using var page = await App.CreateSignedInClientAsync(head);
        using var api = await App.CreateBearerClientAsync(head);
        using var admin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust));
        async Task<(string People, string Agreed)> SchoolPageAsync()
        {
            var document = await PageAsync(page, $"/schools/{s.School.Urn}/appraisal?year=2025");
            return (Row(document, "objectives-table", "With an appraisal")[0], Row(document, "objectives-table", "Objectives agreed")[0]);
        }
        async Task<(int People, int Agreed)> ApiAsync()
        {
            using var response = await api.GetAsync($"/api/schools/{s.School.Urn}/appraisal?year=2025");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (body.RootElement.GetProperty("staff").GetInt32(), body.RootElement.GetProperty("objectivesAgreed").GetInt32());
        }
        async Task<IReadOnlyList<string>> TrustRowAsync() =>
            Row(await PageAsync(admin, $"/trusts/{trust.Code}/appraisal?year=2025"), "trust-table", s.School.Name).Take(2).ToList();
        Assert.Equal(("7", "4"), await SchoolPageAsync());
        Assert.Equal((7, 4), await ApiAsync());
        Assert.Equal(["7", "4 (57%)"], await TrustRowAsync());

        // Act: the head's own objectives are agreed, through the app's services
        await AgreedAsync(s.A);

        // Assert
        Assert.Equal(("7", "5"), await SchoolPageAsync());
        Assert.Equal((7, 5), await ApiAsync());
        Assert.Equal(["7", "5 (71%)"], await TrustRowAsync());

        // Act: another server on the same database records that Gus left on 1 March
        await using (var other = App.Database.CreateContext())
        {
            var gus = await other.StaffMembers.SingleAsync(p => p.Id == s.G.Id);
            gus.LeavingDate = new DateOnly(2026, 3, 1);
            await other.SaveChangesAsync();
        }

        // Assert
        Assert.Equal(("6", "5"), await SchoolPageAsync());
        Assert.Equal((6, 5), await ApiAsync());
        Assert.Equal(["6", "5 (83%)"], await TrustRowAsync());
    }
}
