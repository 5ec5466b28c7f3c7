using Lynchpin.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Core.Accounts;

/// <summary>
/// Runs <see cref="LeaverAccounts"/> every hour, so a leaver's account, tokens and calendar feed stop on the first day
/// after their leaving date. Off with <c>Lynchpin:Leavers:Hourly=false</c> (then run <c>users disable-leavers</c> daily from cron).
/// </summary>
public sealed class LeaverJob : IScheduledJob
{
    public string Name => LeaverAccounts.JobName;

    public JobSchedule Schedule => JobSchedule.Hourly;

    public async Task<string?> RunAsync(IServiceProvider services, DateOnly today, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<LeaverAccounts>().RunAsync(today, cancellationToken);
        return run.Disabled.Count > 0 || run.FeedsStopped > 0
            ? $"disabled {string.Join(", ", run.Disabled)}; stopped {run.FeedsStopped} calendar feed(s)"
            : null;
    }
}
