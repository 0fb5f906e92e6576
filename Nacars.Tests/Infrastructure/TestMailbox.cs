using System.Diagnostics;
using System.Text.Json;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Nacars.Tests.Infrastructure;

/// <summary>
/// Debian's Dovecot on loopback as the service's mailbox, set up by <c>eng/dovecot.sh</c> (which the test script runs):
/// IMAP over TLS with a certificate from the relay's test CA, any user name with one password, each user a fresh
/// Maildir. Mail reaches it as forces' mail would, through the Postfix relay (to user@imap.relay-test.example), or is
/// appended over IMAP. Without it these tests fail and say how to start it: they never skip.
/// </summary>
public sealed class TestMailbox
{
    private TestMailbox(JsonElement imap)
    {
        Host = imap.GetProperty("host").GetString()!;
        ImapsPort = imap.GetProperty("imapsPort").GetInt32();
        Password = imap.GetProperty("password").GetString()!;
        MailDomain = imap.GetProperty("mailDomain").GetString()!;
        RestartCommand = imap.GetProperty("restart").GetString()!;
    }

    public string Host { get; }
    public int ImapsPort { get; }
    public string Password { get; }
    public string MailDomain { get; }
    public string RestartCommand { get; }

    public static TestMailbox Instance { get; } = Load();

    private static TestMailbox Load()
    {
        var folder = Environment.GetEnvironmentVariable("NACARS_TEST_IMAP_DIR") ?? "/var/lib/nacars-imap";
        var file = Path.Combine(folder, "imap.json");
        if (!File.Exists(file))
            throw new InvalidOperationException($"No test mailbox: {file} is missing. Start it with `bash eng/dovecot.sh` (the test script does).");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return new TestMailbox(json.RootElement);
    }

    /// <summary>A mailbox of its own for one test (Dovecot makes it on first use).</summary>
    public static string NewUser() => $"t-{Guid.NewGuid():N}";

    public string AddressOf(string user) => $"{user}@{MailDomain}";

    /// <summary>The Workbench reads this user's INBOX, reconnecting quickly after a failure.</summary>
    public void Configure(WorkbenchFactory app, string user)
    {
        app.Settings["Nacars:Replies:ImapHost"] = Host;
        app.Settings["Nacars:Replies:ImapPort"] = ImapsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Nacars:Replies:TlsOnConnect"] = "true";
        app.Settings["Nacars:Replies:UserName"] = user;
        app.Settings["Nacars:Replies:Password"] = Password;
        app.Settings["Nacars:Replies:ReconnectBackoffSeconds:0"] = "1";
    }

    /// <summary>Puts a message straight into the user's INBOX over IMAP.</summary>
    public async Task AppendAsync(string user, MimeMessage message, CancellationToken ct)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(Host, ImapsPort, SecureSocketOptions.SslOnConnect, ct);
        await client.AuthenticateAsync(user, Password, ct);
        await client.Inbox.AppendAsync(new MailKit.AppendRequest(message, MailKit.MessageFlags.None), ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>Sends a message through the Postfix relay (STARTTLS), which delivers it into the user's Maildir.</summary>
    public async Task SendThroughRelayAsync(string user, MimeMessage message, CancellationToken ct)
    {
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse(AddressOf(user)));
        using var client = new SmtpClient();
        await client.ConnectAsync(TestRelay.Instance.Host, TestRelay.Instance.TlsPort, SecureSocketOptions.StartTls, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>Stops and starts Dovecot, as an operator's restart or a crash and recovery would.</summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        var info = new ProcessStartInfo("bash", ["-c", RestartCommand]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"Restarting Dovecot failed: {await error}");
    }

    /// <summary>A force's answer: from <paramref name="from"/>, in the thread of <paramref name="inReplyTo"/> when given.</summary>
    public static MimeMessage Reply(string from, string subject, string text, string? inReplyTo = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("nacars@crimestoppers-uk.example"));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("force.example");
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
