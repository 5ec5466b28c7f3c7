using MailKit.Net.Smtp;
using MailKit.Security;

namespace Lynchpin.Core.Appraisals.Reminders;

/// <summary>How the connection to the mail server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Connect in plain text and upgrade with STARTTLS, refusing a server that does not offer it (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
    /// <summary>No encryption: only for a relay on the same machine or a test server.</summary>
    None,
}

/// <summary>The mail server reminders go through: the <c>Lynchpin:Smtp</c> section. Reminders are off while Host or From is empty.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Lynchpin:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    /// <summary>Left empty, no sign-in is attempted (a relay that trusts this machine).</summary>
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender, as an address or "Name &lt;address&gt;".</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Opens the connection every email of the app goes through (appraisal reminders, account invitations).</summary>
public static class SmtpConnection
{
    public static async Task ConnectAsync(SmtpClient smtp, SmtpOptions options, CancellationToken cancellationToken)
    {
        var security = options.Security switch
        {
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await smtp.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
        {
            await smtp.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }
    }
}
