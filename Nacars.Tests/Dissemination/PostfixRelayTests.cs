using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Nacars.Core;
using Nacars.Core.Dissemination;

namespace Nacars.Tests.Dissemination;

/// <summary>
/// Issue 28, item 1: sending against a real relay, Debian's Postfix on loopback (<c>eng/relay.sh</c>) with STARTTLS
/// required and a certificate from a test CA the machine trusts. What the relay answers is Postfix's own: a 451 from
/// its access table, a 550 for a refused mailbox, no STARTTLS on another port, a revoked certificate, a revocation
/// list nothing serves.
/// </summary>
public sealed class PostfixRelayTests : DisseminationTestBase
{
    private static readonly TestRelay Relay = TestRelay.Instance;

    private static MailWorkbench RelayApp(int port, string revocation = "Required")
    {
        var app = new MailWorkbench { BackgroundDispatcher = true };
        app.Settings["Nacars:Mail:Mode"] = "Smtp";
        app.Settings["Nacars:Mail:SmtpHost"] = Relay.Host;
        app.Settings["Nacars:Mail:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Nacars:Mail:RequireTls"] = "true";
        app.Settings["Nacars:Mail:Revocation"] = revocation;
        app.Settings["Nacars:Mail:RetryBackoffSeconds:0"] = "1";
        app.Settings["Nacars:Mail:PollSeconds"] = "1";
        return app;
    }

    /// <summary>A force mailbox of this test's own, so that what the relay does to it touches no other test.</summary>
    private static async Task<string> MailboxAsync(WorkbenchFactory app, string force, string mailbox)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        await db.Forces.Where(f => f.Code == force).ExecuteUpdateAsync(s => s.SetProperty(f => f.NominatedMailbox, mailbox), Ct);
        return mailbox;
    }

    [Fact]
    public async Task A_report_reaches_the_relays_mailbox_over_TLS_with_its_pdf_byte_for_byte()
    {
        await using var app = RelayApp(Relay.TlsPort);
        var reference = await ReadyContactAsync(app);
        var dissemination = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        var messageId = app.Dissemination.MessageIdFor(dissemination.Id);

        var delivered = await Relay.WaitForMessageAsync(messageId, Patience);
        Assert.Equal($"NACARS information report {reference}", delivered.Subject);
        Assert.Equal(KentMailbox, Assert.Single(delivered.To.Mailboxes).Address);
        await WaitUntilAsync(async () => (await DisseminationAsync(app, dissemination.Id)).State == DeliveryState.Sent, Patience, "Sent");
        Assert.Equal((await OutboxForAsync(app, dissemination.Id)).Attachment, PdfOf(delivered));
        // Postfix says it came over TLS 1.2 or later, and wrote so in the message's own Received header.
        Assert.Matches(@"\(using TLSv1\.[23]\s", string.Join("\n", delivered.Headers.Where(h => h.Field == "Received").Select(h => h.Value)));
        await WaitUntilAsync(() => Relay.TlsLineFor(messageId) is not null, Patience, "Postfix to log the session");
        Assert.Matches(@"TLS connection established from localhost\[127\.0\.0\.1\]: TLSv1\.[23]", Relay.TlsLineFor(messageId));
    }

    [Fact]
    public async Task A_greylisting_451_is_retried_and_the_report_delivered_once()
    {
        await using var app = RelayApp(Relay.TlsPort);
        var mailbox = await MailboxAsync(app, "kent", $"greylisted-{Guid.NewGuid():N}@relay-test.example");
        await File.AppendAllTextAsync(Relay.Greylist, $"{mailbox} 451 4.7.1 Greylisted, please try again later\n", Ct);
        try
        {
            var dissemination = await app.Dissemination.SendAsync(await ReadyContactAsync(app), Analyst, Ct);
            await WaitUntilAsync(async () => (await OutboxForAsync(app, dissemination.Id)) is { State: OutboxState.Queued, Attempts: >= 1, LastError: { } e } && e.Contains("451"),
                Patience, "the relay's 451 to be recorded");
            var waiting = await OutboxForAsync(app, dissemination.Id);
            Assert.Equal(OutboxState.Queued, waiting.State);
            Assert.Contains("Greylisted", waiting.LastError);

            await RemoveFromGreylistAsync(mailbox);
            var messageId = app.Dissemination.MessageIdFor(dissemination.Id);
            await Relay.WaitForMessageAsync(messageId, Patience);
            await WaitUntilAsync(async () => (await DisseminationAsync(app, dissemination.Id)).State == DeliveryState.Sent, Patience, "Sent");
            Assert.Single(Relay.Messages(messageId));
            Assert.True((await OutboxForAsync(app, dissemination.Id)).Attempts >= 2);
        }
        finally
        {
            await RemoveFromGreylistAsync(mailbox);
        }
    }

    private static async Task RemoveFromGreylistAsync(string mailbox)
    {
        var kept = (await File.ReadAllLinesAsync(Relay.Greylist, CancellationToken.None)).Where(l => !l.StartsWith(mailbox, StringComparison.Ordinal));
        await File.WriteAllLinesAsync(Relay.Greylist, kept, CancellationToken.None);
    }

    [Fact]
    public async Task A_550_is_dead_lettered_with_the_relays_reason_and_the_next_report_still_goes()
    {
        await using var app = RelayApp(Relay.TlsPort);
        await MailboxAsync(app, "kent", Relay.RefusedRecipient);
        var refused = await app.Dissemination.SendAsync(await ReadyContactAsync(app, force: "kent"), Analyst, Ct);
        var accepted = await app.Dissemination.SendAsync(await ReadyContactAsync(app, force: "met"), Analyst, Ct);

        await WaitUntilAsync(async () => (await DisseminationAsync(app, refused.Id)).State == DeliveryState.Failed, Patience, "the 550 to fail the message");
        var failed = await DisseminationAsync(app, refused.Id);
        Assert.Contains("550", failed.FailureReason);
        Assert.Contains("mailbox unavailable", failed.FailureReason);
        Assert.Equal(1, (await OutboxForAsync(app, refused.Id)).Attempts);
        await Relay.WaitForMessageAsync(app.Dissemination.MessageIdFor(accepted.Id), Patience);
        Assert.Empty(Relay.Messages(app.Dissemination.MessageIdFor(refused.Id)));
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == Nacars.Core.Audit.AuditActions.MailFailed && e.ContactReference == failed.Reference, Ct));
    }

    [Fact]
    public async Task A_relay_that_offers_no_STARTTLS_is_refused_and_nothing_is_sent()
    {
        await using var app = RelayApp(Relay.PlainPort);
        var dissemination = await app.Dissemination.SendAsync(await ReadyContactAsync(app), Analyst, Ct);

        await WaitUntilAsync(async () => (await OutboxForAsync(app, dissemination.Id)) is { State: OutboxState.Queued, Attempts: >= 2 }, Patience, "two refused attempts");
        var waiting = await OutboxForAsync(app, dissemination.Id);
        Assert.Equal(OutboxState.Queued, waiting.State);
        Assert.Contains("does not offer STARTTLS", waiting.LastError);
        Assert.Contains("nothing was sent", waiting.LastError);
        Assert.Empty(Relay.Messages(app.Dissemination.MessageIdFor(dissemination.Id)));
    }

    // The revocation cases against the real relay: the transport on its own, as the admin's mail check uses it.
    private static SmtpTransport Transport(int port, RevocationCheck revocation) =>
        new(Options.Create(new NacarsOptions
        {
            Mail = new MailOptions { Mode = MailMode.Smtp, SmtpHost = Relay.Host, SmtpPort = port, RequireTls = true, Revocation = revocation },
        }), NullLogger<SmtpTransport>.Instance);

    private static MimeMessage Message()
    {
        var message = new MimeMessage { Subject = "Nacars relay revocation test", MessageId = $"{Guid.NewGuid():N}@relay-test.example" };
        message.From.Add(new MailboxAddress("Nacars", "nacars@crimestoppers-uk.example"));
        message.To.Add(new MailboxAddress("Force", "revocation@relay-test.example"));
        message.Body = new TextPart("plain") { Text = "test" };
        return message;
    }

    /// <summary>Sends one message and waits for it in the Maildir (the test fails if it never arrives).</summary>
    private static async Task SendsAsync(int port, RevocationCheck revocation)
    {
        var message = Message();
        var messageId = message.MessageId!;
        await using (var session = await Transport(port, revocation).OpenAsync(Ct)) await session.SendAsync(message, Ct);
        await Relay.WaitForMessageAsync(messageId, Patience);
    }

    [Theory]
    [InlineData(RevocationCheck.Required)]
    [InlineData(RevocationCheck.IfReachable)]
    [InlineData(RevocationCheck.Off)]
    public async Task With_the_revocation_list_reachable_every_setting_sends(RevocationCheck revocation)
    {
        await SendsAsync(Relay.TlsPort, revocation);
        var check = await Transport(Relay.TlsPort, revocation).CheckAsync(Ct);
        Assert.Contains("certificate chain: CN=localhost ← CN=Nacars Test Postfix Relay CA", check);
        Assert.DoesNotContain("Warning", check);
    }

    [Fact]
    public async Task With_the_revocation_list_unreachable_Required_refuses_and_says_why()
    {
        var transport = Transport(Relay.OfflineRevocationPort, RevocationCheck.Required);
        var refused = await Assert.ThrowsAsync<TlsRequiredException>(() => transport.OpenAsync(Ct));
        Assert.Contains("revocation status unknown", refused.Message);
        Assert.Contains("Nothing was sent", refused.Message);
        Assert.Contains("revocation status unknown", await transport.CheckAsync(Ct));
    }

    [Fact]
    public async Task With_the_revocation_list_unreachable_IfReachable_sends_and_warns()
    {
        await SendsAsync(Relay.OfflineRevocationPort, RevocationCheck.IfReachable);
        var check = await Transport(Relay.OfflineRevocationPort, RevocationCheck.IfReachable).CheckAsync(Ct);
        Assert.Contains("CN=Nacars Test Postfix Offline CA", check);
        Assert.Contains("Warning: the revocation status", check);
    }

    [Fact]
    public async Task With_the_revocation_list_unreachable_Off_sends_without_asking()
    {
        await SendsAsync(Relay.OfflineRevocationPort, RevocationCheck.Off);
        Assert.DoesNotContain("Warning", await Transport(Relay.OfflineRevocationPort, RevocationCheck.Off).CheckAsync(Ct));
    }

    [Theory]
    [InlineData(RevocationCheck.Required)]
    [InlineData(RevocationCheck.IfReachable)]
    public async Task A_revoked_relay_certificate_is_refused_and_says_so(RevocationCheck revocation)
    {
        var transport = Transport(Relay.RevokedPort, revocation);
        var refused = await Assert.ThrowsAsync<TlsRequiredException>(() => transport.OpenAsync(Ct));
        Assert.Contains("revoked", refused.Message);
        Assert.Contains("revoked", await transport.CheckAsync(Ct));
    }
}
