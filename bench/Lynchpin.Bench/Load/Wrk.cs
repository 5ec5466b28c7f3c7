using System.Diagnostics;
using System.Globalization;

namespace Lynchpin.Bench.Load;

/// <param name="Errors">Responses that were not 2xx, plus connections that failed or timed out.</param>
/// <param name="PeakRss">The server's largest resident memory seen while it ran (sampled every 100 ms), in bytes.</param>
public sealed record Measurement(int Connections, long Requests, TimeSpan Duration, double P50Ms, double P99Ms, long Errors, long PeakRss)
{
    public double PerSecond => Requests / Duration.TotalSeconds;
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
        var errors = values["not_2xx"] + values["connect"] + values["read"] + values["write"] + values["timeout"];
        return new Measurement(connections, values["requests"], TimeSpan.FromMicroseconds(values["duration_us"]),
            values["p50_us"] / 1000.0, values["p99_us"] / 1000.0, errors, peak);
    }
}
