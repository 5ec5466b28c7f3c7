using System.Net;
using System.Text;
using System.Text.Json;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Progression.Profile;

/// <summary>
/// The profiles are cached per school at its data version (docs/decisions/0008-caching.md): every write shows on the
/// next read, through the pages and the API, whether the app made it (an import) or another server on the same
/// database did (a context of its own, which this app's cache never hears of). Numbers from <see cref="ProfileScenario"/>.
/// </summary>
public abstract class ProfileCacheTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : ProfileCacheTests(app), IClassFixture<SqliteAppFactory>;

    public sealed class Postgres(PostgresAppFactory app) : ProfileCacheTests(app), IClassFixture<PostgresAppFactory>;

    private sealed record Views(ProfileScenario S, Trust Trust, HttpClient Head, HttpClient HeadApi, HttpClient Admin) : IDisposable
    {
        public string SchoolPage => $"/schools/{S.School.Urn}/profile?year=2025";

        public string TrustPage => $"/trusts/{Trust.Code}/profile?year=2025&checkpoint=4";

        public void Dispose()
        {
            Head.Dispose();
            HeadApi.Dispose();
            Admin.Dispose();
        }
    }

    private async Task<Views> CreateAsync()
    {
        var trust = await Data.CreateTrustAsync();
        var s = await ProfileScenario.CreateAsync(App, trust);
        var head = await Data.CreateUserAsync(UserRole.SchoolLeader, school: s.School, staff: s.A);
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust);
        return new Views(s, trust, await App.CreateSignedInClientAsync(head), await App.CreateBearerClientAsync(head),
            await App.CreateSignedInClientAsync(admin));
    }

    /// <summary>Checkpoint 4 from the API: how many were not assessed, and how many were in post.</summary>
    private static async Task<(int NotAssessed, int InPost)> ApiCheckpoint4Async(Views v)
    {
        using var response = await v.HeadApi.GetAsync($"/api/schools/{v.S.School.Urn}/profile?year=2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checkpoint = body.RootElement.GetProperty("checkpoints")[3];
        var notAssessed = checkpoint.GetProperty("notAssessed").GetInt32();
        return (notAssessed, notAssessed + checkpoint.GetProperty("stages").EnumerateObject().Sum(s => s.Value.GetInt32()));
    }

    /// <summary>The school's row of the trust view at checkpoint 4: not assessed, in post.</summary>
    private static async Task<(string NotAssessed, string InPost)> TrustRowAsync(Views v)
    {
        var row = ProfilePage.Row(await ProfilePage.GetAsync(v.Admin, v.TrustPage), "trust-table", v.S.School.Name);
        return (row[7], row[8]);
    }

    [SkippableFact]
    public async Task Post_ImportAfterTheProfilesWereRead_ShowsOnEveryProfileAtOnce()
    {
        // Arrange: read everything once, so each is cached
        var v = await CreateAsync();
        Assert.Equal(["1 (25%)", "1 (20%)", "2 (50%)", "1 (25%)"], ProfilePage.Row(await ProfilePage.GetAsync(v.Head, v.SchoolPage), "checkpoint-table", "Not assessed"));
        Assert.Equal((1, 4), await ApiCheckpoint4Async(v));
        Assert.Equal(("1 (25%)", "4"), await TrustRowAsync(v));

        // Act: Eve, never assessed, is assessed at checkpoint 4 through the import page
        var url = $"/schools/{v.S.School.Urn}/import-assessments";
        using var page = await v.Head.GetAsync(url);
        var form = Html.FormWithField(await Html.ParseAsync(page), "Upload");
        var file = Encoding.UTF8.GetBytes("staff_ref,year,checkpoint,stage,assessed_on,assessor_ref,note\n" +
            $"{v.S.E.StaffRef},2025,4,3,2026-07-14,{v.S.A.StaffRef},\n");
        using var imported = await Html.SubmitWithFileAsync(v.Head, form, Html.FormValues(form), "Upload", "assessments.csv", file, new Uri(v.Head.BaseAddress!, url));

        // Assert
        Assert.True(imported.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
            await Html.ErrorSummaryAsync(imported));
        Assert.Equal(["1 (25%)", "1 (20%)", "2 (50%)", "0 (0%)"], ProfilePage.Row(await ProfilePage.GetAsync(v.Head, v.SchoolPage), "checkpoint-table", "Not assessed"));
        Assert.Equal((0, 4), await ApiCheckpoint4Async(v));
        Assert.Equal(("0 (0%)", "4"), await TrustRowAsync(v));
    }

    [SkippableFact]
    public async Task Get_AfterAnotherServerChangedTheStaff_ShowsTheChangeAtOnce()
    {
        // Arrange: read everything once, so each is cached
        var v = await CreateAsync();
        Assert.Equal(["4", "5", "4", "4"], ProfilePage.Row(await ProfilePage.GetAsync(v.Head, v.SchoolPage), "checkpoint-table", "In post"));
        Assert.Equal((1, 4), await ApiCheckpoint4Async(v));
        Assert.Equal(("1 (25%)", "4"), await TrustRowAsync(v));

        // Act: another server on the same database says Bea left in June, before checkpoint 4
        await using (var other = App.Database.CreateContext())
        {
            var bea = await other.StaffMembers.SingleAsync(p => p.Id == v.S.B.Id);
            bea.LeavingDate = new DateOnly(2026, 6, 30);
            await other.SaveChangesAsync();
        }

        // Assert
        Assert.Equal(["4", "5", "4", "3"], ProfilePage.Row(await ProfilePage.GetAsync(v.Head, v.SchoolPage), "checkpoint-table", "In post"));
        Assert.Equal((1, 3), await ApiCheckpoint4Async(v));
        Assert.Equal(("1 (33%)", "3"), await TrustRowAsync(v));
    }
}
