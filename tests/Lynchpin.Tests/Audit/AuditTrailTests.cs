using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lynchpin.Core.Audit;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Audit;

/// <summary>
/// Issue 11 (item 6): nobody could see the audit trail. A trust's admins now read theirs on /trusts/{code}/audit (filters,
/// CSV with every cell neutralised) and from GET /api/audit; nobody else may, no trust sees another's rows, and no row
/// can be changed or removed, not even by code that tries through the DbContext.
/// </summary>
public abstract class AuditTrailTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : AuditTrailTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : AuditTrailTests(app), IClassFixture<PostgresAppFactory>;

    private sealed record World(Trust Trust, School School, TestUser Admin, TestUser Teacher, TestUser Leader, Trust OtherTrust, School OtherSchool);

    /// <summary>A trust with a school, its admin, a teacher and a leader; another trust with a school and a row of its own.</summary>
    private async Task<World> WorldAsync()
    {
        var trust = await Data.CreateTrustAsync();
        var school = await Data.CreateSchoolAsync(trust);
        var other = await Data.CreateTrustAsync();
        var otherSchool = await Data.CreateSchoolAsync(other);
        var world = new World(trust, school,
            await Data.CreateUserAsync(UserRole.TrustAdmin, trust: trust),
            await Data.CreateUserAsync(UserRole.Staff, staff: await Data.CreateStaffAsync(school)),
            await Data.CreateUserAsync(UserRole.SchoolLeader, school: school),
            other, otherSchool);
        await AddRowAsync(new AuditEvent { At = DateTime.UtcNow, UserName = "other-trust@school.test", Action = AuditActions.AppraisalRead, SchoolId = otherSchool.Id, TrustId = other.Id });
        return world;
    }

    private Task AddRowAsync(AuditEvent row) => Data.WithDbAsync(async db =>
    {
        db.AuditEvents.Add(row);
        return await db.SaveChangesAsync();
    });

    private static Task<HttpResponseMessage> FailSignInAsync(HttpClient client, string email) =>
        PageForms.SubmitAsync(client, "/sign-in", "Input.Email", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Not-the-password-1" });

    [SkippableFact]
    public async Task Api_NoFiltersAsTrustAdmin_GivesTheTrustsLatestRowsWithFailedSignInsForItsAccountsAndNoOtherTrusts()
    {
        // Arrange: a failed sign-in for the teacher's account, and one for an email no account has.
        var world = await WorldAsync();
        var stranger = $"stranger{TestData.Unique()}@school.test";
        using (var anonymous = App.CreateClient())
        {
            (await FailSignInAsync(anonymous, world.Teacher.Email)).Dispose();
            (await FailSignInAsync(anonymous, stranger)).Dispose();
        }
        using var admin = await App.CreateSignedInClientAsync(world.Admin);

        // Act
        using var response = await admin.GetAsync("/api/audit");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        var failed = Assert.Single(rows, r => r.GetProperty("action").GetString() == AuditActions.SignInFailed);
        Assert.Equal((world.Teacher.Email, "Page", world.Teacher.Id), (failed.GetProperty("actor").GetString(), failed.GetProperty("channel").GetString(), failed.GetProperty("recordId").GetString()));
        Assert.DoesNotContain(rows, r => r.GetProperty("actor").GetString() is "other-trust@school.test" || r.GetProperty("actor").GetString() == stranger);
        Assert.Contains(rows, r => (r.GetProperty("action").GetString(), r.GetProperty("actor").GetString()) == (AuditActions.SignedIn, world.Admin.Email));
        var times = rows.Select(r => r.GetProperty("at").GetDateTime()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.False(body.GetProperty("more").GetBoolean());
    }

    [SkippableFact]
    public async Task Api_Filters_ByKindActorAndDates()
    {
        // Arrange
        var world = await WorldAsync();
        await AddRowAsync(new AuditEvent { At = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), UserName = "reader@school.test", Action = AuditActions.AppraisalRead, SchoolId = world.School.Id });
        await AddRowAsync(new AuditEvent { At = new DateTime(2026, 3, 11, 9, 0, 0, DateTimeKind.Utc), UserName = "reader@school.test", Action = AuditActions.Exported, SchoolId = world.School.Id });
        await AddRowAsync(new AuditEvent { At = new DateTime(2026, 3, 20, 9, 0, 0, DateTimeKind.Utc), UserName = "reader@school.test", Action = AuditActions.EvidenceRead, SchoolId = world.School.Id });
        using var admin = await App.CreateSignedInClientAsync(world.Admin);

        // Act
        var reads = await ActionsAsync(admin, "/api/audit?kind=reads&actor=READER@&from=2026-03-01&to=2026-03-15");
        var files = await ActionsAsync(admin, "/api/audit?kind=files&actor=reader@");
        var oneAction = await ActionsAsync(admin, $"/api/audit?kind={AuditActions.EvidenceRead}");

        // Assert
        Assert.Equal([AuditActions.AppraisalRead], reads);
        Assert.Equal([AuditActions.Exported], files);
        Assert.Equal([AuditActions.EvidenceRead], oneAction);
    }

    private static async Task<List<string?>> ActionsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
    }

    [SkippableFact]
    public async Task Api_NotATrustAdmin_IsRefusedAsProblemJson()
    {
        // Arrange
        var world = await WorldAsync();
        using var leader = await App.CreateSignedInClientAsync(world.Leader);
        using var teacher = await App.CreateSignedInClientAsync(world.Teacher);
        using var anonymous = App.CreateClient();

        // Act
        using var fromLeader = await leader.GetAsync("/api/audit");
        using var fromTeacher = await teacher.GetAsync("/api/audit");
        using var fromNobody = await anonymous.GetAsync("/api/audit");

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (fromLeader.StatusCode, fromTeacher.StatusCode, fromNobody.StatusCode));
        Assert.Equal("application/problem+json", fromLeader.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(AuditActions.SignedIn, await fromLeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Api_BadFilterOrAWrite_IsRefusedAndWithATokenItAnswers()
    {
        // Arrange
        var world = await WorldAsync();
        using var admin = App.CreateBearerClient((await Data.CreateApiTokenAsync(world.Admin)).Secret);
        using var signedIn = await App.CreateSignedInClientAsync(world.Admin);
        var before = await Data.WithDbAsync(db => db.AuditEvents.CountAsync());

        // Act
        using var badDate = await admin.GetAsync("/api/audit?from=2026-02-30");
        using var badKind = await admin.GetAsync("/api/audit?kind=everything");
        using var backwards = await admin.GetAsync("/api/audit?from=2026-03-02&to=2026-03-01");
        using var post = await signedIn.PostAsync("/api/audit", JsonContent.Create(new { action = "signed-in" }));
        using var delete = await signedIn.DeleteAsync("/api/audit");
        using var ok = await admin.GetAsync("/api/audit");

        // Assert
        Assert.All(new[] { badDate, badKind, backwards }, r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.Contains("\"kind\"", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // No write to the trail exists: the API has no such route.
        Assert.All(new[] { post, delete }, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(before, await Data.WithDbAsync(db => db.AuditEvents.CountAsync()));
    }

    [SkippableFact]
    public async Task Page_AsTrustAdmin_ListsTheTrustsRowsAndFilters()
    {
        // Arrange
        var world = await WorldAsync();
        using (var anonymous = App.CreateClient())
        {
            (await FailSignInAsync(anonymous, world.Teacher.Email)).Dispose();
        }
        using var admin = await App.CreateSignedInClientAsync(world.Admin);

        // Act
        using var all = await admin.GetAsync($"/trusts/{world.Trust.Code}/audit");
        using var failures = await admin.GetAsync($"/trusts/{world.Trust.Code}/audit?kind=failures");

        // Assert
        var document = await PageAssert.OkAsync(all);
        var actions = document.QuerySelectorAll("#audit tbody tr").Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Contains(AuditActions.SignInFailed, actions);
        Assert.Contains(AuditActions.SignedIn, actions);
        Assert.DoesNotContain("other-trust@school.test", PageAssert.Text(document.QuerySelector("#audit")));
        var filtered = await PageAssert.OkAsync(failures);
        var row = Assert.Single(filtered.QuerySelectorAll("#audit tbody tr"));
        Assert.Contains(world.Teacher.Email, PageAssert.Text(row));
        Assert.Equal("failures", filtered.QuerySelector("#Kind option[selected]")?.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Page_BadDates_Returns400WithTheErrorOnTheField()
    {
        // Arrange
        var world = await WorldAsync();
        using var admin = await App.CreateSignedInClientAsync(world.Admin);

        // Act
        using var response = await admin.GetAsync($"/trusts/{world.Trust.Code}/audit?from=2026-03-02&to=2026-03-01");

        // Assert
        var document = await PageAssert.FormErrorsAsync(response, "To");
        Assert.Null(document.QuerySelector("#audit"));
    }

    [SkippableFact]
    public async Task Page_NotTheTrustsAdmin_Is403()
    {
        // Arrange
        var world = await WorldAsync();
        using var leader = await App.CreateSignedInClientAsync(world.Leader);
        using var otherAdmin = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: world.OtherTrust));

        // Act
        using var fromLeader = await leader.GetAsync($"/trusts/{world.Trust.Code}/audit");
        using var csvFromLeader = await leader.GetAsync($"/trusts/{world.Trust.Code}/audit?handler=Csv");
        using var fromOtherTrust = await otherAdmin.GetAsync($"/trusts/{world.Trust.Code}/audit");

        // Assert
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (fromLeader.StatusCode, csvFromLeader.StatusCode, fromOtherTrust.StatusCode));
    }

    [SkippableFact]
    public async Task Csv_NeutralisesFormulaCellsAndIsItselfAudited()
    {
        // Arrange: a failed sign-in whose email tried is a formula, as an attacker would type it.
        var world = await WorldAsync();
        await AddRowAsync(new AuditEvent
        {
            At = DateTime.UtcNow,
            UserName = "=HYPERLINK(\"https://evil.test\",\"x\")",
            Action = AuditActions.SignInFailed,
            SchoolId = world.School.Id,
            Detail = "+SUM(1,2)",
            IpAddress = "@evil",
        });
        using var admin = await App.CreateSignedInClientAsync(world.Admin);

        // Act
        using var response = await admin.GetAsync($"/trusts/{world.Trust.Code}/audit?handler=Csv&kind=failures");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', AuditTrail.CsvColumns), lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.test\"\",\"\"x\"\")\"", row, StringComparison.Ordinal);
        Assert.Contains(",'@evil,", row, StringComparison.Ordinal);
        Assert.EndsWith(",\"'+SUM(1,2)\"", row, StringComparison.Ordinal);
        var export = await Data.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.UserId == world.Admin.Id && e.Action == AuditActions.Exported));
        Assert.Equal(world.Trust.Id, export.TrustId);
        Assert.StartsWith($"audit-{world.Trust.Code}-", export.Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DbContext_ChangingOrRemovingARow_IsRefusedAndTheRowStays()
    {
        // Arrange
        var world = await WorldAsync();
        var row = new AuditEvent { At = DateTime.UtcNow, UserName = "reader@school.test", Action = AuditActions.AppraisalRead, SchoolId = world.School.Id };
        await AddRowAsync(row);

        // Act
        var changed = await Record.ExceptionAsync(() => Data.WithDbAsync(async db =>
        {
            var stored = await db.AuditEvents.SingleAsync(e => e.Id == row.Id);
            stored.UserName = "someone-else@school.test";
            return await db.SaveChangesAsync();
        }));
        var removed = await Record.ExceptionAsync(() => Data.WithDbAsync(async db =>
        {
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(e => e.Id == row.Id));
            return await db.SaveChangesAsync();
        }));

        // Assert
        Assert.IsType<InvalidOperationException>(changed);
        Assert.IsType<InvalidOperationException>(removed);
        Assert.Equal("reader@school.test", await Data.WithDbAsync(db => db.AuditEvents.Where(e => e.Id == row.Id).Select(e => e.UserName).SingleAsync()));
    }
}
