using Microsoft.EntityFrameworkCore;
using MimeKit;
using Nacars.Core;
using Nacars.Core.Audit;
using Nacars.Core.Dissemination;
using DisseminationRow = Nacars.Core.Dissemination.DisseminationRecord;

namespace Nacars.Tests.Dissemination;

/// <summary>Recovery and transport: crashes mid-send, TLS required, the pickup folder and re-routing.</summary>
public class DisseminationRecoveryTests : DisseminationTestBase
{
    // e. A dispatcher that claimed a message and died: its lease runs out and the message goes, once, unchanged.
    [Fact]
    public async Task A_message_claimed_by_a_crashed_dispatcher_is_sent_once_after_its_lease_expires()
    {
        await using var smtp = SmtpTestServer.Create();
        await using var app = SmtpApp(smtp);
        var dissemination = await app.Dissemination.SendAsync(await ReadyContactAsync(app), Analyst, Ct);

        async Task ClaimedByDeadDispatcher(DateTime leaseExpiresAtUtc)
        {
            await using var db = await app.Db.CreateDbContextAsync(Ct);
            Assert.Equal(1, await db.OutboxMessages.Where(m => m.DisseminationId == dissemination.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Sending)
                .SetProperty(m => m.LeaseOwner, "dead-host/1234/crashed")
                .SetProperty(m => m.LeaseExpiresAtUtc, leaseExpiresAtUtc)
                .SetProperty(m => m.Attempts, 1), Ct));
        }

        // While the dead dispatcher's lease still runs, nobody else touches the message.
        await ClaimedByDeadDispatcher(DateTime.UtcNow.AddMinutes(10));
        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));
        Assert.Empty(smtp.Messages);

        // Once it has run out, the next drain takes the message over and sends it, with the Message-ID fixed at queue time.
        await ClaimedByDeadDispatcher(DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(1, await app.Dispatcher.DrainAsync(Ct));
        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(app.Dissemination.MessageIdFor(dissemination.Id), mail.Parse().MessageId);
        var stored = await OutboxForAsync(app, dissemination.Id);
        Assert.Equal(OutboxState.Sent, stored.State);
        Assert.Equal(2, stored.Attempts);
        Assert.Null(stored.LeaseOwner);
        Assert.Null(stored.LeaseExpiresAtUtc);
        Assert.Equal(DeliveryState.Sent, (await DisseminationAsync(app, dissemination.Id)).State);
    }

    [Fact]
    public async Task A_message_left_mid_send_by_a_crash_is_sent_once_by_the_restarted_app()
    {
        var dataRoot = Path.Combine(Path.GetTempPath(), "nacars-tests", "restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var smtp = SmtpTestServer.Create();
            DisseminationRow dissemination;
            string reference;
            await using (var before = SmtpApp(smtp, dataRoot: dataRoot))
            {
                reference = await ReadyContactAsync(before);
                dissemination = await before.Dissemination.SendAsync(reference, Analyst, Ct);
                // The app had claimed the message and was mid-send when the process died.
                await using var db = await before.Db.CreateDbContextAsync(Ct);
                await db.OutboxMessages.Where(m => m.DisseminationId == dissemination.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboxState.Sending)
                    .SetProperty(m => m.LeaseOwner, "old-process")
                    .SetProperty(m => m.LeaseExpiresAtUtc, DateTime.UtcNow.AddSeconds(-1))
                    .SetProperty(m => m.Attempts, 1), Ct);
            }
            Assert.Empty(smtp.Messages);

            // The restarted app, on the same data folder and key ring, with its background dispatcher running.
            await using var after = SmtpApp(smtp, background: true, dataRoot: dataRoot);
            _ = after.Services;
            await WaitUntilAsync(async () => (await DisseminationAsync(after, dissemination.Id)).State == DeliveryState.Sent, Patience,
                "the restarted app to send the message left mid-send");

            var mail = Assert.Single(smtp.Messages);
            var message = mail.Parse();
            Assert.Equal($"{dissemination.Id:N}@{new ServiceIdentity().MessageIdDomain}", message.MessageId);
            Assert.Equal((await OutboxForAsync(after, dissemination.Id)).Attachment, PdfOf(message));
            Assert.Equal(0, await after.Dispatcher.DrainAsync(Ct));
            Assert.Single(smtp.Messages);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    // f. TLS required: never plaintext.
    [Fact]
    public async Task With_TLS_required_a_server_without_STARTTLS_gets_nothing_and_the_message_stays_queued()
    {
        await using var smtp = SmtpTestServer.Create(offerStartTls: false);
        await using var app = SmtpApp(smtp, requireTls: true);
        var dissemination = await app.Dissemination.SendAsync(await ReadyContactAsync(app), Analyst, Ct);

        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));

        Assert.Empty(smtp.Messages);
        var stored = await OutboxForAsync(app, dissemination.Id);
        Assert.Equal(OutboxState.Queued, stored.State);
        Assert.Contains("STARTTLS", stored.LastError);
        Assert.Contains("nothing was sent", stored.LastError);
        Assert.True(stored.NextAttemptAtUtc > stored.CreatedAtUtc);
        Assert.Equal(DeliveryState.Queued, (await DisseminationAsync(app, dissemination.Id)).State);
    }

    [Fact]
    public async Task With_TLS_required_an_untrusted_certificate_is_refused_and_the_message_stays_queued()
    {
        await using var smtp = SmtpTestServer.Create(offerStartTls: true);
        await using var app = SmtpApp(smtp, requireTls: true, allowUntrusted: false);
        var dissemination = await app.Dissemination.SendAsync(await ReadyContactAsync(app), Analyst, Ct);

        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));

        Assert.Empty(smtp.Messages);
        var stored = await OutboxForAsync(app, dissemination.Id);
        Assert.Equal(OutboxState.Queued, stored.State);
        Assert.Contains("TLS", stored.LastError);
        Assert.Contains("untrusted root", stored.LastError); // the cause, not "certificate not trusted or protocol refused"
        Assert.Equal(DeliveryState.Queued, (await DisseminationAsync(app, dissemination.Id)).State);
    }

    [Fact]
    public async Task With_TLS_required_and_the_test_certificate_allowed_the_report_goes_over_TLS()
    {
        await using var smtp = SmtpTestServer.Create(offerStartTls: true);
        await using var app = SmtpApp(smtp, requireTls: true, allowUntrusted: true);
        var reference = await ReadyContactAsync(app);
        var dissemination = await app.Dissemination.SendAsync(reference, Analyst, Ct);

        Assert.Equal(1, await app.Dispatcher.DrainAsync(Ct));

        var mail = Assert.Single(smtp.Messages);
        Assert.True(mail.OverTls, "The message was accepted on a plaintext session.");
        var message = mail.Parse();
        Assert.Equal(app.Dissemination.MessageIdFor(dissemination.Id), message.MessageId);
        Assert.Equal((await OutboxForAsync(app, dissemination.Id)).Attachment, PdfOf(message));
        Assert.Equal(DeliveryState.Sent, (await DisseminationAsync(app, dissemination.Id)).State);
    }

    // g. The embedded default: a pickup folder.
    [Fact]
    public async Task In_pickup_mode_the_report_is_written_as_one_eml_file_with_the_pdf()
    {
        await using var app = new MailWorkbench();
        var reference = await ReadyContactAsync(app);
        Assert.Equal(MailMode.Pickup, app.Mail.Mode);
        var dissemination = await app.Dissemination.SendAsync(reference, Analyst, Ct);

        var folder = Path.Combine(app.DataRoot, "mail-pickup");
        await WaitUntilAsync(async () => (await DisseminationAsync(app, dissemination.Id)).State == DeliveryState.Sent, Patience, "the pickup file to be written");

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        var message = await MimeMessage.LoadAsync(file, Ct);
        Assert.Equal(KentMailbox, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"NACARS information report {reference}", message.Subject);
        Assert.Equal(app.Dissemination.MessageIdFor(dissemination.Id), message.MessageId);
        var pdf = PdfOf(message);
        Assert.Equal((await OutboxForAsync(app, dissemination.Id)).Attachment, pdf);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Contains(reference, document.GetPage(1).Text);

        // Draining again writes nothing more.
        Assert.Equal(0, await app.Dispatcher.DrainAsync(Ct));
        Assert.Single(Directory.GetFiles(folder, "*.eml"));
    }

    // h. Re-route: a second dissemination to another force.
    [Fact]
    public async Task Rerouting_a_sent_report_sends_a_second_email_to_the_new_force()
    {
        await using var smtp = SmtpTestServer.Create();
        await using var app = SmtpApp(smtp, background: true);
        var reference = await ReadyContactAsync(app);
        var first = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        await WaitUntilAsync(async () => (await DisseminationAsync(app, first.Id)).State == DeliveryState.Sent, Patience, "the first send");

        var second = await app.Dissemination.RerouteAsync(reference, "met", "The subject has transferred to the Met", Analyst, Ct);
        Assert.Equal("met", second.ForceCode);
        Assert.Equal(MetMailbox, second.Recipient);
        await WaitUntilAsync(async () => (await DisseminationAsync(app, second.Id)).State == DeliveryState.Sent, Patience, "the re-routed send");

        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(new[] { KentMailbox }, smtp.Messages[0].Recipients);
        Assert.Equal(new[] { MetMailbox }, smtp.Messages[1].Recipients);
        var rerouted = smtp.Messages[1].Parse();
        Assert.Equal(app.Dissemination.MessageIdFor(second.Id), rerouted.MessageId);
        Assert.NotEqual(smtp.Messages[0].Parse().MessageId, rerouted.MessageId);
        Assert.Equal($"NACARS information report {reference}", rerouted.Subject);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(PdfOf(rerouted)))
            Assert.Contains("Metropolitan", pdf.GetPage(1).Text);

        var deliveries = await app.Dissemination.DeliveriesAsync(reference, Ct);
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(new[] { "kent", "met" }, deliveries.Select(d => d.ForceCode));
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Null(deliveries[0].RerouteReason);
        Assert.Equal("The subject has transferred to the Met", deliveries[1].RerouteReason);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Rerouted && e.ContactReference == reference, Ct));
    }
}
