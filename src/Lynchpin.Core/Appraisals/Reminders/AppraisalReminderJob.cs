using Lynchpin.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Lynchpin.Core.Appraisals.Reminders;

/// <summary>
/// Sends <see cref="AppraisalReminders"/> at 07:00 on weekdays, before school, for every school open that day. On when email and
/// <c>Lynchpin:BaseUrl</c> are set up; off with <c>Lynchpin:Reminders:Daily=false</c> (then run <c>appraisal remind</c> from cron).
/// </summary>
public sealed class AppraisalReminderJob(Uri baseUrl) : IScheduledJob
{
    public string Name => "Appraisal reminders (daily)";

    public JobSchedule Schedule => JobSchedule.Daily(7);

    public async Task<string?> RunAsync(IServiceProvider services, DateOnly today, CancellationToken cancellationToken)
    {
        if (Observations.Rota.SchoolCalendar.IsWeekend(today))
        {
            // Monday's run still finds every task that is due or overdue.
            return null;
        }
        var run = await services.GetRequiredService<AppraisalReminders>().SendAsync(null, today, baseUrl, cancellationToken);
        return run.EmailsSent > 0 || run.Refused.Count > 0
            ? $"sent {run.EmailsSent} email(s) about {run.TasksReminded} task(s); {run.Refused.Count} refused; {run.WithoutEmail.Count} without an address"
            : null;
    }
}
