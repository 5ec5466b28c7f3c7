using System.Globalization;
using Lynchpin.Core.Observations;
using Lynchpin.Core.Observations.Rota;
using Lynchpin.Core.Progression;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lynchpin.Core.Appraisals.Reminders;

/// <param name="EmailsSent">People sent an email (one each, listing all their tasks).</param>
/// <param name="TasksReminded">Tasks listed in those emails.</param>
/// <param name="AlreadyReminded">Tasks left out because their person was reminded of them earlier the same day.</param>
/// <param name="WithoutEmail">People with tasks to be reminded of but no email address, by name.</param>
/// <param name="Refused">People whose email the server would not take, by name and address.</param>
/// <param name="Closed">Schools left out because their calendar has them closed today (a holiday, closure or outside term), with why.</param>
public record ReminderRun(int EmailsSent, int TasksReminded, int AlreadyReminded, IReadOnlyList<string> WithoutEmail, IReadOnlyList<string> Refused,
    IReadOnlyList<string> Closed);

/// <summary>
/// Emails each person one reminder of their appraisal tasks that are overdue or due within <see cref="DueSoonDays"/> days,
/// as appraiser and as the person appraised, through the SMTP server in <see cref="SmtpOptions"/>. Each task reminded is
/// written to the audit trail with the day, so a second run that day leaves it out: nobody hears twice in a day about
/// the same task, and a new task the same day still gets its own email.
/// </summary>
public class AppraisalReminders(LynchpinDbContext db, AppraisalTasks appraisalTasks, IOptions<SmtpOptions> smtpOptions, SchoolClock clock)
{
    public const int DueSoonDays = 14;
    public const string AuditAction = "appraisal-reminder-sent";
    public const string AuditUserName = "Appraisal reminders";

    /// <summary>The address reminders link to (<c>Lynchpin:BaseUrl</c>), ending in a slash; null when it is not an http(s) address.</summary>
    public static Uri? BaseUrlFrom(string? configured)
    {
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            return null;
        }
        return baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl + "/");
    }

    public async Task<ReminderRun> SendAsync(int? schoolId, DateOnly today, Uri baseUrl, CancellationToken cancellationToken = default)
    {
        var options = smtpOptions.Value;
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException("SMTP is not configured: set Lynchpin:Smtp:Host and Lynchpin:Smtp:From.");
        }
        var from = MailboxAddress.Parse(options.From!);

        // The appraisals whose tasks can be due: this school year's and last year's (its overdue final reviews), as AppraisalTasks.
        var fromYear = SchoolYear.Of(today) - 1;
        var appraisals = db.Appraisals.Where(a => a.Cycle.Year >= fromYear && (schoolId == null || a.Cycle.SchoolId == schoolId));
        // Reminders wait while a school is closed by its own calendar; its tasks are still due when it opens again.
        var closed = await ClosedSchoolsAsync(appraisals, today, cancellationToken);
        var closedIds = closed.Keys.ToList();
        appraisals = appraisals.Where(a => !closedIds.Contains(a.Cycle.SchoolId));
        var appraisalIds = (await appraisals.Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var people = await db.StaffMembers.AsNoTracking()
            .Where(s => appraisals.Any(a => a.StaffMemberId == s.Id || a.AppraiserId == s.Id)
                && (s.LeavingDate == null || s.LeavingDate >= today))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);

        var prefix = DayPrefix(today);
        var remindedToday = (await db.AuditEvents.AsNoTracking()
                .Where(e => e.Action == AuditAction && e.Detail != null && e.Detail.StartsWith(prefix))
                .Select(e => new { e.StaffMemberId, e.Detail })
                .ToListAsync(cancellationToken))
            .Select(e => (e.StaffMemberId, Key: e.Detail![prefix.Length..].Split(':')[0]))
            .ToHashSet();

        int sent = 0, tasksReminded = 0, alreadyReminded = 0;
        List<string> withoutEmail = [], refused = [];
        using var smtp = new SmtpClient();
        try
        {
            foreach (var person in people)
            {
                var due = (await appraisalTasks.ForStaffAsync(person.Id, today, cancellationToken))
                    .Where(t => appraisalIds.Contains(t.AppraisalId) && (t.IsOverdue || t.DueDate <= today.AddDays(DueSoonDays)))
                    .ToList();
                var toRemind = due.Where(t => !remindedToday.Contains((person.Id, Key(t)))).ToList();
                alreadyReminded += due.Count - toRemind.Count;
                if (toRemind.Count == 0)
                {
                    continue;
                }
                if (string.IsNullOrWhiteSpace(person.Email) || !MailboxAddress.TryParse(person.Email, out var address))
                {
                    withoutEmail.Add(person.FullName);
                    continue;
                }

                var message = ReminderEmail.Compose(person, new MailboxAddress(person.FullName, address.Address), toRemind, from, baseUrl);
                if (!smtp.IsConnected)
                {
                    await SmtpConnection.ConnectAsync(smtp, options, cancellationToken);
                }
                try
                {
                    await smtp.SendAsync(message, cancellationToken);
                }
                catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
                {
                    refused.Add($"{person.FullName} <{person.Email}>: {e.Message}");
                    continue;
                }
                // Recorded straight after each send: a run that fails part way has still written what it sent.
                var at = clock.UtcNow;
                db.AuditEvents.AddRange(toRemind.Select(t => new AuditEvent
                {
                    At = at,
                    UserName = AuditUserName,
                    Action = AuditAction,
                    StaffMemberId = person.Id,
                    Detail = Detail(today, t),
                }));
                await db.SaveChangesAsync(cancellationToken);
                sent++;
                tasksReminded += toRemind.Count;
            }
        }
        finally
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        return new ReminderRun(sent, tasksReminded, alreadyReminded, withoutEmail, refused, closed.Values.Order().ToList());
    }

    /// <summary>The schools of these appraisals that are closed on the day, each with words saying why.</summary>
    private async Task<Dictionary<int, string>> ClosedSchoolsAsync(IQueryable<Appraisal> appraisals, DateOnly today, CancellationToken cancellationToken)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => appraisals.Any(a => a.Cycle.SchoolId == s.Id))
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var closed = new Dictionary<int, string>();
        foreach (var school in schools)
        {
            var calendar = (await SchoolCalendars.LoadAsync(db, school.Id, cancellationToken)).ToCalendar();
            if (!calendar.IsInTerm(today))
            {
                var why = calendar.ClosedBy(today) switch
                {
                    { Name: { Length: > 0 } name } => name,
                    { Kind: CalendarDayKind.Inset } => "INSET day",
                    { Kind: var kind } => kind.ToString().ToLowerInvariant(),
                    null => "not in term",
                };
                closed[school.Id] = $"{school.Name} ({why})";
            }
        }
        return closed;
    }

    /// <summary>Names one task of one appraisal for one side, the same from day to day: "appraisal 12 review mid-year as appraiser".</summary>
    public static string Key(AppraisalTask task)
    {
        var kind = task.Kind switch
        {
            AppraisalTaskKind.AgreeObjectives => "agree-objectives",
            AppraisalTaskKind.Review => $"review {task.Review!.Value.Code()}",
            _ => $"sign-review {task.Review!.Value.Code()}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"appraisal {task.AppraisalId} {kind} as {task.As.ToString().ToLowerInvariant()}");
    }

    private static string DayPrefix(DateOnly today) => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " ";

    /// <summary>The day, the task's key, then words for a person reading the trail: "2026-11-28 appraisal 12 agree-objectives as appraiser: Set objectives with…".</summary>
    private static string Detail(DateOnly today, AppraisalTask task)
    {
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{DayPrefix(today)}{Key(task)}: {task.Description}, due {task.DueDate:yyyy-MM-dd}");
        return detail.Length <= AuditEvent.DetailMaxLength ? detail : detail[..AuditEvent.DetailMaxLength];
    }
}
