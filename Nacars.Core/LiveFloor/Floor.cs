using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;

namespace Nacars.Core.LiveFloor;

/// <summary>An open contact as the floor sees it: no account, nothing about the reporter.</summary>
public sealed record OpenContact(string Reference, DateTime ReceivedAtUtc, bool Urgent, ContactStatus Status, string? ClaimedBy, bool FastTimeCallLogged);

public sealed record AnalystWork(string Analyst, IReadOnlyList<OpenContact> Contacts);

/// <summary>Reads the <see cref="FloorSnapshot"/> for the wallboard.</summary>
public sealed class Floor(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<FloorSnapshot> SnapshotAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        var todayStartUtc = UkTime.ToUtc(today.ToDateTime(TimeOnly.MinValue));

        var open = await db.Contacts.AsNoTracking()
            .Where(c => c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage)
            .OrderBy(c => c.ReceivedAtUtc)
            .Select(c => new OpenContact(c.Reference, c.ReceivedAtUtc, c.Urgent, c.Status, c.ClaimedBy, c.FastTimeCall != null))
            .ToListAsync(ct);
        var decided = await db.Contacts.Where(c => c.DecidedAtUtc >= todayStartUtc)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var lastWeek = today.AddDays(-7);
        var received = await db.ForceDayFigures.Where(f => f.Day == today || f.Day == lastWeek)
            .GroupBy(f => f.Day).Select(g => new { Day = g.Key, Received = g.Sum(f => f.Received) }).ToListAsync(ct);
        var newInformation = await db.Contacts.CountAsync(c => c.NewInformationAtUtc != null, ct);
        var outbox = await db.OutboxMessages.Where(m => m.State != OutboxState.Sent)
            .GroupBy(m => new { m.State, Retrying = m.Attempts > 0 }).Select(g => new { g.Key.State, g.Key.Retrying, Count = g.Count() }).ToListAsync(ct);

        return new FloorSnapshot(open,
            decided.Where(d => d.Key == ContactStatus.Disseminated).Sum(d => d.Count),
            decided.Where(d => d.Key == ContactStatus.NotDisseminated).Sum(d => d.Count),
            received.Where(r => r.Day == today).Sum(r => r.Received),
            received.Where(r => r.Day == lastWeek).Sum(r => r.Received),
            outbox.Where(o => o.State is OutboxState.Queued or OutboxState.Sending).Sum(o => o.Count),
            outbox.Where(o => (o.State is OutboxState.Queued or OutboxState.Sending && o.Retrying) || o.State == OutboxState.Failed).Sum(o => o.Count),
            outbox.Where(o => o.State == OutboxState.Stuck).Sum(o => o.Count),
            newInformation);
    }
}
