using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;

namespace Nacars.Core.Supervision;

/// <summary>
/// A short email to supervisors each morning about the day before: what arrived, what was decided, what waits, whether
/// the outbox is stuck, and the audit chain's head (sequence, time, seal). Kept in the supervisors' mailboxes, the head
/// is a second anchor outside the server: <c>verify-audit --head SEQUENCE:SEAL</c> checks a restored or suspect database
/// against it. Queued through the outbox, once per day and recipient.
/// </summary>
public sealed class DailySummary(IDbContextFactory<NacarsDbContext> dbFactory, AuditChain chain, IOptions<NacarsOptions> options, TimeProvider clock, OutboxSignal outbox)
{
    public async Task<int> QueueAsync(DateOnly ukDay, CancellationToken ct = default)
    {
        var recipients = options.Value.DailySummary.To.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0) return 0;
        await chain.SealAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = UkTime.ToUtc(ukDay.ToDateTime(TimeOnly.MinValue));
        var to = UkTime.ToUtc(ukDay.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var received = await db.Contacts.CountAsync(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to, ct);
        var disseminated = await db.Contacts.CountAsync(c => c.DecidedAtUtc >= from && c.DecidedAtUtc < to && c.Status == ContactStatus.Disseminated, ct);
        var notDisseminated = await db.Contacts.CountAsync(c => c.DecidedAtUtc >= from && c.DecidedAtUtc < to && c.Status == ContactStatus.NotDisseminated, ct);
        var open = await db.Contacts.CountAsync(c => c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage, ct);
        var urgentOpen = await db.Contacts.CountAsync(c => (c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage) && c.Urgent, ct);
        var stuck = await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Stuck || m.State == OutboxState.Failed, ct);
        var head = await db.AuditEvents.Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var service = options.Value.Service;
        var day = ukDay.ToString("dddd d MMMM yyyy", UkTime.Culture);
        var body = $"""
            {service.Name}: summary for {day} (UK)

            Contacts received: {received}
            Disseminated: {disseminated}
            Not disseminated: {notDisseminated}
            Open now: {open} (urgent: {urgentOpen})
            Reports failed or stuck in the outbox now: {stuck}

            Audit trail head at {UkTime.Format(now)} (UK): event {head?.Sequence ?? 0}, seal {head?.Hash ?? AuditChain.Genesis}
            Keep this email: `verify-audit --head {head?.Sequence ?? 0}:{head?.Hash ?? AuditChain.Genesis}` proves the trail still holds every event up to it.
            """;
        var queued = 0;
        foreach (var recipient in recipients)
        {
            var messageId = $"daily-summary-{ukDay:yyyyMMdd}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.ToLowerInvariant())))[..12]}@{service.MessageIdDomain}";
            if (await db.OutboxMessages.AnyAsync(m => m.MessageId == messageId, ct)) continue;
            db.OutboxMessages.Add(new OutboxMessage(Guid.CreateVersion7(), null, null, recipient, $"NACARS daily summary {ukDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                body, messageId, null, null, now, autoSubmitted: true));
            queued++;
        }
        if (queued == 0) return 0;
        db.AuditEvents.Add(new AuditEvent(now, "daily-summary", AuditActions.DailySummarySent, null, $"{ukDay:yyyy-MM-dd} to {queued} recipient(s); head {head?.Sequence ?? 0}"));
        await db.SaveChangesAsync(ct);
        outbox.Wake();
        return queued;
    }
}
