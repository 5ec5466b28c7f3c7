using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Authorization;

/// <summary>
/// The conditions review's writes (issue 18 item 4): a target, notes and actions saved by the school's leaders and the
/// trust's admins; everyone else is refused and nothing is stored.
/// </summary>
public abstract partial class RouteMatrixTests
{
    private static readonly (string Route, Dictionary<string, string> Form, int[] Expected)[] ConditionsPostRoutes =
    [
        ("/schools/{A1}/conditions/triad-time", new() { ["Input.Value"] = "45", ["Input.Target"] = "60", ["Input.Notes"] = "Matrix" },
            [Login, Redirected, Redirected, Forbidden, Forbidden, Forbidden]),
        ("/schools/{A2}/conditions/coaching", new() { ["Input.Target"] = "80" },
            [Login, Redirected, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("/schools/{B1}/conditions/coaching", new() { ["Input.Target"] = "80" },
            [Login, Forbidden, Forbidden, Forbidden, Forbidden, Redirected]),
    ];

    [SkippableFact]
    public async Task Post_EveryConditionsWriteAsEveryRole_RefusesBeforeAnythingChanges()
    {
        var mismatches = new List<string>();
        foreach (var (route, form, expected) in ConditionsPostRoutes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var client = _clients[who];
                var values = new Dictionary<string, string>(form);
                if (who != Who.Anonymous)
                {
                    values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client);
                    // The revision the form carries now: who may write, not two people saving over each other.
                    foreach (var (name, value) in await FormRevisionAsync(client, Resolve(route)))
                    {
                        values[name] = value;
                    }
                }
                var before = await ConditionsFingerprintAsync();
                using var response = await client.PostAsync(Resolve(route), new FormUrlEncodedContent(values));
                var status = Outcome(response);
                if (status != expected[(int)who])
                {
                    mismatches.Add($"POST {route} as {who}: expected {expected[(int)who]}, got {status} {response.Headers.Location}");
                }
                if (status != Redirected)
                {
                    Assert.Equal(before, await ConditionsFingerprintAsync());
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Equal(3, await Data.WithDbAsync(db => db.ConditionsEntries.CountAsync()));
    }

    private Task<List<string>> ConditionsFingerprintAsync() =>
        Data.WithDbAsync(db => db.ConditionsEntries.OrderBy(e => e.Id)
            .Select(e => $"{e.Id}:{e.SchoolId}:{e.Indicator}:{e.Target}:{e.Value}:{e.Notes}:{e.Revision}").ToListAsync());
}
