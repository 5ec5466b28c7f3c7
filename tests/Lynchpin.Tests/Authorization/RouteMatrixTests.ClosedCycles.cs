using Lynchpin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lynchpin.Tests.Authorization;

/// <summary>
/// Issue 14: a cycle a leader has closed is read-only. Every appraisal write of the matrix's tables (person appraisal,
/// review and school cycle writes), posted by the first account the table lets in, is a 409 naming who closed the cycle,
/// and nothing changes; a write route added to those tables is walked here too.
/// </summary>
public abstract partial class RouteMatrixTests
{
    private const int Conflict = 409;

    [SkippableFact]
    public async Task Post_EveryAppraisalWriteInAClosedCycle_IsA409SayingWhoClosedItAndNothingChanges()
    {
        var mismatches = new List<string>();
        async Task ExpectRefusedAsync(string route, Who who, Dictionary<string, string> form, Func<Task<string>> fingerprint)
        {
            var before = await fingerprint();
            using var response = await _clients[who].PostAsync(route, new FormUrlEncodedContent(await WithAntiforgeryAsync(_clients[who], who, form)));
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != Conflict || !body.Contains("appraisal cycle was closed by Matrix Closer on", StringComparison.Ordinal))
            {
                mismatches.Add($"POST {route} as {who}: expected a 409 saying the cycle is closed, got {(int)response.StatusCode} {response.Headers.Location}");
            }
            Assert.Equal(before, await fingerprint());
        }

        // Reviews, ratings, signatures, evidence and pay.
        await Data.WithDbAsync(db => db.Appraisals.Where(a => a.StaffMemberId == _people.Teacher.Id).ExecuteDeleteAsync());
        var setup = await ReviewSetupAsync();
        try
        {
            await CloseCyclesOf2025Async(closed: true);
            foreach (var (route, expected) in ReviewPostRoutes)
            {
                var form = ReviewForm(setup, route);
                form["evidenceId"] = setup.EvidenceId.ToString();
                await ExpectRefusedAsync(setup.Resolve(route), FirstLetIn(expected), form, () => ReviewFingerprintAsync(setup.AppraisalId));
            }
        }
        finally
        {
            await CloseCyclesOf2025Async(closed: false);
            await setup.DeleteFileAsync();
        }

        // Objectives, agreement, appraisers and support plans, each from the state it needs.
        foreach (var (route, state, expected) in PersonAppraisalPostRoutes)
        {
            var (objectives, appraisalId) = await PreparePersonAppraisalAsync(state);
            await CloseCyclesOf2025Async(closed: true);
            var url = Resolve(route).Replace("{Objective1}", objectives[0].ToString()).Replace("{Objective2}", objectives[1].ToString());
            await ExpectRefusedAsync(url, FirstLetIn(expected), PersonAppraisalForm(), () => PersonAppraisalFingerprintAsync(appraisalId));
            await CloseCyclesOf2025Async(closed: false);
        }

        // The school's cycle writes: people who joined since, due dates, shared objectives, appraisers. The objectives
        // import is a file: its rows for a closed cycle are refused one by one (ObjectiveImporterTests); closing and
        // reopening are the cycle's own switch (CloseCyclePageTests).
        await CloseCyclesOf2025Async(closed: true);
        try
        {
            foreach (var (route, expected) in PostRoutes.Where(r => r.Route.Contains("/appraisal/", StringComparison.Ordinal)
                && !r.Route.Contains("/import-", StringComparison.Ordinal) && !r.Route.Contains("/close", StringComparison.Ordinal)))
            {
                var form = new Dictionary<string, string>
                {
                    ["year"] = "2025",
                    ["Input.ObjectivesDue"] = "2025-10-30",
                    ["Input.MidYearDue"] = "2026-02-27",
                    ["Input.FinalDue"] = "2026-07-14",
                };
                await ExpectRefusedAsync(Resolve(route), FirstLetIn(expected), form, SchoolCyclesFingerprintAsync);
            }
        }
        finally
        {
            await CloseCyclesOf2025Async(closed: false);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>The first account a row lets in (not sent to sign in, not refused).</summary>
    private static Who FirstLetIn(int[] expected) =>
        Enum.GetValues<Who>().First(who => expected[(int)who] is not (Login or Forbidden or Unauthorized));

    private Task CloseCyclesOf2025Async(bool closed) => Data.WithDbAsync(db => db.AppraisalCycles.Where(c => c.Year == 2025)
        .ExecuteUpdateAsync(c => c
            .SetProperty(x => x.ClosedAt, closed ? new DateTime(2026, 7, 20, 9, 0, 0, DateTimeKind.Utc) : null)
            .SetProperty(x => x.ClosedByName, closed ? "Matrix Closer" : null)));

    /// <summary>Every cycle of the scenario's schools with its due dates, appraisals, appraisers and objectives, as one string.</summary>
    private Task<string> SchoolCyclesFingerprintAsync() => Data.WithDbAsync(async db =>
    {
        int[] schools = [_people.SchoolA1.Id, _people.SchoolA2.Id, _people.SchoolB1.Id];
        var cycles = await db.AppraisalCycles.Where(c => schools.Contains(c.SchoolId)).OrderBy(c => c.Id)
            .Select(c => $"{c.Id} {c.Year} {c.ObjectivesDue} {c.MidYearDue} {c.FinalDue} {c.ClosedAt}").ToListAsync();
        var appraisals = await db.Appraisals.Where(a => schools.Contains(a.Cycle.SchoolId)).OrderBy(a => a.Id)
            .Select(a => $"{a.Id} {a.StaffMemberId} {a.AppraiserId} {a.ReviewerId} {a.ObjectivesStatus} {a.Objectives.Count}").ToListAsync();
        return string.Join("\n", cycles.Concat(appraisals));
    });
}
