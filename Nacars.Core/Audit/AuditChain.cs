using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nacars.Core.Data;

namespace Nacars.Core.Audit;

/// <summary>
/// A tamper-evident audit trail. Events are written as they happen; a sealer then gives each, in the order it was
/// written, the next sequence number and a hash of the previous event's hash and its own content. Changing or deleting
/// any sealed event breaks every hash after it, and a gap in the sequence shows a deletion. Sealing after the fact (a
/// few seconds) keeps every save free of a global lock; on PostgreSQL one instance seals at a time (an advisory lock),
/// and an event that commits late is simply sealed in the next round, after those already sealed. The database also
/// refuses UPDATE and DELETE on sealed events (triggers, <see cref="AuditGuard"/>): this chain catches what gets past it.
/// </summary>
public sealed class AuditChain(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock, ILogger<AuditChain> logger, AuditAnchor anchor)
{
    /// <summary>The secret the chain is keyed with, held like the Data Protection keys (encrypted with the key ring), so
    /// whoever holds only the database file cannot compute a seal; the sequence from which seals are keyed (events sealed
    /// by earlier builds keep their plain SHA-256); and the one from which a seal covers a keyed hash of the details
    /// instead of the words, so that retention can erase them.</summary>
    private const string KeyName = "audit-chain-key", KeyedFromName = "audit-chain-keyed-from", DigestedFromName = "audit-chain-digested-from";
    private sealed record ChainKey(byte[] Key, long KeyedFrom, long DigestedFrom);
    private ChainKey? _key;
    private const long SealLockId = 0x4E41435341554C; // "NACSAUL"
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private readonly SemaphoreSlim _sealing = new(1, 1);
    private readonly SemaphoreSlim _keying = new(1, 1);

    public AuditVerification? LastVerification { get; private set; }

    /// <summary>The seal of an event: an HMAC-SHA-256 with the chain's key over the previous seal and the event's canonical
    /// content (a JSON array, so no field can bleed into another); a plain SHA-256 for events sealed before the key. The
    /// last element is the detail itself, or (from <c>audit-chain-digested-from</c>) its keyed hash.</summary>
    public static string HashOf(string previousHash, long sequence, AuditEvent e, byte[]? key, string? sealedDetail)
    {
        var content = Encoding.UTF8.GetBytes(previousHash + "\n" + JsonSerializer.Serialize(new object?[]
        {
            sequence, e.AtUtc.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Action, e.ContactReference, sealedDetail,
        }));
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(content) : HMACSHA256.HashData(key, content));
    }

    /// <summary>The keyed hash of a detail the seal covers (a plain hash of a short phrase could be guessed).</summary>
    private static string? DetailMacOf(string? detail, byte[] key) =>
        detail is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("audit-detail\n" + detail)));

    private static string Seal(string previousHash, long sequence, AuditEvent e, string? detailMac, ChainKey key) =>
        HashOf(previousHash, sequence, e, sequence >= key.KeyedFrom ? key.Key : null, sequence >= key.DigestedFrom ? detailMac : e.Detail);

    /// <summary>The chain's key, made with the first seal this build does; the markers from the next sequence on.</summary>
    private async Task<ChainKey> KeyAsync(NacarsDbContext db, CancellationToken ct)
    {
        if (_key is { } known) return known;
        // Sealing and verifying both ask for the key, and only sealing holds the sealing lock: the first key is made by
        // one of them at a time here, and another instance making it first is read, not refused.
        await _keying.WaitAsync(ct);
        try
        {
            if (_key is { } made) return made;
            try { return await LoadOrMakeKeyAsync(db, ct); }
            catch (DbUpdateException)
            {
                foreach (var entry in db.ChangeTracker.Entries<Data.ProtectedSecret>().ToList()) entry.State = EntityState.Detached;
                return await LoadOrMakeKeyAsync(db, ct);
            }
        }
        finally { _keying.Release(); }
    }

    private async Task<ChainKey> LoadOrMakeKeyAsync(NacarsDbContext db, CancellationToken ct)
    {
        var secrets = await db.ProtectedSecrets.Where(s => s.Name == KeyName || s.Name == KeyedFromName || s.Name == DigestedFromName).ToListAsync(ct);
        string? Value(string name) => secrets.SingleOrDefault(s => s.Name == name)?.Value;
        if (Value(KeyName) is null || Value(KeyedFromName) is null || Value(DigestedFromName) is null)
        {
            var next = ((await db.AuditEvents.Where(a => a.Sequence != null).MaxAsync(a => a.Sequence, ct) ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            // A key without its marker (or the reverse) cannot be trusted: both are made again, from the next event.
            if (Value(KeyName) is null || Value(KeyedFromName) is null)
            {
                db.ProtectedSecrets.RemoveRange(secrets.Where(s => s.Name != DigestedFromName));
                db.ProtectedSecrets.Add(new Data.ProtectedSecret { Name = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
                db.ProtectedSecrets.Add(new Data.ProtectedSecret { Name = KeyedFromName, Value = next });
            }
            if (Value(DigestedFromName) is null) db.ProtectedSecrets.Add(new Data.ProtectedSecret { Name = DigestedFromName, Value = next });
            await db.SaveChangesAsync(ct);
            secrets = await db.ProtectedSecrets.Where(s => s.Name == KeyName || s.Name == KeyedFromName || s.Name == DigestedFromName).ToListAsync(ct);
        }
        var key = new ChainKey(Convert.FromBase64String(Value(KeyName)!),
            long.Parse(Value(KeyedFromName)!, CultureInfo.InvariantCulture), long.Parse(Value(DigestedFromName)!, CultureInfo.InvariantCulture));
        _key = key;
        return key;
    }

    /// <summary>Seals every event written since the last seal, in the order written. Returns how many.</summary>
    public async Task<int> SealAsync(CancellationToken ct = default)
    {
        await _sealing.WaitAsync(ct);
        try
        {
            var sealedCount = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await using var tx = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
                if (tx is not null) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SealLockId})", ct);
                var batch = await db.AuditEvents.Where(a => a.Hash == null).OrderBy(a => a.Id).Take(500).ToListAsync(ct);
                if (batch.Count == 0) return sealedCount;
                var key = await KeyAsync(db, ct);
                var last = await db.AuditEvents.Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence)
                    .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
                var (sequence, hash) = (last?.Sequence ?? 0, last?.Hash ?? Genesis);
                foreach (var e in batch)
                {
                    sequence++;
                    var detailMac = sequence >= key.DigestedFrom ? DetailMacOf(e.Detail, key.Key) : null;
                    e.Seal(sequence, Seal(hash, sequence, e, detailMac, key), detailMac);
                    hash = e.Hash!;
                }
                await db.SaveChangesAsync(ct);
                if (tx is not null) await tx.CommitAsync(ct);
                anchor.Append(sequence, clock.GetUtcNow().UtcDateTime, hash);
                sealedCount += batch.Count;
            }
        }
        finally { _sealing.Release(); }
    }

    /// <summary>Walks the whole sealed chain in order and recomputes every hash (a page at a time), then compares it with
    /// the anchor file and, when given, a head kept elsewhere (the supervisors' daily summary).</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default, AuditAnchor.Head? keptElsewhere = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await KeyAsync(db, ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var (expected, hash) = (1L, Genesis);
        // Each head seen outside the database, with where it was kept and the seal recomputed at its sequence.
        var heads = new List<(AuditAnchor.Head Head, string Where)>();
        if (anchor.Latest() is { } anchored) heads.Add((anchored, $"the anchor outside the database ({anchor.Path})"));
        if (keptElsewhere is not null) heads.Add((keptElsewhere, "the head given (from a daily summary)"));
        var recomputedAt = new Dictionary<long, string>();
        var erased = new List<(long Sequence, string? Reference)>();
        AuditVerification Broken(long at, string problem) => new(false, expected - 1, 0, at, problem, clock.GetUtcNow().UtcDateTime);
        AuditVerification? result = null;
        while (result is null)
        {
            var page = await db.AuditEvents.Where(a => a.Sequence >= expected).OrderBy(a => a.Sequence).Take(2000).ToListAsync(ct);
            if (page.Count == 0) break;
            foreach (var e in page)
            {
                if (e.Sequence != expected) { result = Broken(expected, $"event {expected} is missing (deleted?)"); break; }
                // Words still there must be the words sealed; words erased leave their keyed hash, which the seal covers.
                var digested = expected >= key.DigestedFrom;
                if (digested && e.Detail is not null && !string.Equals(DetailMacOf(e.Detail, key.Key), e.DetailMac, StringComparison.Ordinal))
                { result = Broken(expected, "its detail was changed after it was sealed"); break; }
                if (e.DetailErased) erased.Add((expected, e.ContactReference));
                var recomputed = Seal(hash, expected, e, digested ? e.DetailMac : null, key);
                if (!string.Equals(recomputed, e.Hash, StringComparison.Ordinal)) { result = Broken(expected, "its content or its hash was changed after it was sealed"); break; }
                if (heads.Any(h => h.Head.Sequence == expected)) recomputedAt[expected] = recomputed;
                (expected, hash) = (expected + 1, recomputed);
            }
        }
        // The anchor kept outside the database: the newest events cannot be cut off, nor the chain rewritten, unseen.
        foreach (var (head, where) in heads)
        {
            if (result is not null) break;
            if (expected - 1 < head.Sequence)
                result = Broken(expected, $"events after {expected - 1} are missing: {where} saw the chain reach {head.Sequence}" +
                    (head.AtUtc == default ? "" : $" at {head.AtUtc:u}"));
            else if (head.Sequence > 0 && !string.Equals(recomputedAt.GetValueOrDefault(head.Sequence), head.Mac, StringComparison.OrdinalIgnoreCase))
                result = Broken(head.Sequence, $"event {head.Sequence} does not match {where}: the chain was rewritten");
        }
        // Erasing words is retention's to do, and only for contacts it has purged or minimised.
        if (result is null && await ErasedOutsideRetentionAsync(db, erased, ct) is { } wrongly)
            result = Broken(wrongly, $"the detail of event {wrongly} was erased, but its contact was neither purged nor minimised");
        if (result is null && !await AuditGuard.PresentAsync(db, ct))
            result = Broken(expected, "the database's guards against changing or deleting audit events (its triggers) are gone");
        result ??= new AuditVerification(true, expected - 1, await db.AuditEvents.CountAsync(a => a.Hash == null, ct), null, null, clock.GetUtcNow().UtcDateTime);
        LastVerification = result with { Erased = erased.Count };
        result = LastVerification;
        if (!result.Intact) logger.LogCritical("The audit trail is BROKEN at event {Sequence}: {Problem}", result.BrokenAt, result.Problem);
        return result;
    }

    /// <summary>The first event whose words were erased although its contact is still whole, or null.</summary>
    private static async Task<long?> ErasedOutsideRetentionAsync(NacarsDbContext db, List<(long Sequence, string? Reference)> erased, CancellationToken ct)
    {
        if (erased.Count == 0) return null;
        var references = erased.Where(e => e.Reference is not null).Select(e => e.Reference!).Distinct().ToList();
        var forgotten = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in references.Chunk(500))
            forgotten.UnionWith(await db.Contacts.Where(c => chunk.Contains(c.Reference) && (c.PurgedAtUtc != null || c.MinimisedAtUtc != null))
                .Select(c => c.Reference).ToListAsync(ct));
        return erased.Where(e => e.Reference is null || !forgotten.Contains(e.Reference)).Select(e => (long?)e.Sequence).FirstOrDefault();
    }

    /// <summary>Erases the words of the sealed audit events of contacts purged or minimised (what an analyst typed about
    /// a reporter, a re-route reason, a person spoken to); the events, and the proof of their words, stay. Events
    /// written in the last seconds are sealed first, so none is left behind.</summary>
    public async Task<int> EraseDetailsOfForgottenContactsAsync(CancellationToken ct = default)
    {
        await SealAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var forgotten = db.Contacts.Where(c => c.PurgedAtUtc != null || c.MinimisedAtUtc != null).Select(c => c.Reference);
        return await db.AuditEvents
            .Where(a => a.DetailMac != null && a.Detail != null && a.ContactReference != null && forgotten.Contains(a.ContactReference))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, (string?)null), ct);
    }
}
