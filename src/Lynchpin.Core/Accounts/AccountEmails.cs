using System.Net;
using Lynchpin.Core.Appraisals.Reminders;
using Lynchpin.Core.Data.Models;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lynchpin.Core.Accounts;

/// <summary>
/// Emails an invitation or a password-reset link, through the SMTP server in <c>Lynchpin:Smtp</c>. Links always start with
/// <c>Lynchpin:BaseUrl</c>, never the address a request came in on (a forged Host header must not send someone's reset
/// link elsewhere), so both must be set; without them the admin hands the link over instead.
/// </summary>
public sealed class AccountEmails(IOptions<SmtpOptions> smtpOptions, IConfiguration configuration)
{
    public Uri? BaseUrl => configuration["Lynchpin:BaseUrl"] is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    public bool IsConfigured => smtpOptions.Value.IsConfigured && BaseUrl is not null;

    /// <summary>The absolute link for a path and query of the app, such as <c>/set-password?…</c>.</summary>
    public Uri Link(string pathAndQuery) =>
        new(BaseUrl ?? throw new InvalidOperationException("Lynchpin:BaseUrl is not set."), pathAndQuery.TrimStart('/'));

    public Task SendInvitationAsync(AppUser user, string invitedBy, Uri link, CancellationToken cancellationToken = default) =>
        SendAsync(user, "Your Lynchpin account",
            $"{invitedBy} has made you a Lynchpin account for {user.Email}.",
            "Set your password to start", link,
            "The link works once, for 7 days. If you did not expect this email, you can ignore it.", cancellationToken);

    public Task SendPasswordResetAsync(AppUser user, Uri link, CancellationToken cancellationToken = default) =>
        SendAsync(user, "Reset your Lynchpin password",
            $"Someone asked to reset the password of the Lynchpin account {user.Email}.",
            "Choose a new password", link,
            "The link works once, for 24 hours. If it was not you, ignore this email: your password stays as it is.", cancellationToken);

    private async Task SendAsync(AppUser user, string subject, string opening, string action, Uri link, string closing, CancellationToken cancellationToken)
    {
        var options = smtpOptions.Value;
        if (!IsConfigured)
        {
            throw new InvalidOperationException("Email is not configured: set Lynchpin:Smtp:Host, Lynchpin:Smtp:From and Lynchpin:BaseUrl.");
        }
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(options.From!));
        message.To.Add(MailboxAddress.Parse(user.Email!));
        var href = WebUtility.HtmlEncode(link.ToString());
        message.Body = new BodyBuilder
        {
            TextBody = $"{opening}\n\n{action}: {link}\n\n{closing}\n",
            HtmlBody = $"<p>{WebUtility.HtmlEncode(opening)}</p><p><a href=\"{href}\">{WebUtility.HtmlEncode(action)}</a></p>"
                + $"<p>{WebUtility.HtmlEncode(closing)}</p>",
        }.ToMessageBody();
        using var smtp = new SmtpClient();
        await SmtpConnection.ConnectAsync(smtp, options, cancellationToken);
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
