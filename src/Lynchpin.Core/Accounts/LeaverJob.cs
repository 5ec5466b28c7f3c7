using Lynchpin.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lynchpin.Core.Accounts;

/// <summary>
/// Runs <see cref="LeaverAccounts"/> at start-up and every hour, so a leaver's account, tokens and calendar feed stop on the
/// first day after their leaving date. Every server may run it: a second run finds nothing left to do.
/// Off with <c>Lynchpin:Leavers:Hourly=false</c> (then run <c>users disable-leavers</c> daily from cron).
/// </summary>
public sealed class LeaverJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<LeaverJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run (the database away for a moment) is tried again next hour.
                logger.LogError(e, "The leavers' run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<LeaverRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var acting = AuditActors.ActAs(AuditActor.Job(LeaverAccounts.JobName));
        await using var scope = scopes.CreateAsyncScope();
        var today = new SchoolClock(time).Today;
        var run = await scope.ServiceProvider.GetRequiredService<LeaverAccounts>().RunAsync(today, cancellationToken);
        if (run.Disabled.Count > 0 || run.FeedsStopped > 0)
        {
            logger.LogInformation("Leavers: disabled {Accounts}; stopped {Feeds} calendar feed(s)", string.Join(", ", run.Disabled), run.FeedsStopped);
        }
        return run;
    }
}
