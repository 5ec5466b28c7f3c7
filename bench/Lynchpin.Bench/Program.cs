using System.Globalization;
using System.Text;
using Lynchpin.Bench.Load;
using Lynchpin.Bench.Profile;
using Lynchpin.Core.Data.Models;
using Lynchpin.Core.Data;

// Writes realistic import files at trust and national scale, for timing the imports by hand:
//   dotnet run -c Release --project bench/Lynchpin.Bench -- gias 50000 /tmp/gias.csv
//   dotnet run -c Release --project bench/Lynchpin.Bench -- staff 2000 /tmp/staff.csv
// Loads a PostgreSQL database for the progression profile and times the profile against it:
//   dotnet run -c Release --project bench/Lynchpin.Bench -- profile-load trust|national CONNECTION [--recreate]
//   dotnet run -c Release --project bench/Lynchpin.Bench -- profile-time --connection C --url U --token T --trust CODE [...]
// The load run (bench/load-run.sh): one trust of 100 schools into PostgreSQL or SQLite, then every page and API call under load:
//   dotnet run -c Release --project bench/Lynchpin.Bench -- trust-load postgres|sqlite CONNECTION|FILE
//   dotnet run -c Release --project bench/Lynchpin.Bench -- load-run [--targets postgres,sqlite,demo] [--reload] [...]
// Times the staff import in-process (no start-up), into an empty school and again over itself:
//   dotnet run -c Release --project bench/Lynchpin.Bench -- import-time sqlite|postgres FILE|CONNECTION STAFF.csv [RUNS]
// See docs/performance.md for the commands that time them and the results.
switch (args.FirstOrDefault())
{
    case "profile-load":
        return args.Length is 3 or 4 && ProfileScale.Parse(args[1]) is { } scale && (args.Length == 3 || args[3] == "--recreate")
            ? await ProfileLoader.RunAsync(scale, args[2], recreate: args.Length == 4)
            : Usage();
    case "profile-time":
        return ParseTiming(args[1..]) is { } timing ? await ProfileTiming.RunAsync(timing) : Usage();
    case "trust-load" when args.Length == 3 && args[1] is "postgres" or "sqlite":
        return args[1] == "postgres" ? await TrustData.LoadPostgresAsync(args[2]) : await TrustData.LoadSqliteAsync(args[2]);
    case "import-time" when args.Length is 4 or 5 && args[1] is "postgres" or "sqlite":
        return await ImportTiming.RunAsync(args[1] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, args[2], args[3],
            args.Length == 5 && int.TryParse(args[4], out var runs) ? runs : 3);
    case "load-run":
        return LoadRunOptions.Parse(args[1..]) is { } load ? await LoadRun.RunAsync(load) : Usage();
}
if (args.Length != 3 || !int.TryParse(args[1], out var count) || args[0] is not ("gias" or "staff"))
{
    return Usage();
}
var random = new Random(20261124);
if (args[0] == "gias")
{
    WriteGias(count, args[2], random);
}
else
{
    StaffFile.Write(count, args[2], random);
}
Console.WriteLine($"Wrote {count:N0} rows to {args[2]}");
return 0;

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Lynchpin.Bench gias|staff COUNT FILE
               Lynchpin.Bench profile-load trust|national CONNECTION [--recreate]
               Lynchpin.Bench profile-time --connection CONNECTION --url URL --token TOKEN --trust CODE
                   [--school URN] [--year 2025] [--checkpoint 4] [--runs 50] [--national-runs 20] [--explain]
               (the token may instead be in LYNCHPIN_BENCH_TOKEN)
               Lynchpin.Bench trust-load postgres CONNECTION | trust-load sqlite FILE
               Lynchpin.Bench import-time sqlite FILE | postgres CONNECTION  STAFF.csv [RUNS]
               Lynchpin.Bench load-run [--targets postgres,sqlite,demo] [--reload] [--duration 4] [--warmup 1]
                   [--connections 1,32] [--import-runs 3] [--import-rows 10000] [--postgres CONNECTION] [--port 5190]
                   [--root REPO] [--data FOLDER]
        """);
    return 2;
}

static TimingOptions? ParseTiming(string[] args)
{
    var values = new Dictionary<string, string>();
    var explain = false;
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--explain")
        {
            explain = true;
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
    int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
    var token = values.GetValueOrDefault("token") ?? Environment.GetEnvironmentVariable("LYNCHPIN_BENCH_TOKEN");
    if (!values.TryGetValue("connection", out var connection) || !values.TryGetValue("url", out var url) || token is null
        || !values.TryGetValue("trust", out var trust))
    {
        return null;
    }
    return new TimingOptions(connection, new Uri(url), token, trust, values.ContainsKey("school") ? Number("school", 0) : null,
        Number("year", 2025), Number("checkpoint", 4), Number("runs", 50), Number("national-runs", 20), explain);
}

static void WriteGias(int schools, string path, Random random)
{
    Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    using var writer = new StreamWriter(path, false, Encoding.GetEncoding(1252));
    // The real extract has ~130 columns; a handful of extra ones keep the reader honest.
    writer.WriteLine("URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,NumberOfPupils,Trusts (code),Trusts (name),Postcode");
    string[] phases = ["Primary", "Secondary", "Not applicable", "Nursery", "16 plus", "All-through"];
    string[] places = ["Northfield", "St Mary's", "Riverside", "Oakwood", "Hillcrest", "Kingsmead", "Ashford", "Brookside", "Elmhurst", "Westgate"];
    var trusts = Enumerable.Range(0, schools / 12).Select(i => ($"TR{10000 + i:D5}", $"{places[i % places.Length]} Learning Trust {i}")).ToArray();
    for (var i = 0; i < schools; i++)
    {
        var phase = phases[random.Next(10) < 6 ? 0 : random.Next(phases.Length)];
        var (code, name) = random.Next(10) < 4 ? ("", "") : trusts[random.Next(trusts.Length)];
        var status = random.Next(20) == 0 ? "Closed" : "Open";
        var pupils = status == "Closed" ? "" : (phase == "Secondary" ? random.Next(500, 2000) : random.Next(40, 630)).ToString(CultureInfo.InvariantCulture);
        writer.WriteLine($"{100000 + i},{300 + i % 150},Local Authority {i % 150},{2000 + i % 7000},\"{places[i % places.Length]} {phase} School {i}\",Academy converter,{status},{phase},4,11,{pupils},{code},\"{name}\",AB1 2CD");
    }
}
