using Nacars.Core.Dissemination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Supervision;

/// <summary>Keeps the running totals honest: rebuilt from the contacts and reports when they disagree with them.</summary>
public static class SupervisionFigures
{
    /// <summary>Compares the totals with the contacts (how many received, how many decided) and rebuilds them when they
    /// differ: after the upgrade that introduced them, or after contacts were changed outside the application.
    /// Returns the number of contacts counted by a rebuild, or 0 when none was needed.</summary>
    public static async Task<int> EnsureAsync(NacarsDbContext db, CancellationToken ct = default)
    {
        var received = await db.ForceDayFigures.SumAsync(f => (long)f.Received, ct);
        var firstSent = await db.ForceDayFigures.SumAsync(f => (long)f.FirstSent, ct);
        var reroutes = await db.ForceDayFigures.SumAsync(f => (long)f.ReroutedIn, ct);
        var decisions = await db.AnalystDayFigures.SumAsync(f => (long)f.Decisions, ct);
        if (received == await db.Contacts.LongCountAsync(ct)
            && firstSent == await FirstSends(db).LongCountAsync(ct)
            && reroutes == await Reroutes(db).LongCountAsync(ct)
            && decisions == await db.Contacts.LongCountAsync(c => c.DecidedAtUtc != null && c.DecidedBy != null, ct)) return 0;
        return await RebuildAsync(db, ct);
    }

    /// <summary>Each contact's first information report to a force (not a re-route), once sent.</summary>
    internal static IQueryable<DisseminationRecord> FirstSends(NacarsDbContext db) =>
        db.Disseminations.Where(d => d.RerouteReason == null && d.SecondsFromReceipt != null);

    /// <summary>Every re-route: a contact sent to another force as well as the one it was decided for.</summary>
    internal static IQueryable<DisseminationRecord> Reroutes(NacarsDbContext db) => db.Disseminations.Where(d => d.RerouteReason != null);

    /// <summary>Counts every contact again, in one transaction. On PostgreSQL the contacts are locked against writes
    /// meanwhile (reads go on), so a contact saved by another instance is counted exactly once.</summary>
    public static async Task<int> RebuildAsync(NacarsDbContext db, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "Contacts", "Disseminations" IN SHARE MODE""", ct);
        await db.ForceDayFigures.ExecuteDeleteAsync(ct);
        await db.AnalystDayFigures.ExecuteDeleteAsync(ct);
        var change = new SupervisionFiguresChange();
        var counted = 0;
        await foreach (var c in db.Contacts.AsNoTracking()
            .Select(c => new CountedFacts(c.DecidedForceCode ?? c.ForceCode, c.ReceivedAtUtc, c.Status, c.Urgent, c.NotDisseminatedReason, c.DecidedBy, c.DecidedAtUtc))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            change.Count(c, +1);
            counted++;
        }
        await foreach (var d in FirstSends(db).AsNoTracking().Select(d => new { d.ForceCode, d.ContactReceivedAtUtc }).AsAsyncEnumerable().WithCancellation(ct))
            change.Count(new CountedSend(d.ForceCode, d.ContactReceivedAtUtc, FirstSent: true, ReroutedFrom: null), +1);
        await foreach (var d in Reroutes(db).AsNoTracking().Select(d => new { d.ForceCode, d.ContactReceivedAtUtc, d.ReroutedFromForceCode })
            .AsAsyncEnumerable().WithCancellation(ct))
            change.Count(new CountedSend(d.ForceCode, d.ContactReceivedAtUtc, FirstSent: false, d.ReroutedFromForceCode ?? Contact.UnknownForce), +1);
        await change.ApplyAsync(transaction.GetDbTransaction(), ct);
        await transaction.CommitAsync(ct);
        return counted;
    }
}
