using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Authorization;

/// <summary>
/// The access scope is cached per account (docs/decisions/0008-caching.md), yet a change to what it is built from
/// takes effect on the next request, even when another server on the same database made it (a context of its own).
/// </summary>
public abstract class ScopeCacheTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ScopeCacheTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ScopeCacheTests(app), IClassFixture<PostgresAppFactory>;

    [SkippableFact]
    public async Task Get_PersonMovedToAnotherLineManager_IsNoLongerTheirs()
    {
        // Arrange: the manager opens their report's record, so their scope is cached
        var school = await Data.CreateSchoolAsync();
        var manager = await Data.CreateStaffAsync(school, firstName: "Mo");
        var other = await Data.CreateStaffAsync(school, firstName: "Ola");
        var report = await Data.CreateStaffAsync(school, lineManager: manager, firstName: "Raj");
        using var client = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: manager));
        using (var before = await client.GetAsync($"/staff/{report.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Act: another server gives the report to another manager
        await using (var db = App.Database.CreateContext())
        {
            (await db.StaffMembers.SingleAsync(s => s.Id == report.Id)).LineManagerId = other.Id;
            await db.SaveChangesAsync();
        }
        using var after = await client.GetAsync($"/staff/{report.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [SkippableFact]
    public async Task Get_LeaderMadeALineManager_NoLongerLeadsTheSchool()
    {
        // Arrange: the leader opens a colleague's record, so their scope is cached
        var school = await Data.CreateSchoolAsync();
        var leader = await Data.CreateStaffAsync(school, firstName: "Lee");
        var colleague = await Data.CreateStaffAsync(school, firstName: "Col");
        var account = await Data.CreateUserAsync(UserRole.SchoolLeader, school: school, staff: leader);
        using var client = await App.CreateSignedInClientAsync(account);
        using (var before = await client.GetAsync($"/staff/{colleague.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Act: another server changes the account's role, with a new security stamp as Identity does
        await using (var db = App.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == account.Id);
            user.Role = UserRole.LineManager;
            user.SecurityStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
        }
        using var after = await client.GetAsync($"/staff/{colleague.Id}");

        // Assert: the account's row is read in every request, so the new role counts at once
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }
}
