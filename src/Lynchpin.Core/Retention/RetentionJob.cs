using Lynchpin.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lynchpin.Core.Retention;

/// <summary>
/// Runs <see cref="RetentionRunner"/> at start-up and once a day, as the job (each record's audit row says so). Every server
/// may run it: a second run the same day finds nothing due. Off with <c>Lynchpin:Retention:Daily=false</c> (then run
/// <c>retention run</c> daily from cron).
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run (the database away for a moment) is tried again tomorrow; nothing was half done (one save).
                logger.LogError(e, "The retention run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var acting = AuditActors.ActAs(AuditActor.Job(RetentionRunner.JobName));
        await using var scope = scopes.CreateAsyncScope();
        var today = new SchoolClock(time).Today;
        var run = await scope.ServiceProvider.GetRequiredService<RetentionRunner>().RunAsync(today, cancellationToken);
        if (run.Total > 0)
        {
            logger.LogInformation("Retention: {Staff} staff record(s) anonymised, {Appraisals} appraisal(s) and {Notes} observation note(s) deleted",
                run.StaffRecordsAnonymised, run.AppraisalsDeleted, run.ObservationNotesDeleted);
        }
        return run;
    }
}
