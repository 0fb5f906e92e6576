using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;

namespace Nacars.Core.ForceFeedback;

/// <summary>
/// One reminder, in the report's thread, to a force that has not acknowledged a report within its working time
/// (<see cref="ForcesOptions"/>: days, or hours for an urgent one, of the force's office hours without its nation's bank
/// holidays). Never for an acknowledged report, once per send, and never twice in a week for one report (a re-route is
/// a second send). The reminder carries only the reference and the date sent. Several instances may run this: the
/// reminder's Message-ID is made from the send, and the outbox takes one message per Message-ID.
/// </summary>
public sealed class AcknowledgementReminders(
    IDbContextFactory<NacarsDbContext> dbFactory,
    OutboxSignal outbox,
    TimeProvider clock,
    IOptions<NacarsOptions> options,
    ILogger<AcknowledgementReminders> logger) : BackgroundService
{
    public const string Actor = "reminders";
    public static readonly TimeSpan ReminderWindow = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { await SendDueAsync(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogError(e, "Acknowledgement reminders could not be checked; trying again shortly");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.Forces.ReminderCheckSeconds)), clock, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Queues every reminder due now. Returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        // A send older than a month is past reminding: the force hears of it in its monthly pack, and a service back
        // from a long outage does not send a burst of stale reminders.
        var oldest = now - ReminderWindow;
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await (from d in read.Disseminations.AsNoTracking()
                             where d.DeliveredAtUtc >= oldest && d.AcknowledgedAtUtc == null && d.ReminderSentAtUtc == null
                             join c in read.Contacts on d.ContactId equals c.Id
                             select new { d.Id, d.ForceCode, c.Urgent }).ToListAsync(ct);
        var queued = 0;
        foreach (var force in waiting.GroupBy(w => w.ForceCode))
        {
            var hours = await Forces.BankHolidayCalendar.OfficeHoursAsync(read, force.Key, ct);
            foreach (var w in force)
            {
                var allowed = w.Urgent
                    ? TimeSpan.FromHours(settings.Forces.UrgentAcknowledgeWithinWorkingHours)
                    : settings.Forces.AcknowledgeWithinWorkingDays * hours.Day;
                if (await RemindAsync(w.Id, hours, allowed, now, ct)) queued++;
            }
        }
        if (queued > 0) outbox.Wake();
        return queued;
    }

    private async Task<bool> RemindAsync(Guid disseminationId, Forces.WorkingTime hours, TimeSpan allowed, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.Disseminations.SingleAsync(d => d.Id == disseminationId, ct);
        if (!record.NeedsReminder(now, hours, allowed)) return false;
        var weekAgo = now.AddDays(-7);
        if (await db.Disseminations.AnyAsync(d => d.Reference == record.Reference && d.ReminderSentAtUtc > weekAgo, ct)) return false;
        var mailbox = await db.Forces.Where(f => f.Code == record.ForceCode).Select(f => f.NominatedMailbox).SingleOrDefaultAsync(ct) ?? record.Recipient;
        var service = options.Value.Service;
        var sentOn = UkTime.FromUtc(record.DeliveredAtUtc ?? record.CreatedAtUtc).ToString("d MMMM yyyy", UkTime.Culture);
        var body = $"""
            {service.Name}

            Information report {record.Reference}, sent to this mailbox on {sentOn}, has not been acknowledged.
            Please reply to this email to acknowledge it.

            Queries: {service.QueriesContact}, quoting the reference.
            """;
        record.Reminded(now);
        db.OutboxMessages.Add(new OutboxMessage(Guid.CreateVersion7(), null, record.Reference, mailbox,
            $"Reminder: NACARS information report {record.Reference} not yet acknowledged", body,
            DisseminationRecord.ReminderMessageIdFor(record.Id, service.MessageIdDomain), null, null, now,
            inReplyTo: DisseminationRecord.MessageIdFor(record.Id, service.MessageIdDomain), autoSubmitted: true));
        db.AuditEvents.Add(new AuditEvent(now, Actor, AuditActions.ReminderSent, record.Reference, $"to {record.ForceCode} <{mailbox}>, sent {sentOn}"));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance queued this reminder first (one Message-ID per send); anything else is a real failure.
            await using var check = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var messageId = DisseminationRecord.ReminderMessageIdFor(record.Id, service.MessageIdDomain);
            if (await check.OutboxMessages.AnyAsync(m => m.MessageId == messageId, CancellationToken.None)) return false;
            throw;
        }
    }
}
