using System.Net;
using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;

namespace Lynchpin.Tests.Authorization;

/// <summary>
/// Walks every route for every role and asserts who is let in. Every new page or endpoint adds its rows here.
/// The people are those of <see cref="TrustScenario"/>: a trust admin of trust A, the head of school A1 (a school leader),
/// a line manager two levels above a caretaker, a teacher with a Staff account, and a leader of school B1 in another trust.
/// </summary>
public abstract class RouteMatrixTests(LynchpinAppFactory app) : IntegrationTest(app)
{
    public sealed class Sqlite(SqliteAppFactory app) : RouteMatrixTests(app), IClassFixture<SqliteAppFactory>;
    public sealed class Postgres(PostgresAppFactory app) : RouteMatrixTests(app), IClassFixture<PostgresAppFactory>;

    public enum Who { Anonymous, TrustAdmin, Leader, LineManager, Staff, Outsider }

    private const int Ok = 200, Forbidden = 403, Unauthorized = 401;

    /// <summary>Not an HTTP code: a 302 to the sign-in page, told apart from a 302 after a saved form.</summary>
    private const int Login = 3020;

    /// <summary>Route template, then the expected status for Anonymous, TrustAdmin, Leader, LineManager, Staff, Outsider.</summary>
    private static readonly (string Route, int[] Expected)[] GetRoutes =
    [
        ("/health", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/sign-in", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/openapi/v1.json", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/staff", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/staff?school={A1}", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff?school={A2}", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Head}", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Manager}", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Caretaker}", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/staff/{Teacher}", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/staff/{Peer}", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Outsider}", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/staff/{Caretaker}/edit", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/staff/{Sibling}/edit", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/schools/{A1}", [Login, Ok, Ok, Ok, Ok, Forbidden]),
        ("/schools/{A2}", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/line-management", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/import-staff", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/staff/new", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/staff/new", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/account/tokens", [Login, Ok, Ok, Ok, Ok, Ok]),
        // Progression profile: leaders see their school's, a line manager their own team's at their school; the trust view is its admins' alone.
        ("/schools/{A1}/profile", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{A2}/profile", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/profile", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/schools/{A1}/profile/export?format=csv", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{A1}/profile/export?format=xlsx", [Login, Ok, Ok, Ok, Forbidden, Forbidden]),
        ("/schools/{B1}/profile/export?format=csv", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        ("/trusts/{TrustA}/profile", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/profile", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools", [Unauthorized, Ok, Ok, Ok, Ok, Ok]),
        ("/api/schools/{A1}/staff", [Unauthorized, Ok, Ok, Ok, Ok, Forbidden]),
        ("/api/schools/{A2}/staff", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/schools/{B1}/staff", [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
    ];

    /// <summary>Writes: a forbidden POST must be refused before anything changes.</summary>
    private static readonly (string Route, int[] Expected)[] PostRoutes =
    [
        ("/staff/{Caretaker}/edit", [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A1}/staff/new", [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
    ];

    /// <summary>A saved form redirects to the person's page (a 302 too, but not to sign-in).</summary>
    private const int Redirected = 302;

    private TrustScenario _people = null!;
    private Dictionary<Who, HttpClient> _clients = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _people = await TrustScenario.CreateAsync(Data);
        var outsiderLeader = await Data.CreateUserAsync(UserRole.SchoolLeader, school: _people.SchoolB1);
        _clients = new()
        {
            [Who.Anonymous] = App.CreateClient(),
            [Who.TrustAdmin] = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.TrustAdmin, trust: _people.TrustA)),
            [Who.Leader] = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.SchoolLeader, school: _people.SchoolA1, staff: _people.Head)),
            [Who.LineManager] = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.LineManager, staff: _people.Manager)),
            [Who.Staff] = await App.CreateSignedInClientAsync(await Data.CreateUserAsync(UserRole.Staff, staff: _people.Teacher)),
            [Who.Outsider] = await App.CreateSignedInClientAsync(outsiderLeader),
        };
    }

    public override Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        return base.DisposeAsync();
    }

    private string Resolve(string route) => route
        .Replace("{A1}", _people.SchoolA1.Urn.ToString()).Replace("{A2}", _people.SchoolA2.Urn.ToString())
        .Replace("{B1}", _people.SchoolB1.Urn.ToString())
        .Replace("{TrustA}", _people.TrustA.Code).Replace("{TrustB}", _people.TrustB.Code)
        .Replace("{Head}", _people.Head.Id.ToString()).Replace("{Manager}", _people.Manager.Id.ToString())
        .Replace("{Caretaker}", _people.Caretaker.Id.ToString()).Replace("{Teacher}", _people.Teacher.Id.ToString())
        .Replace("{Peer}", _people.Peer.Id.ToString()).Replace("{Sibling}", _people.Sibling.Id.ToString())
        .Replace("{Outsider}", _people.Outsider.Id.ToString());

    [SkippableFact]
    public async Task Get_EveryRouteAsEveryRole_AllowsOrForbidsAsTheMatrixSays()
    {
        var mismatches = new List<string>();
        foreach (var (route, expected) in GetRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await _clients[who].GetAsync(Resolve(route));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"GET {route} as {who}: expected {expected[(int)who]}, got {status}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [SkippableFact]
    public async Task Post_EveryWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var mismatches = new List<string>();
        foreach (var (route, expected) in PostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var client = _clients[who];
                var before = await Data.WithDbAsync(db => Task.FromResult(db.StaffMembers.Count()));
                var caretakerName = await CaretakerLastNameAsync();
                using var response = await client.PostAsync(Resolve(route), new FormUrlEncodedContent(await ValidStaffFormAsync(client, who)));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status != Redirected)
                {
                    var after = await Data.WithDbAsync(db => Task.FromResult(db.StaffMembers.Count()));
                    Assert.Equal(before, after);
                    Assert.Equal(caretakerName, await CaretakerLastNameAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static int Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var toSignIn = response.Headers.Location?.OriginalString.Contains("/sign-in", StringComparison.Ordinal) == true;
        return status == 302 && toSignIn ? Login : status;
    }

    private Task<string> CaretakerLastNameAsync() =>
        Data.WithDbAsync(db => Task.FromResult(db.StaffMembers.Single(s => s.Id == _people.Caretaker.Id).LastName));

    /// <summary>A valid staff form with the account's own antiforgery token, taken from a page every account may open.</summary>
    private async Task<Dictionary<string, string>> ValidStaffFormAsync(HttpClient client, Who who)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.StaffRef"] = $"R{TestData.Unique()}",
            ["Input.FirstName"] = "Robin",
            ["Input.LastName"] = $"Changed{TestData.Unique()}",
            ["Input.JobTitle"] = "Site assistant",
            ["Input.RoleFamily"] = "site",
            ["Input.Qts"] = "no",
            ["Input.Slt"] = "no",
        };
        if (who != Who.Anonymous)
        {
            using var page = await client.GetAsync("/account/tokens");
            var form = Html.FormWithField(await Html.ParseAsync(page), "Input.Name");
            values["__RequestVerificationToken"] = Html.FormValues(form)["__RequestVerificationToken"];
        }
        return values;
    }
}
