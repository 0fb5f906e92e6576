using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Dissemination;
using Nacars.Core.ForceFeedback;
using Nacars.Tests.Dissemination;
using Nacars.Tests.ScaleOut;
using static Microsoft.Playwright.Assertions;

namespace Nacars.Tests.ForceFeedback;

/// <summary>
/// Issue 29, item 1, against Debian's Dovecot (<c>eng/dovecot.sh</c>) as the service's mailbox: forces' answers
/// delivered through the Postfix relay or appended over IMAP are read over IMAP IDLE, matched to the report they answer,
/// and shown on the contact live; a Dovecot restart loses and repeats nothing; two instances record each message once.
/// One class, so the restart never pulls the mailbox from under another test of it.
/// </summary>
public sealed class MailboxRepliesTests(BrowserFixture browser) : DisseminationTestBase
{
    private static readonly TestMailbox Mailbox = TestMailbox.Instance;
    private const string ForceOfficer = "pecs.duty@example.org"; // the domain of every demo force's mailbox

    private async Task<(KestrelWorkbenchFactory App, string User)> AppAsync()
    {
        var app = new KestrelWorkbenchFactory();
        var user = TestMailbox.NewUser();
        Mailbox.Configure(app, user);
        // Mailbox first, so the listener has a folder to open (Dovecot makes it at the first login).
        await Mailbox.AppendAsync(user, TestMailbox.Reply("postmaster@example.net", "Mailbox opened", "Welcome."), Ct);
        _ = app.Services;
        return (app, user);
    }

    /// <summary>A report sent to Kent and accepted (the pickup folder), with the Message-ID a reply would answer.</summary>
    private static async Task<(string Reference, string MessageId, Guid DisseminationId)> SentReportAsync(WorkbenchFactory app)
    {
        var reference = await ReadyContactAsync(app);
        var dissemination = await app.Services.GetRequiredService<DisseminationService>().SendAsync(reference, Analyst, Ct);
        await WaitUntilAsync(async () => await RecordAsync(app, dissemination.Id) is { DeliveredAtUtc: not null }, Patience, "the report to be delivered");
        return (reference, DisseminationRecord.MessageIdFor(dissemination.Id, "nacars.crimestoppers-uk.example"), dissemination.Id);
    }

    private static async Task<DisseminationRecord?> RecordAsync(WorkbenchFactory app, Guid id)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.Disseminations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, Ct);
    }

    private static async Task<List<ForceReply>> RepliesAsync(WorkbenchFactory app)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.ForceReplies.AsNoTracking().OrderBy(r => r.ReceivedAtUtc).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_reply_in_the_reports_thread_through_the_relay_shows_on_the_open_contact_page_within_five_seconds()
    {
        var (app, user) = await AppAsync();
        await using var _ = app;
        var (reference, messageId, disseminationId) = await SentReportAsync(app);
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(Analyst);
        await page.GotoAsync($"triage/{reference}");
        await page.WaitReadyAsync("contact-page");

        var started = System.Diagnostics.Stopwatch.StartNew();
        await Mailbox.SendThroughRelayAsync(user, TestMailbox.Reply(ForceOfficer, $"RE: NACARS information report {reference}",
            "Received and assigned to our Professional Standards Department.", inReplyTo: messageId), Ct);
        var reply = page.Locator("[data-testid='force-reply']");
        await Expect(reply).ToBeVisibleAsync(new() { Timeout = 5_000 });
        var seconds = started.Elapsed.TotalSeconds;
        await Expect(reply).ToHaveAttributeAsync("data-matched-by", "Thread");
        await Expect(page.Locator("[data-testid='force-reply-text']")).ToContainTextAsync("Professional Standards Department");
        await Expect(page.Locator("[data-testid='acknowledged']")).ToContainTextAsync("Acknowledged by the force");
        await Expect(page.Locator("[data-testid='foreign-domain']")).ToHaveCountAsync(0);
        Assert.True(seconds < 5, $"The reply took {seconds:0.0} s to appear.");
        await page.Locator("[data-testid='force-replies']").ShotAsync("force-reply-on-contact");

        Assert.NotNull((await RecordAsync(app, disseminationId))!.AcknowledgedAtUtc);

        // The analyst records what the force said came of it, on the page; the history shows it, and it is audited.
        await page.SelectOptionAsync("[data-testid='outcome-kind']", "InvestigationOpened");
        await page.ClickAsync("[data-testid='record-outcome']");
        await Expect(page.Locator("[data-testid='outcome'][data-kind='InvestigationOpened']")).ToContainTextAsync("Investigation opened");
        foreach (var width in new[] { 1440, 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 1000);
            await page.ShotAsync($"contact-force-reply-{width}");
        }
        await page.SetViewportSizeAsync(1400, 1000);
        await using (var db = await app.Db.CreateDbContextAsync(Ct))
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == Nacars.Core.Audit.AuditActions.OutcomeRecorded && e.ContactReference == reference && e.Actor == Analyst, Ct));
        // The queue row says so too.
        await page.GotoAsync($"triage?status=any&ref={reference}");
        await Expect(page.Locator($"[data-testid='contact-row'][data-reference='{reference}'] [data-testid='force-replied']")).ToBeVisibleAsync();

        // The supervisor sees Kent's acknowledgement and outcome this month, and the same in the CSV.
        var supervisor = await browser.NewPageAsync(app.BaseAddress);
        await supervisor.SignInAsync("supervisor@demo.nacars.test");
        await supervisor.GotoAsync("supervision");
        await supervisor.WaitReadyAsync("supervision-page");
        var kent = supervisor.Locator("[data-testid='acknowledgement-row'][data-force='kent']");
        await Expect(kent.Locator("[data-testid='acknowledged-count']")).ToHaveTextAsync("1");
        await Expect(kent).ToContainTextAsync("Investigation opened 1");
        await supervisor.Locator("[data-testid='acknowledgements']").ShotAsync("supervision-acknowledgements");
        await supervisor.Locator("[data-testid='monthly-packs']").ShotAsync("supervision-monthly-packs");
        var (client, _) = await app.SignInOverHttpAsync("supervisor@demo.nacars.test");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = await client.GetStringAsync($"supervision/export/acknowledgements.csv?from=2026-01-01&to={today}", Ct);
        Assert.Contains("Kent", csv);
        Assert.Matches(@"kent,\d{4}-\d{2},1,1,", csv);
    }

    [Fact]
    public async Task Replies_are_matched_by_subject_or_left_unmatched_and_only_the_forces_domain_acknowledges()
    {
        var (app, user) = await AppAsync();
        await using var _ = app;
        var (bySubject, _, bySubjectId) = await SentReportAsync(app);
        var (foreign, foreignMessageId, foreignId) = await SentReportAsync(app);

        await Mailbox.AppendAsync(user, TestMailbox.Reply(ForceOfficer, $"Fwd: information report {bySubject.ToLowerInvariant()}", "Logged on our system."), Ct);
        await Mailbox.AppendAsync(user, TestMailbox.Reply("someone@elsewhere.example", "Re: your email", "Thanks", inReplyTo: foreignMessageId), Ct);
        await Mailbox.AppendAsync(user, TestMailbox.Reply("newsletter@shop.example", "Winter sale", "Nothing to do with any report."), Ct);
        await WaitUntilAsync(async () => (await RepliesAsync(app)).Count >= 4, Patience, "four messages to be recorded");

        var replies = await RepliesAsync(app);
        var subject = Assert.Single(replies, r => r.Reference == bySubject);
        Assert.Equal(ReplyMatch.Subject, subject.MatchedBy);
        Assert.True(subject.FromForceDomain);
        Assert.NotNull((await RecordAsync(app, bySubjectId))!.AcknowledgedAtUtc);

        var outsider = Assert.Single(replies, r => r.Reference == foreign);
        Assert.Equal(ReplyMatch.Thread, outsider.MatchedBy);
        Assert.False(outsider.FromForceDomain);
        Assert.Null((await RecordAsync(app, foreignId))!.AcknowledgedAtUtc);

        Assert.Equal(2, replies.Count(r => r.State == ReplyState.Unmatched)); // the welcome and the sale
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(Analyst);
        await page.GotoAsync($"triage/{foreign}");
        await page.WaitReadyAsync("contact-page");
        await Expect(page.Locator("[data-testid='foreign-domain']")).ToBeVisibleAsync();
        await page.GotoAsync("unmatched-mail");
        await page.WaitReadyAsync("unmatched-mail-page");
        var sale = page.Locator("[data-testid='unmatched-message']", new() { HasText = "Winter sale" });
        await Expect(sale).ToBeVisibleAsync();
        await sale.Locator("[data-testid='dismiss-mail']").ClickAsync();
        await Expect(page.Locator("[data-testid='unmatched-message']", new() { HasText = "Winter sale" })).ToHaveCountAsync(0);
        foreach (var width in new[] { 1440, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ShotAsync($"unmatched-mail-{width}");
        }
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == Nacars.Core.Audit.AuditActions.ForceReplyDismissed && e.Actor == Analyst, Ct));
    }

    [Fact]
    public async Task An_analyst_attaches_an_unmatched_email_to_its_contact_and_it_acknowledges_the_report()
    {
        var (app, user) = await AppAsync();
        await using var _ = app;
        var (reference, _, disseminationId) = await SentReportAsync(app);
        await Mailbox.AppendAsync(user, TestMailbox.Reply(ForceOfficer, "Your referral", "We have this one and will update you."), Ct);
        await WaitUntilAsync(async () => (await RepliesAsync(app)).Any(r => r.Subject == "Your referral"), Patience, "the email to be recorded");
        var email = (await RepliesAsync(app)).Single(r => r.Subject == "Your referral");
        Assert.Equal(ReplyState.Unmatched, email.State);

        await app.Services.GetRequiredService<ForceFeedbackService>().AttachAsync(email.Id, reference.ToLowerInvariant(), Analyst, Ct);

        var attached = (await RepliesAsync(app)).Single(r => r.Id == email.Id);
        Assert.Equal((ReplyState.Matched, ReplyMatch.ByHand, reference), (attached.State, attached.MatchedBy, attached.Reference));
        Assert.NotNull((await RecordAsync(app, disseminationId))!.AcknowledgedAtUtc);
        await Assert.ThrowsAsync<Nacars.Core.Contacts.DomainRuleException>(() =>
            app.Services.GetRequiredService<ForceFeedbackService>().DismissAsync(email.Id, Analyst, Ct));
    }

    [Fact]
    public async Task A_forces_files_are_cleaned_stored_encrypted_and_downloaded_sandboxed_and_audited_and_a_bad_one_is_refused()
    {
        var (app, user) = await AppAsync();
        await using var _ = app;
        var (reference, messageId, _) = await SentReportAsync(app);
        var reply = TestMailbox.Reply(ForceOfficer, $"RE: {reference}", "Photo of the vehicle attached.", inReplyTo: messageId);
        var body = new MimeKit.BodyBuilder { TextBody = "Photo of the vehicle attached." };
        body.Attachments.Add("IMG_0042.jpg", Nacars.Tests.Intake.Attachments.TestFiles.PhoneJpeg(), new MimeKit.ContentType("image", "jpeg"));
        body.Attachments.Add("tool.exe", "MZ not a picture or a PDF"u8.ToArray(), new MimeKit.ContentType("application", "octet-stream"));
        reply.Body = body.ToMessageBody();
        await Mailbox.AppendAsync(user, reply, Ct);
        await WaitUntilAsync(async () => (await RepliesAsync(app)).Any(r => r.Reference == reference), Patience, "the reply to be recorded");

        await using (var db = await app.Db.CreateDbContextAsync(Ct))
        {
            var files = await db.ForceReplyAttachments.AsNoTracking().ToListAsync(Ct);
            var photo = Assert.Single(files, f => f.StoreKey is not null);
            Assert.Equal(("image/jpeg", Nacars.Core.Contacts.AttachmentKind.Picture), (photo.ContentType, photo.Kind));
            Assert.DoesNotContain("IMG_0042", photo.FileName, StringComparison.Ordinal);
            Assert.NotNull(Assert.Single(files, f => f.StoreKey is null).Refused);

            var (analyst, _) = await app.SignInOverHttpAsync(Analyst);
            var response = await analyst.GetAsync(Nacars.Workbench.Features.ForceFeedback.ReplyAttachmentEndpoints.PathFor(photo.Id).TrimStart('/'), Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            Assert.Equal(0xFF, bytes[0]);
            Assert.DoesNotContain("Exif", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(Nacars.Tests.Intake.Attachments.TestFiles.ReporterName, System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == Nacars.Core.Audit.AuditActions.AttachmentDownloaded && e.Actor == Analyst && e.ContactReference == reference, Ct));
            // Nobody without a triage role reads it.
            using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
            var refused = await anonymous.GetAsync(Nacars.Workbench.Features.ForceFeedback.ReplyAttachmentEndpoints.PathFor(photo.Id).TrimStart('/'), Ct);
            Assert.NotEqual(System.Net.HttpStatusCode.OK, refused.StatusCode);
        }
    }

    [Fact]
    public async Task A_dovecot_restart_mid_run_loses_no_message_and_records_none_twice()
    {
        var (app, user) = await AppAsync();
        await using var _ = app;
        var (reference, messageId, _) = await SentReportAsync(app);
        for (var i = 1; i <= 3; i++)
            await Mailbox.AppendAsync(user, TestMailbox.Reply(ForceOfficer, $"Update {i} on {reference}", $"Update {i}", inReplyTo: messageId), Ct);
        await Mailbox.RestartAsync(Ct);
        for (var i = 4; i <= 6; i++)
            await Mailbox.AppendAsync(user, TestMailbox.Reply(ForceOfficer, $"Update {i} on {reference}", $"Update {i}", inReplyTo: messageId), Ct);
        await WaitUntilAsync(async () => (await RepliesAsync(app)).Count(r => r.Reference == reference) >= 6, Patience, "all six updates to be recorded");
        await Mailbox.RestartAsync(Ct);
        await Mailbox.AppendAsync(user, TestMailbox.Reply(ForceOfficer, $"Update 7 on {reference}", "Update 7", inReplyTo: messageId), Ct);
        await WaitUntilAsync(async () => (await RepliesAsync(app)).Count(r => r.Reference == reference) >= 7, Patience, "the update after the second restart");

        var updates = (await RepliesAsync(app)).Where(r => r.Reference == reference).Select(r => r.Subject).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"Update {i} on {reference}").Order(), updates);
    }

    [Fact]
    public async Task Two_instances_on_one_database_record_each_message_once()
    {
        var database = TestPostgres.CreateDatabase();
        try
        {
            var user = TestMailbox.NewUser();
            await Mailbox.AppendAsync(user, TestMailbox.Reply("postmaster@example.net", "Mailbox opened", "Welcome."), Ct);
            await using var a = new KestrelWorkbenchFactory();
            a.UsePostgres(database);
            Mailbox.Configure(a, user);
            _ = a.Services;
            await using var b = new KestrelWorkbenchFactory();
            b.UsePostgres(database);
            Mailbox.Configure(b, user);
            _ = b.Services;
            var (reference, messageId, _) = await SentReportAsync(a);

            const int Messages = 12;
            for (var i = 1; i <= Messages; i++)
                await Mailbox.AppendAsync(user, TestMailbox.Reply(ForceOfficer, $"Note {i} on {reference}", $"Note {i}", inReplyTo: messageId), Ct);
            await WaitUntilAsync(async () => (await RepliesAsync(a)).Count(r => r.Reference == reference) >= Messages, Patience, "every note to be recorded");

            var notes = (await RepliesAsync(b)).Where(r => r.Reference == reference).ToList();
            Assert.Equal(Messages, notes.Count);
            Assert.Equal(Messages, notes.Select(n => n.Subject).Distinct().Count());
            Assert.True(a.Services.GetRequiredService<MailboxListener>().Connected && b.Services.GetRequiredService<MailboxListener>().Connected,
                "Both instances should be listening to the mailbox.");
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }
}
