using System.Diagnostics;
using System.Globalization;

namespace Lynchpin.Bench.Load;

/// <param name="NotSuccess">Responses that were not 2xx.</param>
/// <param name="Timeouts">Requests not answered within wrk's timeout (10 s).</param>
/// <param name="SocketErrors">Connections that failed to connect, read or write.</param>
/// <param name="PeakRss">The server's largest resident memory seen while it ran (sampled every 100 ms), in bytes.</param>
public sealed record Measurement(int Connections, long Requests, TimeSpan Duration, double P50Ms, double P99Ms,
    long NotSuccess, long Timeouts, long SocketErrors, long PeakRss)
{
    public double PerSecond => Requests / Duration.TotalSeconds;

    public long Errors => NotSuccess + Timeouts + SocketErrors;

    /// <summary>"0", or the count and its kinds: "12 (2 not 2xx, 10 timeouts)".</summary>
    public string ErrorText
    {
        get
        {
            var kinds = new[] { (NotSuccess, "not 2xx"), (Timeouts, "timeouts"), (SocketErrors, "socket errors") }.Where(k => k.Item1 > 0).ToList();
            return kinds.Count == 0 ? "0" : $"{Errors} ({string.Join(", ", kinds.Select(k => $"{k.Item1} {k.Item2}"))})";
        }
    }
}

/// <summary>Runs wrk (one thread, so the client takes as little of the two cores as it can) with bench/load-run.lua.</summary>
public sealed class Wrk(string script)
{
    public static async Task<bool> AvailableAsync()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await process.WaitForExitAsync();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public async Task<Measurement> RunAsync(Uri url, string? header, int connections, TimeSpan duration, ServerProcess server)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", script })
        {
            start.ArgumentList.Add(arg);
        }
        if (header is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }
        start.ArgumentList.Add(url.ToString());

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, server.Memory().Now);
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(100));
        }
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("LOADRUN ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result for {url}: {await error}{await output}");
        var values = line["LOADRUN ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => long.Parse(pair[1], CultureInfo.InvariantCulture));
        return new Measurement(connections, values["requests"], TimeSpan.FromMicroseconds(values["duration_us"]),
            values["p50_us"] / 1000.0, values["p99_us"] / 1000.0, values["not_2xx"], values["timeout"], values["connect"] + values["read"] + values["write"], peak);
    }
}
