using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;

namespace Lynchpin.Core.Appraisals.Reminders;

/// <summary>One person's reminder: their overdue tasks, then those due soon, each with a link to where it is done.</summary>
public static class ReminderEmail
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static MimeMessage Compose(StaffMember person, MailboxAddress to, IReadOnlyList<AppraisalTask> tasks, MailboxAddress from, Uri baseUrl)
    {
        var overdue = tasks.Where(t => t.IsOverdue).ToList();
        var dueSoon = tasks.Where(t => !t.IsOverdue).ToList();

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = Subject(overdue.Count, dueSoon.Count);
        message.Body = new BodyBuilder
        {
            TextBody = Text(person, overdue, dueSoon, baseUrl),
            HtmlBody = Html(person, overdue, dueSoon, baseUrl),
        }.ToMessageBody();
        return message;
    }

    public static string Subject(int overdue, int dueSoon)
    {
        var parts = new List<string>();
        if (overdue > 0)
        {
            parts.Add($"{overdue} overdue");
        }
        if (dueSoon > 0)
        {
            parts.Add($"{dueSoon} due soon");
        }
        return $"Your appraisal tasks in Lynchpin: {string.Join(" and ", parts)}";
    }

    private static string Text(StaffMember person, List<AppraisalTask> overdue, List<AppraisalTask> dueSoon, Uri baseUrl)
    {
        var text = new StringBuilder();
        text.Append(English, $"Dear {person.FirstName},\n\nYou have appraisal tasks to do in Lynchpin.\n");
        foreach (var (heading, tasks) in Sections(overdue, dueSoon))
        {
            text.Append(English, $"\n{heading}:\n");
            foreach (var task in tasks)
            {
                text.Append(English, $"- {task.Description} ({When(task)})\n  {Link(baseUrl, task)}\n");
            }
        }
        text.Append(English, $"\nSign in to Lynchpin at {baseUrl} to see all your tasks on your home page.\n\n{Footer}\n");
        return text.ToString();
    }

    private static string Html(StaffMember person, List<AppraisalTask> overdue, List<AppraisalTask> dueSoon, Uri baseUrl)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.4\">");
        html.Append(English, $"<p>Dear {E(person.FirstName)},</p><p>You have appraisal tasks to do in Lynchpin.</p>");
        foreach (var (heading, tasks) in Sections(overdue, dueSoon))
        {
            html.Append(English, $"<h2 style=\"font-size: 19px\">{E(heading)}</h2><ul>");
            foreach (var task in tasks)
            {
                html.Append(English, $"<li><a href=\"{E(Link(baseUrl, task).ToString())}\">{E(task.Description)}</a> ({E(When(task))})</li>");
            }
            html.Append("</ul>");
        }
        html.Append(English, $"<p>Sign in to <a href=\"{E(baseUrl.ToString())}\">Lynchpin</a> to see all your tasks on your home page.</p>");
        html.Append(English, $"<p style=\"color: #505a5f; font-size: 14px\">{E(Footer)}</p></body></html>");
        return html.ToString();
    }

    private const string Footer =
        "This reminder comes from Lynchpin, at most once a day for each task while it is due soon or overdue.";

    private static IEnumerable<(string Heading, List<AppraisalTask> Tasks)> Sections(List<AppraisalTask> overdue, List<AppraisalTask> dueSoon)
    {
        if (overdue.Count > 0)
        {
            yield return ("Overdue", overdue);
        }
        if (dueSoon.Count > 0)
        {
            yield return ("Due soon", dueSoon);
        }
    }

    private static string When(AppraisalTask task)
    {
        var date = Dates.Long(task.DueDate);
        return task.IsOverdue ? $"was due {date}" : $"due {date}";
    }

    /// <summary>The task's page under <paramref name="baseUrl"/>, which may have a path of its own (https://example.org/lynchpin/).</summary>
    public static Uri Link(Uri baseUrl, AppraisalTask task) => new(baseUrl, AppraisalTaskLinks.PathOf(task).TrimStart('/'));
}
