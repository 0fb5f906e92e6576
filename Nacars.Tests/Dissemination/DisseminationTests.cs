using Microsoft.EntityFrameworkCore;
using MimeKit;
using Nacars.Core;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using DisseminationRow = Nacars.Core.Dissemination.DisseminationRecord;

namespace Nacars.Tests.Dissemination;

/// <summary>Sending: one click, double clicks, outages, retries, refusals and the allow-list.</summary>
public class DisseminationTests : DisseminationTestBase
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task One_click_sends_one_email_with_the_stored_pdf_to_the_forces_mailbox(bool urgent)
    {
        await using var smtp = SmtpTestServer.Create();
        await using var app = SmtpApp(smtp, background: true);
        var reference = await ReadyContactAsync(app, urgent);

        var dissemination = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        // Queued at once; the background dispatcher may already have sent it by the time this reads it.
        Assert.Contains((await DisseminationAsync(app, dissemination.Id)).State, new[] { DeliveryState.Queued, DeliveryState.Sent });
        Assert.Equal(KentMailbox, dissemination.Recipient);

        // The background dispatcher is woken by the send: no drain call needed.
        await WaitUntilAsync(async () => (await DisseminationAsync(app, dissemination.Id)).State == DeliveryState.Sent, Patience, "the dissemination to be Sent");

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(new[] { KentMailbox }, mail.Recipients);
        Assert.False(mail.OverTls);
        var message = mail.Parse();
        Assert.Equal(KentMailbox, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(ServiceName, Assert.Single(message.From.Mailboxes).Name);
        Assert.Equal($"NACARS information report {reference}{(urgent ? " URGENT" : "")}", message.Subject);
        Assert.StartsWith("NACARS information report NAC-", message.Subject);
        Assert.Equal($"{dissemination.Id:N}@{new ServiceIdentity().MessageIdDomain}", message.MessageId);
        Assert.Equal(reference, message.Headers["X-NACARS-Reference"]);
        Assert.Contains(ServiceName, message.TextBody);
        Assert.Contains(reference, message.TextBody);
        Assert.Contains("OFFICIAL-SENSITIVE", message.TextBody);
        Assert.NotNull(message.TextBody);
        Assert.Equal(urgent, message.TextBody.Contains("URGENT", StringComparison.Ordinal));
        // Nothing identifying in the subject or body: neither the account nor the subject's name.
        Assert.DoesNotContain("Hart", message.Subject + message.TextBody);
        Assert.DoesNotContain("ORIGINAL", message.Subject + message.TextBody);

        var stored = await OutboxForAsync(app, dissemination.Id);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal(InformationReport.FileNameFor(reference), attachment.FileName);
        Assert.NotNull(stored.Attachment);
        Assert.Equal(stored.Attachment, PdfOf(message));
        Assert.Equal(OutboxState.Sent, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Null(stored.LastError);
        Assert.Equal(message.MessageId, stored.MessageId);

        var sent = await DisseminationAsync(app, dissemination.Id);
        Assert.Equal(DeliveryState.Sent, sent.State);
        Assert.NotNull(stored.SentAtUtc);
        Assert.NotNull(sent.SecondsFromReceipt);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.MailSent && e.ContactReference == reference, Ct));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Disseminated && e.ContactReference == reference && e.Actor == Analyst, Ct));
        Assert.Equal(ContactStatus.Disseminated, (await db.Contacts.SingleAsync(c => c.Reference == reference, Ct)).Status);
    }

    // b. A double click, and two clicks at the same moment: one email.
    [Fact]
    public async Task A_second_click_sends_nothing_more()
    {
        await using var smtp = SmtpTestServer.Create();
        await using var app = SmtpApp(smtp);
        var reference = await ReadyContactAsync(app);

        await app.Dissemination.SendAsync(reference, Analyst, Ct);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => app.Dissemination.SendAsync(reference, Analyst, Ct));
        Assert.Contains("already been decided", ex.Message);

        Assert.Equal(1, await app.Dispatcher.DrainAsync(Ct));
        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));
        Assert.Single(smtp.Messages);
        Assert.Single(await app.Dissemination.DeliveriesAsync(reference, Ct));
    }

    [Fact]
    public async Task Two_simultaneous_clicks_send_one_email()
    {
        await using var smtp = SmtpTestServer.Create();
        await using var app = SmtpApp(smtp);
        for (var round = 0; round < 3; round++)
        {
            var reference = await ReadyContactAsync(app);
            using var go = new ManualResetEventSlim();
            var clicks = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                go.Wait(Ct);
                return await app.Dissemination.SendAsync(reference, Analyst, Ct);
            }, Ct)).ToList();
            go.Set();
            var outcomes = await Task.WhenAll(clicks.Select(async t =>
            {
                try { await t; return (Exception?)null; }
                catch (Exception e) { return e; }
            }));

            Assert.Single(outcomes, e => e is null);
            var loser = Assert.Single(outcomes, e => e is not null);
            Assert.True(loser is DomainRuleException or ContactChangedException, $"Unexpected {loser}");
            Assert.Single(await app.Dissemination.DeliveriesAsync(reference, Ct));
        }

        Assert.Equal(3, await app.Dispatcher.DrainAsync(Ct));
        Assert.Equal(3, smtp.Messages.Count);
        Assert.Equal(3, smtp.Messages.Select(m => m.Parse().MessageId).Distinct().Count());
    }

    // c. An outage loses nothing and, once over, sends each report exactly once.
    [Fact]
    public async Task During_an_smtp_outage_reports_stay_queued_and_all_go_once_it_is_back()
    {
        await using var smtp = SmtpTestServer.Create(start: false);
        await using var app = SmtpApp(smtp);
        Assert.Equal(new[] { 1 }, app.Mail.RetryBackoffSeconds);

        var sends = new List<DisseminationRow>();
        for (var i = 0; i < 5; i++) sends.Add(await app.Dissemination.SendAsync(await ReadyContactAsync(app), Analyst, Ct));

        // Each drain tries the next due message, fails to connect and backs off; keep draining until all five have tried.
        await WaitUntilAsync(async () =>
        {
            Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));
            return await AllOutboxAsync(app, m => m.LastError is not null);
        }, Patience, "every message to have failed to connect once");

        Assert.Empty(smtp.Messages);
        foreach (var m in await OutboxAsync(app))
        {
            Assert.Equal(OutboxState.Queued, m.State);
            Assert.True(m.Attempts >= 1);
            Assert.Null(m.SentAtUtc);
            Assert.Null(m.LeaseOwner);
        }
        foreach (var d in sends) Assert.Equal(DeliveryState.Queued, (await DisseminationAsync(app, d.Id)).State);

        smtp.Start();
        await WaitUntilAsync(async () =>
        {
            await app.Dispatcher.DrainAsync(Ct);
            return await AllOutboxAsync(app, m => m.State == OutboxState.Sent);
        }, Patience, "all five to be sent after the outage");
        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));

        var received = smtp.Messages.Select(m => m.Parse().MessageId).ToList();
        Assert.Equal(5, received.Count);
        Assert.Equal(sends.Select(d => app.Dissemination.MessageIdFor(d.Id)).Order(), received.Order());
        foreach (var d in sends) Assert.Equal(DeliveryState.Sent, (await DisseminationAsync(app, d.Id)).State);
        foreach (var m in await OutboxAsync(app)) Assert.Null(m.LastError);
    }

    [Fact]
    public async Task The_background_dispatcher_recovers_from_an_outage_by_itself()
    {
        await using var smtp = SmtpTestServer.Create(start: false);
        await using var app = SmtpApp(smtp, background: true);
        var sends = new List<DisseminationRow>();
        for (var i = 0; i < 5; i++) sends.Add(await app.Dissemination.SendAsync(await ReadyContactAsync(app), Analyst, Ct));

        await WaitUntilAsync(async () => (await OutboxAsync(app)).Any(m => m.LastError is not null), Patience, "a failed connection to be recorded");
        Assert.Empty(smtp.Messages);
        Assert.All(await OutboxAsync(app), m => Assert.True(m.State is OutboxState.Queued or OutboxState.Sending));

        smtp.Start();
        await WaitUntilAsync(() => AllOutboxAsync(app, m => m.State == OutboxState.Sent), Patience, "the dispatcher to send all five on its own");

        Assert.Equal(5, smtp.Messages.Count);
        Assert.Equal(sends.Select(d => app.Dissemination.MessageIdFor(d.Id)).Order(), smtp.Messages.Select(m => m.Parse().MessageId).Order());
    }

    [Fact]
    public async Task A_configured_retry_schedule_replaces_the_default_one_rather_than_extending_it()
    {
        await using (var defaults = new MailWorkbench())
            Assert.Equal(new[] { 5, 30, 120, 600 }, defaults.Mail.RetryBackoffSeconds);

        await using var app = new MailWorkbench();
        app.Settings["Nacars:Mail:RetryBackoffSeconds:0"] = "2";
        app.Settings["Nacars:Mail:RetryBackoffSeconds:1"] = "7";
        Assert.Equal(new[] { 2, 7 }, app.Mail.RetryBackoffSeconds);
    }

    // d. A permanent refusal fails that message only.
    [Fact]
    public async Task A_permanent_5xx_refusal_fails_that_message_and_the_next_one_is_still_sent()
    {
        await using var smtp = SmtpTestServer.Create();
        smtp.RejectRecipient = to => to == KentMailbox;
        await using var app = SmtpApp(smtp);

        var toKent = await app.Dissemination.SendAsync(await ReadyContactAsync(app, force: "kent"), Analyst, Ct);
        var toMetReference = await ReadyContactAsync(app, force: "met");
        var toMet = await app.Dissemination.SendAsync(toMetReference, Analyst, Ct);

        Assert.Equal(1, await app.Dispatcher.DrainAsync(Ct));
        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));

        Assert.Equal(1, smtp.RejectedCount);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(new[] { MetMailbox }, mail.Recipients);
        Assert.Equal(app.Dissemination.MessageIdFor(toMet.Id), mail.Parse().MessageId);

        var failed = await OutboxForAsync(app, toKent.Id);
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("554", failed.LastError);
        Assert.Contains(SmtpTestServer.RejectionText, failed.LastError);
        var kent = await DisseminationAsync(app, toKent.Id);
        Assert.Equal(DeliveryState.Failed, kent.State);
        Assert.Contains(SmtpTestServer.RejectionText, kent.FailureReason);
        Assert.Equal(DeliveryState.Sent, (await DisseminationAsync(app, toMet.Id)).State);
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.MailFailed && e.ContactReference == kent.Reference, Ct));

        // A failed message is not retried by itself; a person's retry sends it once the mailbox accepts it.
        smtp.RejectRecipient = null;
        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));
        await app.Dissemination.RetryAsync(failed.Id, Analyst, Ct);
        Assert.Equal(1, await app.Dispatcher.DrainAsync(Ct));
        Assert.Equal(DeliveryState.Sent, (await DisseminationAsync(app, toKent.Id)).State);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(app.Dissemination.MessageIdFor(toKent.Id), smtp.Messages[^1].Parse().MessageId);
    }

    [Fact]
    public async Task A_recipient_outside_the_allowed_domains_is_failed_without_connecting()
    {
        await using var smtp = SmtpTestServer.Create();
        await using var app = SmtpApp(smtp);
        app.Settings["Nacars:Mail:AllowedRecipientDomains:0"] = "cjsm.net";
        var dissemination = await app.Dissemination.SendAsync(await ReadyContactAsync(app), Analyst, Ct);

        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));

        Assert.Empty(smtp.Messages);
        Assert.Equal(0, smtp.RejectedCount);
        var stored = await OutboxForAsync(app, dissemination.Id);
        Assert.Equal(OutboxState.Failed, stored.State);
        Assert.Contains("example.org is not in the allowed recipient domains", stored.LastError);
        Assert.Equal(DeliveryState.Failed, (await DisseminationAsync(app, dissemination.Id)).State);
    }
}
