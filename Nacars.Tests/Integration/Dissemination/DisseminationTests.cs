using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Nacars.Core;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Core.Intake;
using Nacars.Core.Triage;
using DisseminationRow = Nacars.Core.Dissemination.Dissemination;

namespace Nacars.Tests.Integration.Dissemination;

/// <summary>The Workbench with its mail settings, and optionally without the background dispatcher so a test drives
/// <see cref="OutboxDispatcher.DrainAsync"/> itself. (A high PollSeconds is not enough for that: every send wakes the
/// background dispatcher at once.)</summary>
public sealed class MailWorkbench : WorkbenchFactory
{
    public bool BackgroundDispatcher { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (BackgroundDispatcher) return;
        builder.ConfigureTestServices(services =>
        {
            var hosted = services.Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService
                && (d.ImplementationType == typeof(OutboxDispatcher)
                    || d.ImplementationFactory?.GetType().GenericTypeArguments.LastOrDefault() == typeof(OutboxDispatcher))).ToList();
            if (hosted.Count != 1) throw new InvalidOperationException($"Expected one OutboxDispatcher hosted service, found {hosted.Count}.");
            services.Remove(hosted[0]);
        });
    }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();
    public DisseminationService Dissemination => Services.GetRequiredService<DisseminationService>();
    public MailOptions Mail => Services.GetRequiredService<IOptions<NacarsOptions>>().Value.Mail;
}

/// <summary>
/// One-click dissemination end to end: the real Workbench (SQLite, key ring, PDF renderer, outbox, MailKit) sending to a
/// real SMTP server on loopback. Each test gets its own app and server, so settings and counts never leak between tests.
/// </summary>
public class DisseminationTests
{
    private const string Analyst = "analyst@demo.nacars.test";
    private const string KentMailbox = "anti-corruption.kent@example.org";
    private const string MetMailbox = "anti-corruption.met@example.org";
    private const string ServiceName = "National Anti-Corruption and Abuse Reporting Service";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MailWorkbench SmtpApp(SmtpTestServer smtp, bool background = false, bool requireTls = false, bool allowUntrusted = false,
        string? dataRoot = null)
    {
        var app = new MailWorkbench { BackgroundDispatcher = background };
        app.Settings["Nacars:Mail:Mode"] = "Smtp";
        app.Settings["Nacars:Mail:SmtpHost"] = "127.0.0.1";
        app.Settings["Nacars:Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Nacars:Mail:RequireTls"] = requireTls ? "true" : "false";
        app.Settings["Nacars:Mail:AllowUntrustedCertificate"] = allowUntrusted ? "true" : "false";
        app.Settings["Nacars:Mail:RetryBackoffSeconds:0"] = "1";
        app.Settings["Nacars:Mail:MaxAttempts"] = "1000";
        app.Settings["Nacars:Mail:PollSeconds"] = background ? "1" : "3600";
        if (dataRoot is not null) app.Settings["Nacars:DataRoot"] = dataRoot;
        return app;
    }

    /// <summary>A contact submitted online and worked through triage by the services, ready for the one click.</summary>
    private static async Task<string> ReadyContactAsync(WorkbenchFactory app, bool urgent = false, string force = "kent")
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var triage = app.Services.GetRequiredService<TriageService>();
        var submitted = await intake.SubmitOnlineAsync(new ReportSubmission
        {
            Account = "ORIGINAL account: my neighbour PC Hart took £500 in the station car park on Friday.",
            Categories = ["money-or-favours"],
            ForceCode = "unknown",
            SubjectName = "Daniel Hart", SubjectRole = "PC", SubjectNumber = "4471", SubjectWorkplace = "Maidstone",
            ImmediateDanger = urgent,
        }, Ct);
        var reference = submitted.Reference;
        await triage.ClaimAsync(reference, Analyst, Ct);
        foreach (var check in Enum.GetValues<ThresholdCheck>()) await triage.TickAsync(reference, Analyst, check, true, Ct);
        await triage.WriteSanitisedAccountAsync(reference, Analyst, "An officer is alleged to have accepted money for information.", Ct);
        await triage.GradeAsync(reference, Analyst, new Grading(SourceEvaluation.B, 3, HandlingCode.P, null), Ct);
        await triage.AssignForceAsync(reference, Analyst, force, Ct);
        if (urgent) await triage.LogFastTimeCallAsync(reference, Analyst, "01632 961001", "Insp. Rowe", "Accepted; unit dispatched", ct: Ct);
        return reference;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"Gave up after {timeout.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(50, Ct);
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task<List<OutboxMessage>> OutboxAsync(WorkbenchFactory app)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAtUtc).ToListAsync(Ct);
    }

    private static async Task<OutboxMessage> OutboxForAsync(WorkbenchFactory app, Guid disseminationId)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DisseminationId == disseminationId, Ct);
    }

    private static async Task<DisseminationRow> DisseminationAsync(WorkbenchFactory app, Guid id)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.Disseminations.AsNoTracking().SingleAsync(d => d.Id == id, Ct);
    }

    private static async Task<bool> AllOutboxAsync(WorkbenchFactory app, Func<OutboxMessage, bool> condition) =>
        (await OutboxAsync(app)) is { Count: > 0 } all && all.All(condition);

    private static byte[] PdfOf(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        using var stream = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(stream);
        return stream.ToArray();
    }

    // a. One click: one email, the stored PDF byte for byte, a fixed Message-ID, recorded as sent.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task One_click_sends_one_email_with_the_stored_pdf_to_the_forces_mailbox(bool urgent)
    {
        await using var smtp = SmtpTestServer.Create();
        await using var app = SmtpApp(smtp, background: true);
        var reference = await ReadyContactAsync(app, urgent);

        var dissemination = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        Assert.Equal(DeliveryState.Queued, dissemination.State);
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
        Assert.NotNull(sent.SentAtUtc);
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
        Assert.Contains("certificate", stored.LastError);
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
