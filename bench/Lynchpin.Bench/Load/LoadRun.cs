using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lynchpin.Bench.Profile;
using Lynchpin.Core.Data;
using Lynchpin.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lynchpin.Bench.Load;

public sealed record LoadRunOptions(string Root, string Data, string[] Targets, bool Reload, TimeSpan Duration, TimeSpan Warmup,
    int[] Connections, int ImportRuns, int ImportRows, string Postgres, int Port)
{
    public const string DefaultPostgres = "Host=localhost;Database=lynchpin_bench_load;Username=lynchpin;Password=lynchpin";
    public static readonly string[] AllTargets = ["postgres", "sqlite", "demo"];

    public static LoadRunOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var reload = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--reload")
            {
                reload = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                return null;
            }
        }
        var root = Path.GetFullPath(values.GetValueOrDefault("root") ?? FindRoot(Directory.GetCurrentDirectory()) ?? ".");
        int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var targets = (values.GetValueOrDefault("targets") ?? string.Join(',', AllTargets)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (targets.Any(t => !AllTargets.Contains(t)))
        {
            return null;
        }
        return new LoadRunOptions(root, Path.GetFullPath(values.GetValueOrDefault("data") ?? Path.Combine(root, "bench", ".load-run")), targets, reload,
            TimeSpan.FromSeconds(Number("duration", 4)), TimeSpan.FromSeconds(Number("warmup", 1)),
            (values.GetValueOrDefault("connections") ?? "1,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
            Number("import-runs", 3), Number("import-rows", 10_000), values.GetValueOrDefault("postgres") ?? DefaultPostgres, Number("port", 5190));
    }

    private static string? FindRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lynchpin.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}

/// <summary>
/// The load run (bench/load-run.sh): for each database, the app in Release beside a bare Kestrel endpoint, every page
/// and API call in the list driven by wrk at 1 and 32 connections, signed in as the role that uses it; then the staff
/// import timed through the app's own command. The app is driven only through HTTP and its commands; the data is
/// loaded with <see cref="TrustData"/> (SQL matching the EF model) and kept between runs unless --reload.
/// </summary>
public static class LoadRun
{
    /// <summary>Bump when the generated data changes, so a cached database is loaded again.</summary>
    private const string DataVersion = "3";
    private const string BenchPassword = "Bench-Load-2026";
    private const string DemoPassword = "Northfield-Demo-2026";

    private static readonly TimeSpan LongestMeasurement = TimeSpan.FromSeconds(30);

    private static int MinimumRequests(int connections) => Math.Max(20, 3 * connections);

    /// <param name="AuthenticatorKey">The account's known authenticator key: trust admins and pay access sign in to the pages with a code too.</param>
    private sealed record Account(string Email, string Password, string AuthenticatorKey);

    /// <summary>The bench accounts' authenticator key (base32), given to them through the database when they are made.</summary>
    private const string BenchAuthenticatorKey = "LYNCHPINBENCHLOADRUNTWOFACTORKEY";

    /// <summary>The demo accounts' key, published with their password in the README.</summary>
    private const string DemoAuthenticatorKey = "NORTHFIELDDEMOTWOFACTORKEY234567";

    private sealed record Target(string Key, string Title, DatabaseProvider Provider, string ConnectionString, Account Head, Account Admin, bool Demo);

    private sealed record Endpoint(string Name, string Path, bool AsAdmin, bool Api)
    {
        public string Role => AsAdmin ? "trust admin" : "head";
    }

    /// <param name="FirstStatus">The status and size of one request made before the measurements, to see the page is what it should be.</param>
    private sealed record Row(string Name, string Role, IReadOnlyList<Measurement> Measurements, int FirstStatus, long Bytes);

    private sealed record Section(string Title, string Load, IReadOnlyList<Row> Rows, long PeakRss, string? Import);

    public static async Task<int> RunAsync(LoadRunOptions options)
    {
        if (!await Wrk.AvailableAsync())
        {
            Console.Error.WriteLine("wrk is not installed: apt-get install -y wrk");
            return 2;
        }
        var app = Path.Combine(options.Root, "src", "Lynchpin.Web", "bin", "Release", "net10.0", "Lynchpin.Web.dll");
        var bare = Path.Combine(options.Root, "bench", "Lynchpin.BareEndpoint", "bin", "Release", "net10.0", "Lynchpin.BareEndpoint.dll");
        foreach (var dll in new[] { app, bare })
        {
            if (!File.Exists(dll))
            {
                Console.Error.WriteLine($"{dll} is missing: build in Release first (bench/load-run.sh does).");
                return 2;
            }
        }
        Directory.CreateDirectory(options.Data);
        var wrk = new Wrk(Path.Combine(options.Root, "bench", "load-run.lua"));
        var started = DateTime.UtcNow;
        Console.WriteLine($"Load run {started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()}; "
            + $"{options.Duration.TotalSeconds:N0} s per measurement after {options.Warmup.TotalSeconds:N0} s of warm-up at the most connections.");

        var bareUrl = new Uri($"http://127.0.0.1:{options.Port + 1}/");
        await using var bareServer = await ServerProcess.StartAsync(bare, Path.GetDirectoryName(bare)!,
            new Dictionary<string, string> { ["Urls"] = bareUrl.ToString().TrimEnd('/'), ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            bareUrl, Path.Combine(options.Data, "bare.log"), TimeSpan.FromSeconds(60));

        var sections = new List<Section>();
        foreach (var key in options.Targets)
        {
            var target = TargetFor(key, options);
            Console.WriteLine();
            Console.WriteLine($"== {target.Title}");
            sections.Add(await RunTargetAsync(target, options, app, wrk, bareServer, bareUrl));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Load run {started:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; commit {Commit(options.Root)}; "
            + $"{options.Duration.TotalSeconds:N0} s per measurement, wrk -t1.");
        foreach (var section in sections)
        {
            report.AppendLine().AppendLine(Markdown(section, options));
        }
        var file = Path.Combine(options.Data, $"results-{started:yyyyMMdd-HHmm}.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"Written to {file}.");
        return 0;
    }

    private static Target TargetFor(string key, LoadRunOptions options) => key switch
    {
        "postgres" => new(key, "PostgreSQL, one trust of 100 schools", DatabaseProvider.Postgres, options.Postgres,
            new("head@bench.example", BenchPassword, BenchAuthenticatorKey), new("trust.admin@bench.example", BenchPassword, BenchAuthenticatorKey), Demo: false),
        "sqlite" => new(key, "SQLite, one trust of 100 schools", DatabaseProvider.Sqlite,
            $"Data Source={Path.Combine(options.Data, "lynchpin_bench_trust.db")}",
            new("head@bench.example", BenchPassword, BenchAuthenticatorKey), new("trust.admin@bench.example", BenchPassword, BenchAuthenticatorKey), Demo: false),
        _ => new(key, "SQLite, the demo trust (three schools)", DatabaseProvider.Sqlite,
            $"Data Source={Path.Combine(options.Data, "lynchpin_bench_demo.db")}",
            new("rachel.whitfield@northfield-academy.sch.example", DemoPassword, DemoAuthenticatorKey), new("trust.admin@northfield-trust.example", DemoPassword, DemoAuthenticatorKey), Demo: true),
    };

    private static Dictionary<string, string> AppEnvironment(Target target, Uri? url = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = target.Provider.ToString(),
            ["ConnectionStrings__Lynchpin"] = target.ConnectionString,
            ["Lynchpin__Demo"] = target.Demo ? "true" : "false",
        };
        if (url is not null)
        {
            environment["Urls"] = url.ToString().TrimEnd('/');
        }
        return environment;
    }

    private static async Task<Section> RunTargetAsync(Target target, LoadRunOptions options, string app, Wrk wrk, ServerProcess bare, Uri bareUrl)
    {
        var appFolder = Path.Combine(options.Root, "src", "Lynchpin.Web");
        await PrepareAsync(target, options, app, appFolder);
        var loadBefore = LoadAverage();

        var baseUrl = new Uri($"http://127.0.0.1:{options.Port}/");
        var rows = new List<Row>();
        long peak;
        // The app runs from its project folder, as `dotnet run` would (static files and appsettings.json there).
        await using (var server = await ServerProcess.StartAsync(app, appFolder, AppEnvironment(target, baseUrl), new Uri(baseUrl, "health"),
            Path.Combine(options.Data, $"app-{target.Key}.log"), TimeSpan.FromMinutes(5)))
        {
            var env = AppEnvironment(target);
            var headToken = (await Commands.CheckedAsync(app, appFolder, env, "tokens", "create", "--email", target.Head.Email, "--name", "load run")).Trim();
            var adminToken = (await Commands.CheckedAsync(app, appFolder, env, "tokens", "create", "--email", target.Admin.Email, "--name", "load run")).Trim();
            var headCookie = await SignInAsync(baseUrl, target.Head);
            var adminCookie = await SignInAsync(baseUrl, target.Admin);
            var (urn, trust, person) = await DiscoverAsync(baseUrl, headToken, adminToken);
            var year = TrustData.WorkYear;
            Console.WriteLine($"School {urn}, trust {trust}, person {person}, year {year}; app pid {server.Id}, bare endpoint pid {bare.Id}.");

            Endpoint[] endpoints =
            [
                new("Home", "/", false, false),
                new("Staff list", "/staff", false, false),
                new("A person", $"/staff/{person}", false, false),
                new("School profile", $"/schools/{urn}/profile?year={year}", false, false),
                new("Trust profile", $"/trusts/{trust}/profile?year={year}", true, false),
                new("School appraisal dashboard", $"/schools/{urn}/appraisal?year={year}", false, false),
                new("Trust appraisal dashboard", $"/trusts/{trust}/appraisal?year={year}", true, false),
                new("Observation coverage", $"/schools/{urn}/observations/coverage?from={year}-09-01&to={year + 1}-08-31", false, false),
                new("API school profile", $"/api/schools/{urn}/profile?year={year}", false, true),
                new("API trust profile", $"/api/trusts/{trust}/profile?year={year}", true, true),
                new("API school appraisal", $"/api/schools/{urn}/appraisal?year={year}", false, true),
                new("API staff", $"/api/schools/{urn}/staff", false, true),
                new("Trust parity", $"/trusts/{trust}/parity?year={year}", true, false),
                new("API trust parity", $"/api/trusts/{trust}/parity?year={year}", true, true),
            ];

            rows.Add(await MeasureAsync("Bare endpoint", "-", bareUrl, null, options, wrk, bare, await FirstAsync(bareUrl, null)));
            foreach (var endpoint in endpoints)
            {
                var header = endpoint.Api
                    ? $"Authorization: Bearer {(endpoint.AsAdmin ? adminToken : headToken)}"
                    : $"Cookie: {(endpoint.AsAdmin ? adminCookie : headCookie)}";
                var url = new Uri(baseUrl, endpoint.Path);
                rows.Add(await MeasureAsync(endpoint.Name, endpoint.Role, url, header, options, wrk, server, await FirstAsync(url, header)));
            }
            peak = server.Memory().Peak;
            // The bare endpoint again: the machine's load moves during a section, so the ratios are to the mean of both.
            rows.Add(await MeasureAsync("Bare endpoint, again", "-", bareUrl, null, options, wrk, bare, await FirstAsync(bareUrl, null)));
        }
        var loadAfter = LoadAverage();
        var import = target.Demo ? null : await TimeImportAsync(target, options, app, appFolder);
        return new Section(target.Title, $"{loadBefore} before, {loadAfter} after", rows, peak, import);
    }

    private static async Task<Row> MeasureAsync(string name, string role, Uri url, string? header, LoadRunOptions options, Wrk wrk, ServerProcess server,
        (int Status, long Bytes) first)
    {
        var status = first.Status;
        if (options.Warmup > TimeSpan.Zero)
        {
            await wrk.RunAsync(url, header, options.Connections.Max(), options.Warmup, server);
        }
        var measurements = new List<Measurement>();
        foreach (var connections in options.Connections)
        {
            var m = await wrk.RunAsync(url, header, connections, options.Duration, server);
            if (m.Requests < MinimumRequests(connections))
            {
                // Too few answers for a rate or a p99 (a slow page at 32 connections answers none in a short window): once more, longer.
                m = await wrk.RunAsync(url, header, connections, options.Duration * 4 > LongestMeasurement ? LongestMeasurement : options.Duration * 4, server);
            }
            measurements.Add(m);
            Console.WriteLine($"  {name,-28} {connections,3} conn {m.Duration.TotalSeconds,3:N0} s {m.PerSecond,8:N0}/s  p50 {m.P50Ms,7:N1} ms  p99 {m.P99Ms,7:N1} ms  "
                + $"errors {m.ErrorText,-5}  RSS {m.PeakRss / 1048576.0,5:N0} MB  {first.Bytes / 1024.0,6:N1} KB{(status == 200 ? "" : $"  (first request: {status})")}");
        }
        return new Row(name, role, measurements, status, first.Bytes);
    }

    // ------------------------------------------------------------------------------------------------ the data

    private static async Task PrepareAsync(Target target, LoadRunOptions options, string app, string appFolder)
    {
        var path = new SqliteConnectionStringBuilder(target.Provider == DatabaseProvider.Sqlite ? target.ConnectionString : "").DataSource;
        if (target.Demo)
        {
            // Seeded by the app at start-up, into an empty file each run.
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            {
                File.Delete(file);
            }
            return;
        }
        await using (var context = BenchDataset.Context(target.Provider, target.ConnectionString))
        {
            var marker = Path.Combine(options.Data, $"{target.Key}.loaded");
            var version = $"{DataVersion} {context.Database.GetMigrations().Last()}";
            if (!options.Reload && File.Exists(marker) && await File.ReadAllTextAsync(marker) == version)
            {
                Console.WriteLine($"Data loaded by an earlier run ({marker}); --reload loads it again.");
                return;
            }
            File.Delete(marker);
            var (people, data) = TrustData.Generate();
            var result = target.Provider == DatabaseProvider.Postgres
                ? await ProfileLoader.LoadAsync(target.ConnectionString, recreate: true, data)
                : await SqliteLoader.LoadAsync(path, data);
            if (result != 0)
            {
                throw new InvalidOperationException($"Loading {target.Title} failed.");
            }
            await CreateAccountsAsync(target, people, app, appFolder);
            await File.WriteAllTextAsync(marker, version);
        }
    }

    /// <summary>
    /// Through the app's own command: the head of the trust's largest school (its first senior leader's staff record, with
    /// pay access as heads have) and a trust admin.
    /// </summary>
    private static async Task CreateAccountsAsync(Target target, ProfileGenerator people, string app, string appFolder)
    {
        var trust = people.Trusts.Single();
        var school = people.Schools.Where(s => s.TrustId == trust.Id).MaxBy(s => people.StaffIdsOf(s.Id).Count)!;
        var head = people.StaffIdsOf(school.Id).First(id => people.Staff[id - 1].Slt);
        var env = AppEnvironment(target);
        Console.Write(await Commands.CheckedAsync(app, appFolder, env, "users", "create", "--email", target.Head.Email, "--role", "SchoolLeader",
            "--school", school.Urn.ToString(CultureInfo.InvariantCulture), "--staff-ref", ProfileEntities.StaffRef(head), "--password", target.Head.Password, "--pay-access"));
        Console.Write(await Commands.CheckedAsync(app, appFolder, env, "users", "create", "--email", target.Admin.Email, "--role", "TrustAdmin",
            "--trust", trust.Code, "--password", target.Admin.Password));
        foreach (var account in new[] { target.Head, target.Admin })
        {
            await UseKnownKeyAsync(target, account);
        }
    }

    /// <summary>
    /// Sets the account's authenticator key and turns two-factor on, as an authenticator app's set-up at first sign-in
    /// would (Identity's own token row), so the run can sign in with the code the key gives.
    /// </summary>
    private static async Task UseKnownKeyAsync(Target target, Account account)
    {
        await using var db = BenchDataset.Context(target.Provider, target.ConnectionString);
        var user = await db.Users.SingleAsync(u => u.Email == account.Email);
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = account.AuthenticatorKey });
        user.TwoFactorEnabled = true;
        await db.SaveChangesAsync();
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    private static async Task<string> SignInAsync(Uri baseUrl, Account account)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl };
        var form = await http.GetStringAsync("/sign-in");
        using var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {account.Email} gave {(int)response.StatusCode}, not a redirect.");
        }
        // Trust admins and pay access are asked for their authenticator's code next.
        if (response.Headers.Location is { } next && next.OriginalString.StartsWith("/sign-in/two-factor", StringComparison.Ordinal))
        {
            var page = await http.GetStringAsync(next);
            using var coded = await http.PostAsync(next, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = Totp.Code(account.AuthenticatorKey),
                ["__RequestVerificationToken"] = AntiforgeryToken(page),
            }));
            if (coded.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"The code for {account.Email} gave {(int)coded.StatusCode}, not a redirect.");
            }
        }
        return cookies.GetCookieHeader(baseUrl);
    }

    private static string AntiforgeryToken(string html)
    {
        var input = Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        return WebUtility.HtmlDecode(Regex.Match(input, "value=\"([^\"]*)\"").Groups[1].Value);
    }

    /// <summary>The head's school, the trust, and a teacher of that school with a line manager, as the API lists them.</summary>
    private static async Task<(int Urn, string Trust, int Person)> DiscoverAsync(Uri baseUrl, string headToken, string adminToken)
    {
        async Task<JsonArray> Get(string path, string token)
        {
            using var http = new HttpClient { BaseAddress = baseUrl };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return JsonNode.Parse(await http.GetStringAsync(path))!.AsArray();
        }
        var urn = (int)(await Get("/api/schools", headToken))[0]!["urn"]!;
        var trust = (string)(await Get("/api/schools", adminToken)).First(s => s!["trust"] is not null)!["trust"]!["code"]!;
        var staff = await Get($"/api/schools/{urn}/staff", headToken);
        var person = staff.FirstOrDefault(s => (string?)s!["roleFamily"] == "teaching" && !(bool)s["slt"]! && s["lineManager"] is not null) ?? staff[^1];
        return (urn, trust, (int)person!["id"]!);
    }

    private static async Task<(int Status, long Bytes)> FirstAsync(Uri url, string? header)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (header is not null)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            request.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        }
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).LongLength);
    }

    // ------------------------------------------------------------------------------------------------ the import

    /// <summary>
    /// <c>import staff</c> of a 10,000-row file into the empty import school, timed from outside (wall clock) and less a
    /// no-op command's start-up (<c>migrate</c> on a migrated database: the same host, configuration and EF model, and the
    /// migration check every command makes). The school is emptied before each run and after the last.
    /// </summary>
    private static async Task<string> TimeImportAsync(Target target, LoadRunOptions options, string app, string appFolder)
    {
        var file = Path.Combine(options.Data, $"staff-{options.ImportRows}.csv");
        if (!File.Exists(file))
        {
            StaffFile.Write(options.ImportRows, file, new Random(20261124));
        }
        var env = AppEnvironment(target);
        var startups = new List<double>();
        var imports = new List<double>();
        for (var run = 0; run < options.ImportRuns; run++)
        {
            startups.Add((await Commands.RunAsync(app, appFolder, env, "migrate")).Wall.TotalSeconds);
        }
        for (var run = 0; run < options.ImportRuns; run++)
        {
            await EmptyImportSchoolAsync(target);
            var result = await Commands.RunAsync(app, appFolder, env, "import", "staff", "--school", BenchDataset.ImportSchoolUrn.ToString(CultureInfo.InvariantCulture), "--file", file);
            if (result.ExitCode != 0 || !result.Output.Contains($"{options.ImportRows} created", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The staff import failed ({result.ExitCode}): {result.Error}{result.Output}");
            }
            imports.Add(result.Wall.TotalSeconds);
        }
        await EmptyImportSchoolAsync(target);
        var startup = Median(startups);
        var import = Median(imports);
        var line = $"Staff import, {options.ImportRows:N0} rows (`import staff`): {import - startup:N2} s = {import:N2} s wall "
            + $"(median of {string.Join(", ", imports.Select(s => s.ToString("N2", CultureInfo.InvariantCulture)))}) "
            + $"less {startup:N2} s for a no-op command (`migrate`: {string.Join(", ", startups.Select(s => s.ToString("N2", CultureInfo.InvariantCulture)))}).";
        Console.WriteLine(line);
        return line;
    }

    /// <summary>
    /// Deletes the import school's staff (they have nothing else: no assessments, appraisals or observations). Each
    /// deleted row makes the database look for rows that refer to it, and nothing indexes assessments.staff_member_id on
    /// its own (ix_assessments_current is partial), so each of 10,000 rows would scan every assessment: on SQLite the
    /// keys are not checked for this, and on PostgreSQL an index is made for the delete and dropped in the same transaction.
    /// </summary>
    private static async Task EmptyImportSchoolAsync(Target target)
    {
        var school = $"school_id IN (SELECT id FROM schools WHERE urn = {BenchDataset.ImportSchoolUrn})";
        var postgres = target.Provider == DatabaseProvider.Postgres;
        await using DbConnection connection = postgres
            ? new NpgsqlConnection(target.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        string[] statements = postgres
            ? ["BEGIN", "CREATE INDEX bench_cleanup ON assessments (staff_member_id)", $"DELETE FROM staff_members WHERE {school}", "DROP INDEX bench_cleanup", "COMMIT"]
            : ["PRAGMA foreign_keys = OFF", $"DELETE FROM staff_members WHERE {school}"];
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // ------------------------------------------------------------------------------------------------ the report

    private static string Markdown(Section section, LoadRunOptions options)
    {
        var connections = options.Connections;
        // The bare endpoint is measured first and last; each ratio is to the mean of the two at the same connections.
        var bare = section.Rows[0].Measurements.Select((m, i) => (m.PerSecond + section.Rows[^1].Measurements[i].PerSecond) / 2).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{section.Title}** (load average {section.Load}; the app's peak RSS {section.PeakRss / 1048576.0:N0} MB)");
        text.AppendLine();
        var head = new StringBuilder("| Endpoint | As |");
        var rule = new StringBuilder("|---|---|");
        foreach (var c in connections)
        {
            var label = c == 1 ? "1 conn" : $"{c} conns";
            head.Append(CultureInfo.InvariantCulture, $" {label}: req/s | p50 ms | p99 ms | % of bare |");
            rule.Append("---:|---:|---:|---:|");
        }
        text.AppendLine(head.Append(" Errors | Size KB | Peak RSS MB |").ToString());
        text.AppendLine(rule.Append("---:|---:|---:|").ToString());
        foreach (var row in section.Rows)
        {
            var line = new StringBuilder($"| {row.Name} | {row.Role} |");
            for (var i = 0; i < row.Measurements.Count; i++)
            {
                var m = row.Measurements[i];
                var share = bare[i] > 0 ? 100 * m.PerSecond / bare[i] : 0;
                var longer = m.Duration > options.Duration + TimeSpan.FromSeconds(1) ? $" ({m.Duration.TotalSeconds:N0} s)" : "";
                line.Append(CultureInfo.InvariantCulture, $" {m.PerSecond:N0}{longer} | {m.P50Ms:N1} | {m.P99Ms:N1} | {(row == section.Rows[0] || row == section.Rows[^1] ? "-" : share.ToString(share < 1 ? "N2" : share < 10 ? "N1" : "N0", CultureInfo.InvariantCulture) + " %")} |");
            }
            var errors = string.Join(" / ", row.Measurements.Select(m => m.ErrorText));
            line.Append(CultureInfo.InvariantCulture,
                $" {errors}{(row.FirstStatus == 200 ? "" : $" (status {row.FirstStatus})")} | {row.Bytes / 1024.0:N1} | {row.Measurements.Max(m => m.PeakRss) / 1048576.0:N0} |");
            text.AppendLine(line.ToString());
        }
        if (section.Import is not null)
        {
            text.AppendLine().AppendLine(section.Import);
        }
        return text.ToString();
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string Commit(string root)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return commit.Length > 0 ? commit : "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
