using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core.Dissemination;
using Nacars.Core.ForceFeedback;
using Nacars.Tests.Dissemination;

namespace Nacars.Tests.ForceFeedback;

/// <summary>Issue 29, item 2, on a fake clock: one reminder, in the report's thread, once the force's working time is
/// up (its office hours, its nation's bank holidays skipped; four working hours for an urgent report), never for an
/// acknowledged report and never twice.</summary>
public sealed class AcknowledgementReminderTests : DisseminationTestBase
{
    // Friday 28 August 2026, 17:00 BST. Monday 31 August is England's summer bank holiday.
    private const string ServiceDomain = "nacars.crimestoppers-uk.example";
    private static readonly DateTimeOffset FridayFivePm = new(2026, 8, 28, 16, 0, 0, TimeSpan.Zero);

    private static async Task<DisseminationRecord> SendAsync(MailWorkbench app, bool urgent = false)
    {
        var reference = await ReadyContactAsync(app, urgent);
        var sent = await app.Dissemination.SendAsync(reference, Analyst, Ct);
        await app.Dispatcher.DrainAsync(Ct);
        return sent;
    }

    private static async Task<List<OutboxMessage>> RemindersAsync(MailWorkbench app)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.MessageId.StartsWith(DisseminationRecord.ReminderPrefix)).ToListAsync(Ct);
    }

    [Fact]
    public async Task One_reminder_goes_after_the_working_time_skipping_the_bank_holiday_and_none_for_an_acknowledged_report()
    {
        var clock = new FakeTimeProvider(FridayFivePm);
        await using var app = new MailWorkbench { Clock = clock, BackgroundDispatcher = false };
        var waiting = await SendAsync(app);
        var answered = await SendAsync(app);
        var urgent = await SendAsync(app, urgent: true);
        var reminders = app.Services.GetRequiredService<AcknowledgementReminders>();

        // The force answers one report an hour later, from its own domain, in the report's thread.
        clock.Advance(TimeSpan.FromMinutes(30));
        var reply = TestMailbox.Reply("pecs.duty@example.org", "RE: report", "Received, thank you.", inReplyTo: DisseminationRecord.MessageIdFor(answered.Id, ServiceDomain));
        using (var raw = new MemoryStream())
        {
            await reply.WriteToAsync(raw, Ct);
            Assert.True(await app.Services.GetRequiredService<ReplyRecorder>().RecordAsync(raw.ToArray(), Ct));
        }

        // The force's mailbox answers the other report with an out-of-office: shown, but it acknowledges nothing.
        var outOfOffice = TestMailbox.Reply("pecs.duty@example.org", "Automatic reply: NACARS information report", "I am out of the office until Monday.",
            inReplyTo: DisseminationRecord.MessageIdFor(waiting.Id, ServiceDomain));
        outOfOffice.Headers.Add("Auto-Submitted", "auto-replied");
        using (var raw = new MemoryStream())
        {
            await outOfOffice.WriteToAsync(raw, Ct);
            Assert.True(await app.Services.GetRequiredService<ReplyRecorder>().RecordAsync(raw.ToArray(), Ct));
        }

        // Urgent: four working hours = Friday 17:00–18:00 and Tuesday 08:00–11:00 (BST), the holiday skipped.
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 1, 9, 59, 0, TimeSpan.Zero));
        await reminders.SendDueAsync(Ct);
        Assert.Empty(await RemindersAsync(app));
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 1, 10, 1, 0, TimeSpan.Zero));
        await reminders.SendDueAsync(Ct);
        Assert.Equal([urgent.Reference], (await RemindersAsync(app)).Select(m => m.Reference));

        // Two working days = 20 office hours: Tuesday 17:00 without the holiday; Wednesday 17:00 with it.
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 1, 16, 1, 0, TimeSpan.Zero));
        await reminders.SendDueAsync(Ct);
        Assert.Single(await RemindersAsync(app));
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 2, 15, 59, 0, TimeSpan.Zero));
        await reminders.SendDueAsync(Ct);
        Assert.Single(await RemindersAsync(app));
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 2, 16, 1, 0, TimeSpan.Zero));
        await reminders.SendDueAsync(Ct);

        // Once: a week later nothing more, and never for the acknowledged report.
        clock.Advance(TimeSpan.FromDays(8));
        await reminders.SendDueAsync(Ct);
        var sent = await RemindersAsync(app);
        Assert.Equal(new[] { urgent.Reference, waiting.Reference }.Order(), sent.Select(m => m.Reference!).Order());
        Assert.DoesNotContain(sent, m => m.Reference == answered.Reference);

        var toWaiting = sent.Single(m => m.Reference == waiting.Reference);
        Assert.Equal(DisseminationRecord.MessageIdFor(waiting.Id, ServiceDomain), toWaiting.InReplyTo);
        Assert.Equal(DisseminationRecord.ReminderMessageIdFor(waiting.Id, ServiceDomain), toWaiting.MessageId);
        Assert.Equal(KentMailbox, toWaiting.To);
        Assert.Contains(waiting.Reference, toWaiting.Subject);
        Assert.Contains("28 August 2026", toWaiting.Body);
        // Only the reference and the date: nothing of the account, the subject or the grading.
        Assert.DoesNotContain("Hart", toWaiting.Body);
        Assert.DoesNotContain("£500", toWaiting.Body);
        Assert.Null(toWaiting.Attachment);
        var mime = OutboxMime.From(toWaiting, app.Mail);
        Assert.Equal(toWaiting.InReplyTo, mime.InReplyTo);
        Assert.Contains(toWaiting.InReplyTo!, mime.References);
        // Generated, not written: an out-of-office at the force is asked not to answer it (RFC 3834).
        Assert.Equal("auto-generated", mime.Headers["Auto-Submitted"]);

        await using var db = await app.Db.CreateDbContextAsync(Ct);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == Nacars.Core.Audit.AuditActions.ReminderSent, Ct));
        var record = await db.Disseminations.AsNoTracking().SingleAsync(d => d.Id == answered.Id, Ct);
        Assert.Equal(30, record.AcknowledgeWorkingMinutes);
        var automatic = await db.ForceReplies.AsNoTracking().SingleAsync(r => r.Reference == waiting.Reference, Ct);
        Assert.True(automatic.Automatic);
        Assert.Equal(ReplyState.Matched, automatic.State);
        Assert.Null((await db.Disseminations.AsNoTracking().SingleAsync(d => d.Id == waiting.Id, Ct)).AcknowledgedAtUtc);
    }
}
