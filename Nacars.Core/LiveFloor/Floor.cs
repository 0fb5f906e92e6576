using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;
using Nacars.Core.Triage;

namespace Nacars.Core.LiveFloor;

/// <summary>Reads the <see cref="FloorSnapshot"/> for the wallboard.</summary>
public sealed class Floor(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<FloorSnapshot> SnapshotAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        var todayStartUtc = TodaysCounts.TodayStartUtc(clock);

        var open = await db.Contacts.AsNoTracking()
            .Where(c => c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage)
            .OrderBy(c => c.ReceivedAtUtc)
            .Select(c => new OpenContact(c.Reference, c.ReceivedAtUtc, c.Urgent, c.Status, c.ClaimedBy, c.FastTimeCall != null))
            .ToListAsync(ct);
        var (disseminated, notDisseminated) = await TodaysCounts.DecidedSinceAsync(db, todayStartUtc, ct);
        var lastWeek = today.AddDays(-7);
        var received = await db.ForceDayFigures.Where(f => f.Day == today || f.Day == lastWeek)
            .GroupBy(f => f.Day).Select(g => new { Day = g.Key, Received = g.Sum(f => f.Received) }).ToListAsync(ct);
        var (newInformation, _) = await TodaysCounts.WithNewInformationAsync(db, ct);
        var recently = now - ForceFeedback.AcknowledgementReminders.ReminderWindow;
        var urgentUnacknowledged = await (from d in db.Disseminations
                                          where d.AcknowledgedAtUtc == null && d.DeliveredAtUtc >= recently
                                          join c in db.Contacts on d.ContactId equals c.Id
                                          where c.Urgent
                                          select d.Id).CountAsync(ct);
        var outbox = await db.OutboxMessages.Where(m => m.State != OutboxState.Sent)
            .GroupBy(m => new { m.State, Retrying = m.Attempts > 0 }).Select(g => new { g.Key.State, g.Key.Retrying, Count = g.Count() }).ToListAsync(ct);

        return new FloorSnapshot(open,
            disseminated, notDisseminated,
            received.Where(r => r.Day == today).Sum(r => r.Received),
            received.Where(r => r.Day == lastWeek).Sum(r => r.Received),
            outbox.Where(o => o.State is OutboxState.Queued or OutboxState.Sending).Sum(o => o.Count),
            outbox.Where(o => (o.State is OutboxState.Queued or OutboxState.Sending && o.Retrying) || o.State == OutboxState.Failed).Sum(o => o.Count),
            outbox.Where(o => o.State == OutboxState.Stuck).Sum(o => o.Count),
            newInformation, urgentUnacknowledged);
    }
}
