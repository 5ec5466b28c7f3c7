using Lynchpin.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Core.Appraisals.Reminders;

/// <summary>
/// Sends <see cref="AppraisalReminders"/> once a day at 07:00, before school, for every school. On when email and
/// <c>Lynchpin:BaseUrl</c> are set up; off with <c>Lynchpin:Reminders:Daily=false</c> (then run <c>appraisal remind</c> from cron).
/// </summary>
public sealed class AppraisalReminderJob(Uri baseUrl) : IScheduledJob
{
    public string Name => "Appraisal reminders (daily)";

    public JobSchedule Schedule => JobSchedule.Daily(7);

    public async Task<string?> RunAsync(IServiceProvider services, DateOnly today, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<AppraisalReminders>().SendAsync(null, today, baseUrl, cancellationToken);
        return run.EmailsSent > 0 || run.Refused.Count > 0
            ? $"sent {run.EmailsSent} email(s) about {run.TasksReminded} task(s); {run.Refused.Count} refused; {run.WithoutEmail.Count} without an address"
            : null;
    }
}
