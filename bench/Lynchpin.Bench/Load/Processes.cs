using System.Diagnostics;
using System.Globalization;

namespace Lynchpin.Bench.Load;

/// <summary>A server the load run started (the app or the bare endpoint): its output goes to a log file, and it is stopped by its own id.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ServerProcess(Process process, StreamWriter log)
    {
        this.process = process;
        this.log = log;
    }

    public int Id => process.Id;

    public static async Task<ServerProcess> StartAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        Uri ready, string logFile, TimeSpan timeout)
    {
        var start = Commands.StartInfo(dll, [], workingDirectory, environment);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with code {process.ExitCode} while starting; see {logFile}.");
            }
            try
            {
                if ((await http.GetAsync(ready)).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{Path.GetFileName(dll)} did not answer {ready} within {timeout.TotalSeconds:N0} s; see {logFile}.");
    }

    /// <summary>Resident memory now and its peak over the process's life (VmRSS and VmHWM), in bytes.</summary>
    public (long Now, long Peak) Memory()
    {
        long now = 0, peak = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    now = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line);
                }
            }
        }
        catch (IOException)
        {
        }
        return (now, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}

/// <summary>The app's own commands (users create, tokens create, migrate, import staff), run as a user would run them.</summary>
public static class Commands
{
    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Wall);

    public static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }

    public static async Task<Result> RunAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(StartInfo(dll, args, workingDirectory, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        return new Result(process.ExitCode, await output, await error, clock.Elapsed);
    }

    /// <summary>Runs a command that must succeed, and returns what it printed.</summary>
    public static async Task<string> CheckedAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var result = await RunAsync(dll, workingDirectory, environment, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', args)}` exited {result.ExitCode}: {result.Error.Trim()} {result.Output.Trim()}");
        }
        return result.Output;
    }
}
