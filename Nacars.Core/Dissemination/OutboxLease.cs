using Microsoft.EntityFrameworkCore;
using Nacars.Core.Data;

namespace Nacars.Core.Dissemination;

/// <summary>
/// One dispatcher's hold on outbox messages: it claims a batch of due ones (queued or stuck and due, or held by a
/// dispatcher whose lease ran out) under a lease with an expiry, and renews that lease while a slow relay keeps the
/// batch on the wire, so no other dispatcher sends them meanwhile; a crashed dispatcher's lease simply lapses.
/// </summary>
internal sealed class OutboxLease(TimeProvider clock, Func<MailOptions> mail)
{
    /// <summary>Who holds a lease: unique to this dispatcher, on this machine and process.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Whole milliseconds: the lease expiry is compared for equality later, and databases keep different precisions.</summary>
    private DateTime Until(DateTime now)
    {
        var until = now.AddSeconds(mail().LeaseSeconds);
        return until.AddTicks(-(until.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>Claims up to <see cref="MailOptions.BatchSize"/> due messages; returns their ids, oldest due first.</summary>
    public async Task<List<Guid>> ClaimAsync(NacarsDbContext db, DateTime now, CancellationToken ct)
    {
        var leaseUntil = Until(now);
        var size = Math.Max(1, mail().BatchSize);
        if (db.Database.IsNpgsql())
        {
            // Several instances drain one outbox: each takes the oldest messages no other dispatcher holds, in one
            // statement. Rows another transaction is claiming are skipped, not waited for.
            return await db.Database.SqlQuery<Guid>($"""
                UPDATE "OutboxMessages" AS m
                SET "State" = 'Sending', "LeaseOwner" = {Owner}, "LeaseExpiresAtUtc" = {leaseUntil}, "Attempts" = m."Attempts" + 1
                WHERE m."Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE ("State" IN ('Queued', 'Stuck') AND "NextAttemptAtUtc" <= {now}) OR ("State" = 'Sending' AND "LeaseExpiresAtUtc" < {now})
                    ORDER BY "NextAttemptAtUtc" LIMIT {size}
                    FOR UPDATE SKIP LOCKED)
                RETURNING m."Id" AS "Value"
                """).ToListAsync(ct);
        }
        var due = await Due(db.OutboxMessages, now).OrderBy(m => m.NextAttemptAtUtc).Select(m => m.Id).Take(size).ToListAsync(ct);
        if (due.Count == 0) return [];
        // The conditional update is the claim: rows another dispatcher got first no longer match. This lease's exact
        // expiry and owner then pick out what this claim took.
        await Due(db.OutboxMessages.Where(m => due.Contains(m.Id)), now).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sending)
            .SetProperty(m => m.LeaseOwner, Owner)
            .SetProperty(m => m.LeaseExpiresAtUtc, leaseUntil)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return await db.OutboxMessages.Where(m => due.Contains(m.Id) && m.LeaseOwner == Owner && m.LeaseExpiresAtUtc == leaseUntil)
            .Select(m => m.Id).ToListAsync(ct);
    }

    /// <summary>Extends the lease on the messages this dispatcher still holds (those another took over after a lapse are
    /// no longer its own, and are left to it); the copies held follow, so outcomes are recorded against the new lease.</summary>
    public async Task RenewAsync(NacarsDbContext db, IReadOnlyList<OutboxMessage> held, CancellationToken ct)
    {
        if (held.Count == 0) return;
        var until = Until(clock.GetUtcNow().UtcDateTime);
        var ids = held.Select(m => m.Id).ToList();
        await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeaseOwner == Owner && m.State == OutboxState.Sending)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeaseExpiresAtUtc, until), ct);
        foreach (var message in held) message.LeaseRenewed(until);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTime now) => messages.Where(m =>
        ((m.State == OutboxState.Queued || m.State == OutboxState.Stuck) && m.NextAttemptAtUtc <= now)
        || (m.State == OutboxState.Sending && m.LeaseExpiresAtUtc < now));
}
