using Lynchpin.Core.Data.Models;
using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Authorization;

/// <summary>
/// The pay rows of the route matrix, for the two kinds of account that have pay access (nobody in the main matrix has):
/// a trust admin of trust A with pay access, and the business manager — the Peer as a school leader of A1 with pay access,
/// line-managed by the head. She reads the pay of those at her level or below, never her own nor the head's; the trust
/// admin reads anyone's in the trust. A refused read writes no audit row; a refused write changes no pay.
/// </summary>
public abstract partial class RouteMatrixTests
{
    /// <summary>Route, then the expected status for the trust admin with pay access and the business manager.</summary>
    private static readonly (string Route, int TrustAdmin, int BusinessManager)[] PayGetRoutes =
    [
        ("/staff/{Teacher}/pay", Ok, Ok),
        ("/staff/{Caretaker}/pay", Ok, Ok),
        ("/staff/{Manager}/pay", Ok, Ok),
        ("/staff/{Peer}/pay", Ok, Forbidden),
        ("/staff/{Head}/pay", Ok, Forbidden),
        ("/staff/{Sibling}/pay", Ok, Forbidden),
        ("/staff/{Outsider}/pay", Forbidden, Forbidden),
        ("/schools/{A1}/parity", Ok, Ok),
        ("/schools/{A1}/parity?year=2025&since=2023", Ok, Ok),
        ("/schools/{A2}/parity", Ok, Forbidden),
        ("/schools/{B1}/parity", Forbidden, Forbidden),
        ("/trusts/{TrustA}/parity", Ok, Forbidden),
        ("/trusts/{TrustB}/parity", Forbidden, Forbidden),
        ("/schools/{A1}/import-pay", Ok, Ok),
        ("/schools/{A2}/import-pay", Ok, Forbidden),
        ("/api/schools/{A1}/parity?year=2025", Ok, Ok),
        ("/api/schools/{B1}/parity?year=2025", Forbidden, Forbidden),
        ("/api/trusts/{TrustA}/parity?year=2025", Ok, Forbidden),
        ("/api/trusts/{TrustB}/parity?year=2025", Forbidden, Forbidden),
    ];

    /// <summary>A year's pay posted for a person: saved (a redirect) where the account may, refused and unchanged elsewhere.</summary>
    private static readonly (string Route, int TrustAdmin, int BusinessManager)[] PayPostRoutes =
    [
        ("/staff/{Head}/pay", Redirected, Forbidden),
        ("/staff/{Peer}/pay", Redirected, Forbidden),
        ("/staff/{Teacher}/pay", Redirected, Redirected),
        ("/staff/{Outsider}/pay", Forbidden, Forbidden),
    ];

    [SkippableFact]
    public async Task Get_PayRoutesWithPayAccess_NobodyReadsTheirOwnOrTheirSeniorsPay_AndARefusalLeavesNoTrail()
    {
        var clients = await PayClientsAsync();
        var mismatches = new List<string>();
        foreach (var (route, trustAdmin, bm) in PayGetRoutes)
        {
            foreach (var (who, client, expected) in clients.Select(c => (c.Who, c.Client, c.Who == "TrustAdmin" ? trustAdmin : bm)))
            {
                var reads = await PayReadCountAsync();
                using var response = await client.GetAsync(Resolve(route));
                var status = Outcome(response);
                if (status != expected)
                {
                    mismatches.Add($"GET {route} as {who}: expected {expected}, got {status}");
                }
                if (status != Ok)
                {
                    Assert.Equal(reads, await PayReadCountAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [SkippableFact]
    public async Task Post_PayWithPayAccess_RefusedForOnesOwnOrASeniorsBeforeAnythingChanges()
    {
        var clients = await PayClientsAsync();
        var mismatches = new List<string>();
        // The business manager first (nothing of hers may change), then the trust admin.
        foreach (var (route, trustAdmin, bm) in PayPostRoutes)
        {
            foreach (var (who, client, expected) in clients.Reverse().Select(c => (c.Who, c.Client, c.Who == "TrustAdmin" ? trustAdmin : bm)))
            {
                var before = await PayFingerprintAsync();
                var values = await WithAntiforgeryAsync(client, Who.Leader, new()
                {
                    ["Input.Year"] = "2025",
                    ["Input.Scale"] = "Own",
                    ["Input.FteSalary"] = who == "TrustAdmin" ? "61000" : "99999",
                });
                using var response = await client.PostAsync(Resolve(route), new FormUrlEncodedContent(values));
                var status = Outcome(response);
                if (status != expected)
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected}, got {status} {response.Headers.Location}");
                }
                if (status != Redirected)
                {
                    Assert.Equal(before, await PayFingerprintAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>The trust admin with pay access and the business manager, each signed in (with a code, as pay access needs).</summary>
    private async Task<(string Who, HttpClient Client)[]> PayClientsAsync()
    {
        var admin = await Data.CreateUserAsync(UserRole.TrustAdmin, trust: _people.TrustA);
        var bm = await Data.CreateUserAsync(UserRole.SchoolLeader, school: _people.SchoolA1, staff: _people.Peer);
        await Data.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id || u.Id == bm.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PayAccess, true)));
        return [("TrustAdmin", await App.CreateSignedInClientAsync(admin)), ("BusinessManager", await App.CreateSignedInClientAsync(bm))];
    }

    private Task<int> PayReadCountAsync() => Data.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.PayRecordsRead));

    private Task<string> PayFingerprintAsync() => Data.WithDbAsync(async db => string.Join("\n",
        await db.PayRecords.OrderBy(p => p.Id).Select(p => $"{p.StaffMemberId} {p.Year} {p.Scale} {p.FteSalary}").ToListAsync()));
}
