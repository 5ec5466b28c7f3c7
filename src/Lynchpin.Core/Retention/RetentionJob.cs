using Lynchpin.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Core.Retention;

/// <summary>
/// Runs <see cref="RetentionRunner"/> once a day at 02:00, as the job (each record's audit row says so). Off with
/// <c>Lynchpin:Retention:Daily=false</c> (then run <c>retention run</c> daily from cron).
/// </summary>
public sealed class RetentionJob : IScheduledJob
{
    public string Name => RetentionRunner.JobName;

    public JobSchedule Schedule => JobSchedule.Daily(2);

    public async Task<string?> RunAsync(IServiceProvider services, DateOnly today, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<RetentionRunner>().RunAsync(today, cancellationToken);
        return run.Total > 0
            ? $"{run.StaffRecordsAnonymised} staff record(s) anonymised, {run.AppraisalsDeleted} appraisal(s) and {run.ObservationNotesDeleted} observation note(s) deleted"
            : null;
    }
}
