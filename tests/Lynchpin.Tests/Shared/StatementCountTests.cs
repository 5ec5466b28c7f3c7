using System.Net;
using Lynchpin.Core.Data;
using Lynchpin.Core.Data.Models;
using Lynchpin.Demo;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Shared;

/// <summary>The demo trust, with every SQL statement a request runs counted (<see cref="StatementCounter"/>).</summary>
public abstract class CountingAppFactory(DatabaseProvider provider) : LynchpinAppFactory(provider, demo: true)
{
    public StatementCounter Statements => Services.GetRequiredService<StatementCounter>();

    protected override void ConfigureTestServices(IServiceCollection services) => StatementCounter.AddTo(services);
}

public sealed class SqliteCountingAppFactory() : CountingAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresCountingAppFactory() : CountingAppFactory(DatabaseProvider.Postgres);

/// <summary>
/// The load run's pages and API calls (docs/performance.md) on the demo trust, each held to a fixed number of SQL
/// statements: once just after a change to every school (nothing cached: what an N+1 would multiply) and once again
/// (from the caches). A count, not a timing. A new query on one of these pages raises its number here, on purpose.
/// </summary>
public abstract class StatementCountTests(CountingAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteCountingAppFactory app) : StatementCountTests(app), IClassFixture<SqliteCountingAppFactory>;

    public sealed class Postgres(PostgresCountingAppFactory app) : StatementCountTests(app), IClassFixture<PostgresCountingAppFactory>;

    private const string Head = "head", TrustAdmin = "trust admin", HeadToken = "head, token", TrustAdminToken = "trust admin, token";

    /// <summary>
    /// Who, the request ({urn}, {code} and {person} filled in), at most this many statements after a change, and again.
    /// A page signed in by cookie reads its server-side session too (one statement more than by token). Since careers and
    /// coaching landed: one more after a change (the schools a person works in, staff_school_hours) and, for a staff
    /// member's own account, one more every time (the coaching roles they hold, for the navigation). Since the first-week
    /// work (issue 14): home lists the head's visits today and this week, visits not written up and the school's visits this
    /// week (three more every time) and the stages to record (two more after a change, then cached); the school profile's
    /// movement is between the last two due checkpoints, a second transitions query (one more after a change); the trust
    /// profile reads every school's checkpoint dates to pick the latest due at all of them (one more after a change). Home
    /// also lists the person's imports that failed (one more every time: the audit trail of the last fortnight). The school
    /// profile's "what can you do to improve it?" (issue 18) reads the people in post and their last three checkpoints'
    /// assessments (two more every time: lists of people, not cached). A person's page says whether they are due a
    /// professional conversation (issue 18): the school's term dates and their conversations in brief (two more every time).
    /// The profile's held people each show who could help them (issue 18 item 2), for all of them at once: the framework,
    /// the people and their latest stages, the trust's schools, the learning roles and what the sharers met (seven more
    /// every time, not cached; the number does not grow with the people held).
    /// </summary>
    public static TheoryData<string, string, int, int> HotRequests => new()
    {
        // The home page: the appraisal tasks and the CPD tasks (three statements: budgets, requests, attendances).
        { Head, "/", 22, 17 },
        { Head, "/staff", 9, 6 },
        // The head has pay access: whether the pay link shows asks if the person is a head or above her (two statements).
        { Head, "/staff/{person}", 18, 15 },
        { Head, "/schools/{urn}/profile?year=2025", 34, 16 },
        { TrustAdmin, "/trusts/{code}/profile?year=2025", 12, 5 },
        { Head, "/schools/{urn}/appraisal?year=2025", 13, 8 },
        { TrustAdmin, "/trusts/{code}/appraisal?year=2025", 10, 5 },
        { Head, "/schools/{urn}/observations/coverage?from=2025-09-01&to=2026-08-31", 15, 12 },
        { HeadToken, "/api/schools/{urn}/profile?year=2025", 8, 3 },
        { TrustAdminToken, "/api/trusts/{code}/profile?year=2025", 15, 4 },
        { HeadToken, "/api/schools/{urn}/appraisal?year=2025", 8, 3 },
        { HeadToken, "/api/schools/{urn}/staff", 7, 4 },
    };

    [SkippableTheory]
    [MemberData(nameof(HotRequests))]
    public async Task Get_HotRequest_RunsNoMoreStatementsThanItsNumber(string who, string request, int afterChange, int again)
    {
        // Arrange
        using var client = await ClientAsync(who);
        var url = await UrlAsync(request);
        await ChangeEverySchoolAsync();

        // Act
        var first = await StatementsAsync(client, url);
        var second = await StatementsAsync(client, url);

        // Assert
        Assert.True(first.Count <= afterChange && second.Count <= again,
            $"GET {url} ran {first.Count} statements after a change (at most {afterChange}) and {second.Count} again (at most {again}).\n"
            + Listing(first.Count > afterChange ? first : second));
    }

    private async Task<IReadOnlyList<string>> StatementsAsync(HttpClient client, string url)
    {
        var id = Guid.NewGuid().ToString();
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Add(StatementCounter.Header, id);
        using var response = await client.SendAsync(message);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return ((CountingAppFactory)App).Statements.Of(id);
    }

    private static string Listing(IReadOnlyList<string> statements) => string.Join("\n----\n", statements);

    /// <summary>A save that changes every school, as an edit would: no cached aggregate or access scope is current after it.</summary>
    private async Task ChangeEverySchoolAsync()
    {
        await using var db = App.Database.CreateContext();
        foreach (var school in await db.Schools.ToListAsync())
        {
            db.Entry(school).State = EntityState.Modified;
        }
        await db.SaveChangesAsync();
    }

    private async Task<HttpClient> ClientAsync(string who)
    {
        var email = who is Head or HeadToken ? DemoData.HeadEmail : DemoData.TrustAdminEmail;
        var account = await Data.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        var user = new TestUser(account.Id, email, DemoData.Password, account.Role);
        return who is HeadToken or TrustAdminToken ? await App.CreateBearerClientAsync(user) : await App.CreateSignedInClientAsync(user);
    }

    private async Task<string> UrlAsync(string request)
    {
        // A teacher of the head's school with a line manager, as the load run opens.
        var person = await Data.WithDbAsync(db => db.StaffMembers
            .Where(s => s.School.Urn == DemoData.SecondaryUrn && s.RoleFamily == RoleFamily.Teaching && s.LineManagerId != null)
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        return request.Replace("{urn}", $"{DemoData.SecondaryUrn}").Replace("{code}", DemoData.TrustCode).Replace("{person}", $"{person}");
    }
}
