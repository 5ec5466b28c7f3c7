using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Lynchpin.Tests.Appraisals.Ops;

/// <summary>A message as the server took it: the envelope (MAIL FROM, RCPT TO) and the parsed message.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, MimeMessage Message)
{
    public string Text => Message.TextBody ?? "";
    public string Html => Message.HtmlBody ?? "";
}

/// <summary>
/// Just enough of an SMTP server on a loopback port to receive what MailKit sends without TLS or sign-in:
/// EHLO/HELO, MAIL, RCPT, DATA (with dot-unstuffing), RSET, NOOP and QUIT. It offers no extensions, so the client
/// sends one command at a time and 7-bit content. A recipient in <see cref="RefusedRecipients"/> gets a 550.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly Task accepting;

    public TestSmtpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public ConcurrentDictionary<string, bool> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Received => received.ToList();

    /// <summary>The messages sent to any of <paramref name="addresses"/>: tests sharing the server keep apart by their own people.</summary>
    public IReadOnlyList<ReceivedMail> To(params string[] addresses) =>
        Received.Where(m => m.Recipients.Any(r => addresses.Contains(r, StringComparer.OrdinalIgnoreCase))).ToList();

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            // Latin-1 maps each byte to one char and back, so the message bytes survive untouched.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP server ready");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        if (RefusedRecipients.ContainsKey(recipient))
                        {
                            await writer.WriteLineAsync("550 5.1.1 No such mailbox here");
                            break;
                        }
                        recipients.Add(recipient);
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        using (var message = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                        {
                            received.Enqueue(new ReceivedMail(from ?? "", recipients.ToList(), await MimeMessage.LoadAsync(message)));
                        }
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.1 Command not implemented");
                        break;
                }
            }
        }
    }

    /// <summary>The address between angle brackets in "MAIL FROM:&lt;a@b&gt; SIZE=…" or "RCPT TO:&lt;a@b&gt;".</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }
}
