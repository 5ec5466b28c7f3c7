using Lynchpin.Core.Accounts;
using Lynchpin.Core.Appraisals;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Progression;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Tests.Authorization;

/// <summary>
/// The accounts rows of the route matrix (issue 11): one's own account pages, account administration, the trust's sign-in
/// settings and the sign-in steps; an API token on every page (it must count for nothing there); and the senior-appraisal
/// rows, with a business manager — a school leader with pay access, line-managed by the head — trying the head's appraisal.
/// </summary>
public abstract partial class RouteMatrixTests
{
    private const int Gone = 410;

    /// <summary>{TeacherAccount}, {LeaderAccount} (the head's own), {OutsiderAccount}, {CaretakerAccount} are accounts' ids.</summary>
    private static readonly (string Route, int[] Expected)[] AccountGetRoutes =
    [
        ("/account", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/account/password", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/account/two-factor", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/account/sessions", [Login, Ok, Ok, Ok, Ok, Ok]),
        ("/account/tokens", [Login, Ok, Ok, Ok, Ok, Ok]),
        // Administration: a trust admin their trust's accounts; the head (a leader with a staff record) those below them.
        // A leader without a staff record (the Outsider) administers nobody; nobody administers their own account here.
        ("/accounts", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/accounts?q=user", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/accounts/invite", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/accounts/{TeacherAccount}", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/accounts/{TeacherAccount}/edit", [Login, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        ("/accounts/{LeaderAccount}", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/accounts/{LeaderAccount}/edit", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/accounts/{OutsiderAccount}", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/accounts/no-such-account", [Login, NotFound, NotFound, Forbidden, Forbidden, NotFound]),
        ("/trusts/{TrustA}/single-sign-on", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/single-sign-on", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/NO-SUCH-TRUST/single-sign-on", [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        // The audit trail: the trust's own admins alone, on the page, its CSV and the API.
        ("/trusts/{TrustA}/audit", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/audit?kind=failures&from=2026-01-01", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/audit?handler=Csv", [Login, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/audit", [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/NO-SUCH-TRUST/audit", [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("/api/audit", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/api/audit?kind=sign-ins", [Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Signing in: open to all; the code steps send anyone without a sign-in in progress back to the first step.
        ("/sign-out", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/forgot-password", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/set-password?user=nobody&token=nothing&invitation=true", [Gone, Gone, Gone, Gone, Gone, Gone]),
        ("/sign-in/two-factor", [Login, Login, Login, Login, Login, Login]),
        ("/sign-in/set-up-two-factor", [Login, Login, Login, Login, Login, Login]),
        // No provider is configured here: there is no such sign-in.
        ("/sign-in/sso/microsoft", [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
    ];

    /// <summary>Account writes, each with a form that would be let in; a refused one changes no account.</summary>
    private static readonly (string Route, Dictionary<string, string> Form, int[] Expected)[] AccountPostRoutes =
    [
        // An invitation without an email: those who may invite get the form back.
        ("/accounts/invite", new() { ["Input.Role"] = "Staff" }, [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        ("/accounts/{CaretakerAccount}?handler=Disable", new() { ["Reason"] = "" }, [Login, BadRequest, BadRequest, Forbidden, Forbidden, Forbidden]),
        // Removing pay access the Caretaker does not have: a no-op for those allowed, refused for the rest.
        ("/accounts/{CaretakerAccount}?handler=PayAccess&grant=false", new(), [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        // A school leader needs a school: the trust admin must choose one; the head's is their own.
        ("/accounts/{CaretakerAccount}/edit", new() { ["Input.Role"] = "SchoolLeader", ["Input.StaffMemberId"] = "{Caretaker}" },
            [Login, BadRequest, Redirected, Forbidden, Forbidden, Forbidden]),
        // Once the trust admin has made the Caretaker a trust admin, the head no longer administers the account.
        ("/accounts/{CaretakerAccount}/edit", new() { ["Input.Role"] = "TrustAdmin", ["Input.StaffMemberId"] = "{Caretaker}" },
            [Login, Redirected, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/accounts/{LeaderAccount}?handler=Disable", new() { ["Reason"] = "" }, [Login, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustA}/single-sign-on", new() { ["Input.Method"] = "Password" }, [Login, Redirected, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/trusts/{TrustB}/single-sign-on", new() { ["Input.Method"] = "Password" }, [Login, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
    ];

    private async Task<Func<string, string>> AccountResolverAsync()
    {
        var caretaker = await Data.WithDbAsync(db => db.Users.Where(u => u.StaffMemberId == _people.Caretaker.Id).Select(u => u.Id).SingleOrDefaultAsync())
            ?? (await Data.CreateUserAsync(UserRole.Staff, staff: _people.Caretaker)).Id;
        var ids = await Data.WithDbAsync(async db => new
        {
            Teacher = await db.Users.Where(u => u.StaffMemberId == _people.Teacher.Id).Select(u => u.Id).SingleAsync(),
            Leader = await db.Users.Where(u => u.StaffMemberId == _people.Head.Id).Select(u => u.Id).SingleAsync(),
            Outsider = await db.Users.Where(u => u.SchoolId == _people.SchoolB1.Id && u.StaffMemberId == null).Select(u => u.Id).SingleAsync(),
        });
        return route => Resolve(route.Replace("{TeacherAccount}", ids.Teacher).Replace("{LeaderAccount}", ids.Leader)
            .Replace("{OutsiderAccount}", ids.Outsider).Replace("{CaretakerAccount}", caretaker));
    }

    [SkippableFact]
    public async Task Get_EveryAccountRouteAsEveryRole_AllowsOrForbidsAsTheMatrixSays()
    {
        var resolve = await AccountResolverAsync();
        var mismatches = new List<string>();
        foreach (var (route, expected) in AccountGetRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await _clients[who].GetAsync(resolve(route));
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
    public async Task Post_EveryAccountWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var resolve = await AccountResolverAsync();
        var mismatches = new List<string>();
        foreach (var (route, form, expected) in AccountPostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var before = await AccountsFingerprintAsync();
                var values = await WithAntiforgeryAsync(_clients[who], who, form.ToDictionary(f => f.Key, f => resolve(f.Value)));
                using var response = await _clients[who].PostAsync(resolve(route), new FormUrlEncodedContent(values));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status is not Redirected)
                {
                    Assert.Equal(before, await AccountsFingerprintAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>
    /// A personal API token on a page counts for nothing (issue 11: a token opened pay, posted forms and minted tokens that
    /// outlived it): every page that sends an anonymous browser to sign in does the same with a read-and-write token of a
    /// trust admin, and a form posted with it changes nothing.
    /// </summary>
    [SkippableFact]
    public async Task Get_EveryPageWithAnApiToken_SendsItToSignIn()
    {
        // Arrange
        var admin = await Data.WithDbAsync(db => db.Users.Where(u => u.Role == UserRole.TrustAdmin && u.TrustId == _people.TrustA.Id).Select(u => u.Id).FirstAsync());
        await using var scope = App.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync(new CreateApiTokenOptions(admin, "Matrix", ApiTokenScope.ReadWrite));
        using var bearer = App.CreateBearerClient(token.Secret);
        var resolve = await AccountResolverAsync();
        var pages = GetRoutes.Concat(AccountGetRoutes).Where(r => r.Expected[(int)Who.Anonymous] == Login && !r.Route.StartsWith("/api", StringComparison.Ordinal));

        // Act
        var mismatches = new List<string>();
        foreach (var (route, _) in pages)
        {
            using var response = await bearer.GetAsync(resolve(route));
            if (Outcome(response) != Login)
            {
                mismatches.Add($"GET {route} with a token: expected the sign-in page, got {(int)response.StatusCode}");
            }
        }
        var tokensBefore = await Data.WithDbAsync(db => db.ApiTokens.CountAsync());
        using var mint = await bearer.PostAsync("/account/tokens?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Minted" }));
        using var api = await bearer.GetAsync("/api/schools");

        // Assert
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.NotEqual(System.Net.HttpStatusCode.OK, mint.StatusCode);
        Assert.Equal(tokensBefore, await Data.WithDbAsync(db => db.ApiTokens.CountAsync()));
        // The same token still works where it belongs.
        Assert.Equal(System.Net.HttpStatusCode.OK, api.StatusCode);
    }

    // ---- Senior appraisals (issue 11): the business manager (a school leader with pay access, line-managed by the head)
    // against the head's appraisal, and a trust admin, whose it is. Checked with school A1's 2025 cycle open.

    /// <summary>Route, then the expected status for the trust admin and the business manager.</summary>
    private static readonly (string Route, int TrustAdmin, int BusinessManager)[] SeniorAppraisalGetRoutes =
    [
        ("/staff/{Head}/appraisal?year=2025", Ok, Forbidden),
        ("/staff/{Head}/appraisal/print?year=2025", Ok, Forbidden),
        ("/staff/{Head}/appraisal/assign?year=2025", Ok, Forbidden),
        ("/staff/{Head}/appraisal/objectives/new?year=2025", Ok, Forbidden),
        ("/staff/{Head}/appraisal/reopen?year=2025", Ok, Forbidden),
        ("/staff/{Head}/appraisal/reviews/final?year=2025", Ok, Forbidden),
        // Below the business manager's level, or beside it, she is a school leader as before.
        ("/staff/{Teacher}/appraisal?year=2025", Ok, Ok),
        ("/staff/{Manager}/appraisal/assign?year=2025", Forbidden, Ok),
    ];

    /// <summary>Writes on the head's appraisal; {HeadAppraisal} is its id. A refused one changes nothing.</summary>
    private static readonly (string Route, Dictionary<string, string> Form, int TrustAdmin, int BusinessManager)[] SeniorAppraisalPostRoutes =
    [
        // Making herself the head's appraiser, in bulk or on the head's page: refused. The trust admin may not make her
        // the appraiser either (someone the head line-manages): the form comes back.
        ("/schools/{A1}/appraisal/appraisers?year=2025", new() { ["Input.AppraisalIds"] = "{HeadAppraisal}", ["Input.NewAppraiserId"] = "{Peer}" }, BadRequest, Forbidden),
        ("/staff/{Head}/appraisal/assign?year=2025", new() { ["Input.AppraiserId"] = "{Peer}", ["Input.ReviewerId"] = "" }, BadRequest, Forbidden),
        ("/staff/{Head}/appraisal/reopen?year=2025", new() { ["Input.Reason"] = "Taking it over" }, LetIn, Forbidden),
        // Pay is an explicit grant: this trust admin has none, so it is refused too.
        ("/staff/{Head}/appraisal/reviews/final?year=2025&handler=Pay", new() { ["PayText"] = "No increase" }, Forbidden, Forbidden),
    ];

    [SkippableFact]
    public async Task Get_SeniorAppraisalRoutes_TheHeadsAppraisalIsTheTrustsNotTheBusinessManagers()
    {
        var (businessManager, resolve) = await SeniorAppraisalSetupAsync();
        var mismatches = new List<string>();
        foreach (var (route, trustAdmin, bm) in SeniorAppraisalGetRoutes)
        {
            foreach (var (who, client, expected) in new[] { ("TrustAdmin", _clients[Who.TrustAdmin], trustAdmin), ("BusinessManager", businessManager, bm) })
            {
                using var response = await client.GetAsync(resolve(route));
                if (Outcome(response) != expected)
                {
                    mismatches.Add($"GET {route} as {who}: expected {expected}, got {Outcome(response)}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [SkippableFact]
    public async Task Post_SeniorAppraisalWrites_TheBusinessManagerIsRefusedBeforeAnythingChanges()
    {
        var (businessManager, resolve) = await SeniorAppraisalSetupAsync();
        var headAppraisal = int.Parse(resolve("{HeadAppraisal}"), System.Globalization.CultureInfo.InvariantCulture);
        var mismatches = new List<string>();
        // The business manager first (nothing may change), then the trust admin.
        foreach (var (route, form, trustAdmin, bm) in SeniorAppraisalPostRoutes)
        {
            foreach (var (who, client, expected) in new[] { ("BusinessManager", businessManager, bm), ("TrustAdmin", _clients[Who.TrustAdmin], trustAdmin) })
            {
                var before = await HeadAppraisalFingerprintAsync(headAppraisal);
                var values = await WithAntiforgeryAsync(client, Who.Leader, form.ToDictionary(f => f.Key, f => resolve(f.Value)));
                using var response = await client.PostAsync(resolve(route), new FormUrlEncodedContent(values));
                var status = Outcome(response);
                var letIn = status is Redirected or BadRequest;
                if (expected == LetIn ? !letIn : status != expected)
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected}, got {status} {response.Headers.Location}");
                }
                if (status is not Redirected)
                {
                    Assert.Equal(before, await HeadAppraisalFingerprintAsync(headAppraisal));
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>
    /// School A1's 2025 cycle open with the head's final review begun; the Peer made the business manager (a school leader
    /// with pay access, the head their line manager), signed in (with a code, as pay access needs).
    /// </summary>
    private async Task<(HttpClient BusinessManager, Func<string, string> Resolve)> SeniorAppraisalSetupAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<Core.Data.LynchpinDbContext>();
        await services.GetRequiredService<AppraisalCycles>().OpenAsync(_people.SchoolA1.Id, 2025, null, new Recorder(null, "Matrix setup"), new DateOnly(2025, 9, 15));
        var headAppraisal = await db.Appraisals.Where(a => a.StaffMemberId == _people.Head.Id && a.Cycle.Year == 2025).Select(a => a.Id).SingleAsync();
        if (!await db.AppraisalReviews.AnyAsync(r => r.AppraisalId == headAppraisal && r.Kind == ReviewKind.Final))
        {
            await services.GetRequiredService<AppraisalReviews>().StartAsync(headAppraisal, ReviewKind.Final);
        }
        var account = await db.Users.Where(u => u.StaffMemberId == _people.Peer.Id).SingleOrDefaultAsync();
        TestUser user;
        if (account is null)
        {
            user = await Data.CreateUserAsync(UserRole.SchoolLeader, school: _people.SchoolA1, staff: _people.Peer);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true));
        }
        else
        {
            user = new TestUser(account.Id, account.Email!, TestData.DefaultPassword, account.Role);
        }
        var client = await App.CreateSignedInClientAsync(user);
        return (client, route => Resolve(route.Replace("{HeadAppraisal}", headAppraisal.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    private Task<string> HeadAppraisalFingerprintAsync(int appraisalId) => Data.WithDbAsync(async db =>
    {
        var appraisal = await db.Appraisals.Where(a => a.Id == appraisalId)
            .Select(a => $"{a.AppraiserId} {a.ReviewerId} {a.ObjectivesStatus} {a.ObjectivesReopenReason}").SingleAsync();
        var pay = await db.PayRecommendations.Where(p => p.AppraisalId == appraisalId).Select(p => p.Text).ToListAsync();
        var reviews = await db.AppraisalReviews.Where(r => r.AppraisalId == appraisalId).OrderBy(r => r.Id).Select(r => $"{r.Id} {r.Version} {r.IsCurrent}").ToListAsync();
        return string.Join("\n", pay.Concat(reviews).Prepend(appraisal));
    });

    /// <summary>Every account's access, state and stamp, and every trust's sign-in, to compare before and after a write.</summary>
    private Task<string> AccountsFingerprintAsync() => Data.WithDbAsync(async db =>
    {
        var users = await db.Users.OrderBy(u => u.Id)
            .Select(u => $"{u.Id} {u.Role} {u.SchoolId} {u.StaffMemberId} {u.PayAccess} {u.DisabledAt} {u.SecurityStamp} {u.PasswordHash}").ToListAsync();
        var signIns = await db.TrustSignIns.OrderBy(s => s.TrustId).Select(s => $"{s.TrustId} {s.Method} {s.Provider} {s.Tenant}").ToListAsync();
        return string.Join("\n", users.Concat(signIns));
    });
}
