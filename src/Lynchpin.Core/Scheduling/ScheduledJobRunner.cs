using System.Diagnostics;
using Lynchpin.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lynchpin.Core.Scheduling;

/// <summary>
/// Runs the scheduled jobs (leavers, retention, appraisal reminders) once per slot. Every server runs this, checking once a
/// minute; the first to add the slot's <see cref="JobRun"/> row runs it, and a unique index turns every other server
/// away, on SQLite and PostgreSQL alike. A slot missed while every server was down is run when one comes back; a server
/// killed mid-run leaves its row unfinished, and the next slot runs as usual (every job is safe to run again).
/// </summary>
public sealed class ScheduledJobRunner(
    IEnumerable<IScheduledJob> jobs, IServiceScopeFactory scopes, TimeProvider time, ILogger<ScheduledJobRunner> logger) : BackgroundService
{
    private static readonly string Server = $"{Environment.MachineName} ({Environment.ProcessId})";
    private readonly Dictionary<string, DateTime> done = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!jobs.Any())
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database away for a moment: the slot is claimed and run at a later tick.
                logger.LogError(e, "Scheduled jobs could not be checked");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs each job whose current slot no server has claimed; returns the runs this server made.</summary>
    public async Task<IReadOnlyList<JobRun>> RunDueAsync(CancellationToken cancellationToken)
    {
        var clock = new SchoolClock(time);
        var localNow = clock.LocalNow;
        List<JobRun> ran = [];
        foreach (var job in jobs)
        {
            var slot = SchoolClock.ToUtc(job.Schedule.SlotOf(localNow));
            if (done.TryGetValue(job.Name, out var last) && last == slot)
            {
                continue;
            }
            if (await RunSlotAsync(job, slot, clock, cancellationToken) is { } run)
            {
                ran.Add(run);
            }
            done[job.Name] = slot;
        }
        return ran;
    }

    private async Task<JobRun?> RunSlotAsync(IScheduledJob job, DateTime slot, SchoolClock clock, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LynchpinDbContext>();
        var run = new JobRun { Job = job.Name, Slot = slot, Server = Server, StartedUtc = clock.UtcNow };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Another server claimed this slot first.
            return null;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            using var acting = AuditActors.ActAs(AuditActor.Job(job.Name));
            await using var jobScope = scopes.CreateAsyncScope();
            run.Outcome = Truncate(await job.RunAsync(jobScope.ServiceProvider, clock.Today, cancellationToken));
            if (run.Outcome is not null)
            {
                logger.LogInformation("{Job}: {Outcome}", job.Name, run.Outcome);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not tried again this slot: a job that fails every time should not run every minute. The next slot runs it.
            logger.LogError(e, "The scheduled job {Job} failed", job.Name);
            run.Failed = true;
            run.Outcome = Truncate(e.Message);
        }
        run.FinishedUtc = clock.UtcNow;
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogDebug("{Job} ran for the slot at {Slot:u} in {Elapsed} ms", job.Name, slot, watch.ElapsedMilliseconds);
        return run;
    }

    private static string? Truncate(string? text) =>
        text is { Length: > JobRun.OutcomeMaxLength } ? text[..JobRun.OutcomeMaxLength] : text;
}
