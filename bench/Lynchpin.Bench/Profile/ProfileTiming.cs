using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Lynchpin.Core.Data;
using Lynchpin.Core.Progression;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Lynchpin.Bench.Profile;

public sealed record TimingOptions(string ConnectionString, Uri Url, string Token, string TrustCode, int? SchoolUrn, int Year, int Checkpoint,
    int Runs, int NationalRuns, bool Explain);

/// <summary>
/// Times, by hand and never in the tests, the profile as the app serves it beside the bare SQL that gives the same
/// answer: one school's profile API call, one trust's, and the national distribution through the Core query.
/// Each pair runs alternately after a warm-up, so both see the same load on a shared machine; the answers are
/// compared on every run and printed once.
/// </summary>
public static class ProfileTiming
{
    /// <summary>Stage 0-6 counts then not assessed, per school (by URN) and checkpoint.</summary>
    private sealed class Answer : Dictionary<(int Urn, int Checkpoint), int[]>
    {
        public int[] For(int urn, int checkpoint) => TryGetValue((urn, checkpoint), out var counts) ? counts : this[(urn, checkpoint)] = new int[8];

        public int[] Total(int checkpoint)
        {
            var total = new int[8];
            foreach (var ((_, c), counts) in this)
            {
                if (c == checkpoint)
                {
                    for (var i = 0; i < 8; i++)
                    {
                        total[i] += counts[i];
                    }
                }
            }
            return total;
        }

        /// <summary>Equal when every school and checkpoint has the same counts, zeros and missing alike.</summary>
        public bool SameAs(Answer other) => Keys.Union(other.Keys).All(k => For(k.Urn, k.Checkpoint).SequenceEqual(other.For(k.Urn, k.Checkpoint)));
    }

    private sealed record Result(string What, string Target, double TargetMs, List<double> App, List<double> Bare);

    // The bare query: people in post on each school's date for each checkpoint (its own, or the default passed in),
    // left-joined to their current assessment, counted by stage; null stage is "not assessed".
    private const string BareSql = """
        SELECT sc.urn, cp.n, a.stage, count(*)::int
        FROM schools sc
        CROSS JOIN unnest(@checkpoints, @defaults) AS cp(n, default_date)
        LEFT JOIN checkpoint_dates cd ON cd.school_id = sc.id AND cd.year = @year AND cd.checkpoint = cp.n
        JOIN staff_members s ON s.school_id = sc.id
            AND (s.start_date IS NULL OR s.start_date <= coalesce(cd.date, cp.default_date))
            AND (s.leaving_date IS NULL OR s.leaving_date >= coalesce(cd.date, cp.default_date))
        LEFT JOIN assessments a ON a.staff_member_id = s.id AND a.year = @year AND a.checkpoint = cp.n AND a.is_current
        WHERE {0}
        GROUP BY 1, 2, 3
        """;

    // Nationally every school at one checkpoint: no need to go through the schools table, and a constant checkpoint
    // the planner can use on the assessments index. Keyed by school id, turned into URNs as read.
    private const string BareNationalSql = """
        SELECT s.school_id, @checkpoint, a.stage, count(*)::int
        FROM staff_members s
        LEFT JOIN checkpoint_dates cd ON cd.school_id = s.school_id AND cd.year = @year AND cd.checkpoint = @checkpoint
        LEFT JOIN assessments a ON a.staff_member_id = s.id AND a.year = @year AND a.checkpoint = @checkpoint AND a.is_current
        WHERE (s.start_date IS NULL OR s.start_date <= coalesce(cd.date, @default))
          AND (s.leaving_date IS NULL OR s.leaving_date >= coalesce(cd.date, @default))
        GROUP BY 1, 2, 3
        """;

    public static async Task<int> RunAsync(TimingOptions options)
    {
        await using var data = NpgsqlDataSource.Create(options.ConnectionString);
        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);

        var trustId = await ScalarAsync<int?>(data, "SELECT id FROM trusts WHERE code = @code", ("code", options.TrustCode));
        if (trustId is null)
        {
            Console.Error.WriteLine($"There is no trust {options.TrustCode}.");
            return 2;
        }
        // By default the trust's school with the most staff: the slowest school profile of the trust.
        var urn = options.SchoolUrn ?? await ScalarAsync<int>(data,
            "SELECT sc.urn FROM schools sc JOIN staff_members s ON s.school_id = sc.id WHERE sc.trust_id = @trust GROUP BY sc.urn ORDER BY count(*) DESC, sc.urn LIMIT 1",
            ("trust", trustId.Value));
        var counts = await ScalarAsync<string>(data, """
            SELECT format('%s schools, %s staff, %s assessments (%s current at %s checkpoint %s)',
                (SELECT count(*) FROM schools), (SELECT count(*) FROM staff_members), (SELECT count(*) FROM assessments),
                (SELECT count(*) FROM assessments WHERE year = @year AND checkpoint = @checkpoint AND is_current), @year, @checkpoint)
            """, ("year", options.Year), ("checkpoint", options.Checkpoint));
        var staffInSchool = await ScalarAsync<long>(data, "SELECT count(*) FROM staff_members s JOIN schools sc ON sc.id = s.school_id WHERE sc.urn = @urn", ("urn", urn));
        var trustSize = await ScalarAsync<string>(data,
            "SELECT format('%s schools, %s staff', count(DISTINCT sc.id), count(s.id)) FROM schools sc LEFT JOIN staff_members s ON s.school_id = sc.id WHERE sc.trust_id = @trust",
            ("trust", trustId.Value));
        Console.WriteLine($"Database: {counts}.");
        Console.WriteLine($"School {urn} ({staffInSchool} staff records); trust {options.TrustCode} ({trustSize}); year {options.Year}.");

        var urnOf = new Dictionary<int, int>();
        await using (var command = data.CreateCommand("SELECT id, urn FROM schools"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                urnOf[reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }

        var defaults = SchoolYear.Checkpoints.Select(n => SchoolYear.DefaultDate(options.Year, n)).ToArray();
        var checkpoints = SchoolYear.Checkpoints.ToArray();
        NpgsqlParameter[] BareParameters() =>
        [
            new("checkpoints", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = checkpoints },
            new("defaults", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = defaults },
            new("year", options.Year),
        ];
        var schoolSql = string.Format(CultureInfo.InvariantCulture, BareSql, "sc.urn = @urn");
        var trustSql = string.Format(CultureInfo.InvariantCulture, BareSql, "sc.trust_id = @trust");
        NpgsqlParameter[] NationalParameters() =>
        [
            new("checkpoint", options.Checkpoint), new("year", options.Year), new("default", SchoolYear.DefaultDate(options.Year, options.Checkpoint)),
        ];

        if (options.Explain)
        {
            await ExplainAsync(data, "school", schoolSql, [.. BareParameters(), new("urn", urn)]);
            await ExplainAsync(data, "trust", trustSql, [.. BareParameters(), new("trust", trustId.Value)]);
            await ExplainAsync(data, "national", BareNationalSql, NationalParameters());
            return 0;
        }

        var results = new List<Result>();
        var ok = true;

        // (a) One school's profile over HTTP.
        var school = await PairAsync(options.Runs,
            () => SchoolApiAsync(http, urn, options.Year),
            () => BareAsync(data, schoolSql, [.. BareParameters(), new("urn", urn)]));
        ok &= Report("One school's profile: GET /api/schools/{urn}/profile", school.App, school.Bare, [urn], checkpoints);
        results.Add(new Result($"One school ({staffInSchool} staff), API", "< 20 ms", 20, school.AppTimes, school.BareTimes));

        // What every API call costs before any profile query: the same call with a year it refuses (400) still
        // authenticates the token, loads the account's scope, finds the school and authorizes.
        var fixedCost = await PairAsync(options.Runs,
            () => RefusedAsync(http, $"/api/schools/{urn}/profile?year=none"),
            () => BareAsync(data, "SELECT 1, 1, NULL::int, 0", []));
        results.Add(new Result("Same call refused (400) before the profile queries: authentication, scope, school", "—", double.NaN,
            fixedCost.AppTimes, fixedCost.BareTimes));

        // (b) One trust's profile over HTTP: each school and the trust's totals.
        var trust = await PairAsync(options.Runs,
            () => TrustApiAsync(http, options.TrustCode, options.Year),
            () => BareAsync(data, trustSql, [.. BareParameters(), new("trust", trustId.Value)]));
        ok &= Report("One trust's profile: GET /api/trusts/{code}/profile (each school; totals shown)", trust.App, trust.Bare, null, checkpoints);
        results.Add(new Result($"One trust ({trustSize}), API", "< 200 ms", 200, trust.AppTimes, trust.BareTimes));

        // (c) The national distribution at one checkpoint through the Core query the trust view uses.
        var dbOptions = new DbContextOptionsBuilder<LynchpinDbContext>();
        DatabaseOptions.Configure(dbOptions, DatabaseProvider.Postgres, options.ConnectionString);
        var national = await PairAsync(options.NationalRuns,
            () => NationalCoreAsync(dbOptions.Options, options.Year, options.Checkpoint),
            () => BareAsync(data, BareNationalSql, NationalParameters(), urnOf),
            warmUp: 2);
        ok &= Report($"National distribution at checkpoint {options.Checkpoint}: ProfileCalculator.SchoolsAsync over every school (totals shown)",
            national.App, national.Bare, null, [options.Checkpoint]);
        results.Add(new Result("National, Core SchoolsAsync", "< 2 s", 2000, national.AppTimes, national.BareTimes));

        Console.WriteLine();
        Console.WriteLine("| Measure | Runs | Median | p95 | Bare SQL median | Bare SQL p95 | Ratio (medians) | Target | Met? |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var median = Percentile(r.App, 0.5);
            var bare = Percentile(r.Bare, 0.5);
            var ratio = median / bare;
            if (double.IsNaN(r.TargetMs))
            {
                Console.WriteLine($"| {r.What} | {r.App.Count} | {Ms(median)} | {Ms(Percentile(r.App, 0.95))} | {Ms(bare)} (SELECT 1) | {Ms(Percentile(r.Bare, 0.95))} | | | |");
                continue;
            }
            var met = median < r.TargetMs && ratio <= 1.5;
            Console.WriteLine($"| {r.What} | {r.App.Count} | {Ms(median)} | {Ms(Percentile(r.App, 0.95))} | {Ms(bare)} | {Ms(Percentile(r.Bare, 0.95))} | "
                + $"{ratio:N2} | {r.Target}, ≤ 1.5 × bare | {(met ? "yes" : median < r.TargetMs ? "time yes, ratio no" : "no")} |");
        }
        if (!ok)
        {
            Console.Error.WriteLine("The app's answer and the bare query's differ (see above).");
            return 1;
        }
        return 0;
    }

    private sealed record Pair(Answer App, Answer Bare, List<double> AppTimes, List<double> BareTimes);

    private static async Task<Pair> PairAsync(int runs, Func<Task<Answer>> app, Func<Task<Answer>> bare, int warmUp = 20)
    {
        Answer? appAnswer = null, bareAnswer = null;
        for (var i = 0; i < warmUp; i++)
        {
            appAnswer = await app();
            bareAnswer = await bare();
        }
        var appTimes = new List<double>();
        var bareTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var a = await app();
            appTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var b = await bare();
            bareTimes.Add(watch.Elapsed.TotalMilliseconds);
            if (!a.SameAs(appAnswer!) || !b.SameAs(bareAnswer!))
            {
                throw new InvalidOperationException("An answer changed between runs.");
            }
        }
        return new Pair(appAnswer!, bareAnswer!, appTimes, bareTimes);
    }

    private static bool Report(string title, Answer app, Answer bare, int[]? urns, IReadOnlyList<int> checkpoints)
    {
        var same = app.SameAs(bare);
        Console.WriteLine();
        Console.WriteLine($"{title}: answers {(same ? "equal" : "DIFFER")} ({app.Keys.Select(k => k.Urn).Distinct().Count()} schools).");
        Console.WriteLine("                         stage 0        1        2        3        4        5        6  not assessed");
        foreach (var checkpoint in checkpoints)
        {
            foreach (var (name, answer) in new[] { ("app", app), ("bare SQL", bare) })
            {
                var counts = urns is { Length: 1 } ? answer.For(urns[0], checkpoint) : answer.Total(checkpoint);
                Console.WriteLine($"  checkpoint {checkpoint} {name,-9}" + string.Concat(counts.Select(c => $"{c,9:N0}")));
            }
        }
        return same;
    }

    private static async Task<Answer> SchoolApiAsync(HttpClient http, int urn, int year)
    {
        using var response = await http.GetAsync($"/api/schools/{urn}/profile?year={year}");
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var answer = new Answer();
        AddCheckpoints(answer, urn, json.RootElement.GetProperty("checkpoints"));
        return answer;
    }

    private static async Task<Answer> RefusedAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (response.StatusCode != System.Net.HttpStatusCode.BadRequest)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}, not 400.");
        }
        return new Answer();
    }

    private static async Task<Answer> TrustApiAsync(HttpClient http, string code, int year)
    {
        using var response = await http.GetAsync($"/api/trusts/{code}/profile?year={year}");
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var answer = new Answer();
        foreach (var school in json.RootElement.GetProperty("schools").EnumerateArray())
        {
            AddCheckpoints(answer, int.Parse(school.GetProperty("urn").GetString()!, CultureInfo.InvariantCulture), school.GetProperty("checkpoints"));
        }
        // The trust's totals must be the sum of its schools'.
        var totals = new Answer();
        AddCheckpoints(totals, 0, json.RootElement.GetProperty("trust").GetProperty("checkpoints"));
        foreach (var ((_, checkpoint), counts) in totals)
        {
            if (!counts.SequenceEqual(answer.Total(checkpoint)))
            {
                throw new InvalidOperationException($"The trust's totals at checkpoint {checkpoint} are not the sum of its schools'.");
            }
        }
        return answer;
    }

    private static void AddCheckpoints(Answer answer, int urn, JsonElement checkpoints)
    {
        foreach (var checkpoint in checkpoints.EnumerateArray())
        {
            var counts = answer.For(urn, checkpoint.GetProperty("number").GetInt32());
            foreach (var stage in checkpoint.GetProperty("stages").EnumerateObject())
            {
                counts[int.Parse(stage.Name, CultureInfo.InvariantCulture)] = stage.Value.GetInt32();
            }
            counts[7] = checkpoint.GetProperty("notAssessed").GetInt32();
        }
    }

    /// <summary>What a national view would do: every school, then the Core grouped query, in a fresh context as a request has.</summary>
    private static async Task<Answer> NationalCoreAsync(DbContextOptions<LynchpinDbContext> options, int year, int checkpoint)
    {
        await using var db = new LynchpinDbContext(options);
        var schools = await db.Schools.AsNoTracking().ToListAsync();
        // A new, empty cache each run, so every run computes (the schools' versions taken from the schools just read).
        var versions = new DataVersions(db);
        versions.Know(schools);
        using var empty = new VersionedCache();
        var distributions = await new ProfileCalculator(db, new AggregateCache(empty, versions)).SchoolsAsync(schools, year, checkpoint, ProfileFilter.Everyone);
        var answer = new Answer();
        foreach (var d in distributions)
        {
            var counts = answer.For(d.Urn, checkpoint);
            for (var stage = 0; stage < 7; stage++)
            {
                counts[stage] = d.Distribution.Stages[stage];
            }
            counts[7] = d.Distribution.NotAssessed;
        }
        return answer;
    }

    private static async Task<Answer> BareAsync(NpgsqlDataSource data, string sql, NpgsqlParameter[] parameters, Dictionary<int, int>? urnOfSchoolId = null)
    {
        await using var command = data.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var answer = new Answer();
        while (await reader.ReadAsync())
        {
            var school = reader.GetInt32(0);
            var counts = answer.For(urnOfSchoolId is null ? school : urnOfSchoolId[school], reader.GetInt32(1));
            counts[reader.IsDBNull(2) ? 7 : reader.GetInt32(2)] += reader.GetInt32(3);
        }
        return answer;
    }

    private static async Task ExplainAsync(NpgsqlDataSource data, string name, string sql, NpgsqlParameter[] parameters)
    {
        await using var command = data.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine($"-- {name}");
        while (await reader.ReadAsync())
        {
            Console.WriteLine(reader.GetString(0));
        }
        Console.WriteLine();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = data.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)result;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string Ms(double ms) => ms >= 100 ? $"{ms:N0} ms" : $"{ms:N1} ms";
}
