using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Nacars.Core.Data;

namespace Nacars.Core.Audit;

/// <summary>The result of checking the chain: how far it is intact, and where it breaks if it does.</summary>
public sealed record AuditVerification(bool Intact, long Verified, int AwaitingSeal, long? BrokenAt, string? Problem, DateTime CheckedAtUtc)
{
    public string Summary => Intact
        ? $"Intact: {Verified:N0} sealed events verified ({AwaitingSeal:N0} written in the last seconds await their seal)."
        : $"BROKEN at event {BrokenAt}: {Problem}";
}

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
    /// whoever holds only the database file cannot compute a seal; and the sequence from which seals are keyed (events
    /// sealed by earlier builds keep their plain SHA-256).</summary>
    private const string KeyName = "audit-chain-key", KeyedFromName = "audit-chain-keyed-from";
    private (byte[] Key, long From)? _key;
    private const long SealLockId = 0x4E41435341554C; // "NACSAUL"
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private readonly SemaphoreSlim _sealing = new(1, 1);

    public AuditVerification? LastVerification { get; private set; }

    /// <summary>The seal of an event: an HMAC-SHA-256 with the chain's key over the previous seal and the event's canonical
    /// content (a JSON array, so no field can bleed into another); a plain SHA-256 for events sealed before the key.</summary>
    public static string HashOf(string previousHash, long sequence, AuditEvent e, byte[]? key = null)
    {
        var content = Encoding.UTF8.GetBytes(previousHash + "\n" + JsonSerializer.Serialize(new object?[]
        {
            sequence, e.AtUtc.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Action, e.ContactReference, e.Detail,
        }));
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(content) : HMACSHA256.HashData(key, content));
    }

    private string Seal(string previousHash, long sequence, AuditEvent e, (byte[] Key, long From) key) =>
        HashOf(previousHash, sequence, e, sequence >= key.From ? key.Key : null);

    /// <summary>The chain's key, made with the first seal this build does (keyed from the next sequence on).</summary>
    private async Task<(byte[] Key, long From)> KeyAsync(NacarsDbContext db, CancellationToken ct)
    {
        if (_key is { } known) return known;
        var secrets = await db.ProtectedSecrets.Where(s => s.Name == KeyName || s.Name == KeyedFromName).ToListAsync(ct);
        if (secrets.Count < 2)
        {
            var lastSealed = await db.AuditEvents.Where(a => a.Sequence != null).MaxAsync(a => a.Sequence, ct) ?? 0;
            db.ProtectedSecrets.RemoveRange(secrets);
            secrets =
            [
                new Data.ProtectedSecret { Name = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                new Data.ProtectedSecret { Name = KeyedFromName, Value = (lastSealed + 1).ToString(CultureInfo.InvariantCulture) },
            ];
            db.ProtectedSecrets.AddRange(secrets);
            await db.SaveChangesAsync(ct);
        }
        var key = (Convert.FromBase64String(secrets.Single(s => s.Name == KeyName).Value), long.Parse(secrets.Single(s => s.Name == KeyedFromName).Value, CultureInfo.InvariantCulture));
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
                    hash = Seal(hash, sequence, e, key);
                    e.Seal(sequence, hash);
                }
                await db.SaveChangesAsync(ct);
                if (tx is not null) await tx.CommitAsync(ct);
                anchor.Append(sequence, clock.GetUtcNow().UtcDateTime, hash);
                sealedCount += batch.Count;
            }
        }
        finally { _sealing.Release(); }
    }

    /// <summary>Walks the whole sealed chain in order and recomputes every hash (a page at a time).</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await KeyAsync(db, ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var (expected, hash) = (1L, Genesis);
        var head = anchor.Latest();
        string? hashAtHead = null;
        AuditVerification Broken(long at, string problem) => new(false, expected - 1, 0, at, problem, clock.GetUtcNow().UtcDateTime);
        AuditVerification? result = null;
        while (result is null)
        {
            var page = await db.AuditEvents.Where(a => a.Sequence >= expected).OrderBy(a => a.Sequence).Take(2000).ToListAsync(ct);
            if (page.Count == 0) break;
            foreach (var e in page)
            {
                if (e.Sequence != expected) { result = Broken(expected, $"event {expected} is missing (deleted?)"); break; }
                var recomputed = Seal(hash, expected, e, key);
                if (!string.Equals(recomputed, e.Hash, StringComparison.Ordinal)) { result = Broken(expected, "its content or its hash was changed after it was sealed"); break; }
                if (expected == head?.Sequence) hashAtHead = recomputed;
                (expected, hash) = (expected + 1, recomputed);
            }
        }
        // The anchor kept outside the database: the newest events cannot be cut off, nor the chain rewritten, unseen.
        if (result is null && head is not null && expected - 1 < head.Sequence)
            result = Broken(expected, $"events after {expected - 1} are missing: the anchor outside the database ({anchor.Path}) saw the chain reach {head.Sequence} at {head.AtUtc:u}");
        if (result is null && head is not null && hashAtHead is not null && !string.Equals(hashAtHead, head.Mac, StringComparison.Ordinal))
            result = Broken(head.Sequence, $"event {head.Sequence} does not match the anchor outside the database: the chain was rewritten");
        if (result is null && !await AuditGuard.PresentAsync(db, ct))
            result = Broken(expected, "the database's guards against changing or deleting audit events (its triggers) are gone");
        result ??= new AuditVerification(true, expected - 1, await db.AuditEvents.CountAsync(a => a.Hash == null, ct), null, null, clock.GetUtcNow().UtcDateTime);
        LastVerification = result;
        if (!result.Intact) logger.LogCritical("The audit trail is BROKEN at event {Sequence}: {Problem}", result.BrokenAt, result.Problem);
        return result;
    }
}

/// <summary>Seals new audit events every few seconds, and verifies the whole chain at start-up and every six hours
/// (on PostgreSQL, whichever instance gets there first seals; all verify).</summary>
public sealed class AuditSealer(AuditChain chain, TimeProvider clock, ILogger<AuditSealer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var nextVerify = DateTime.MinValue;
        // A one-shot delay per round, not a PeriodicTimer: when the clock jumps (a suspended VM, or a test's fake clock
        // moving a year) a periodic timer replays every missed tick, millions of them, before anything else runs.
        var pause = TimeSpan.FromSeconds(2);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await chain.SealAsync(ct);
                if (clock.GetUtcNow().UtcDateTime >= nextVerify)
                {
                    var result = await chain.VerifyAsync(ct);
                    if (result.Intact) logger.LogInformation("Audit trail verified: {Summary}", result.Summary);
                    nextVerify = clock.GetUtcNow().UtcDateTime.AddHours(6);
                }
                await Task.Delay(pause, clock, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogWarning("Sealing the audit trail will be tried again: {Reason}", ex.Message);
                try { await Task.Delay(pause, clock, ct); } catch (OperationCanceledException) { return; }
            }
        }
    }
}

/// <summary>The database's own refusal to change or delete audit events (only the one-time seal of a new event may
/// write to a row). Created at start-up, idempotently, so it survives a regenerated migration.</summary>
public static class AuditGuard
{
    /// <summary>Whether the triggers are in place (an insider who dropped them to edit history left a sign).</summary>
    public static async Task<bool> PresentAsync(NacarsDbContext db, CancellationToken ct) => db.Database.IsNpgsql()
        ? await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM pg_trigger WHERE tgname = 'audit_append_only' AND NOT tgisinternal").SingleAsync(ct) == 1
        : await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_no_delete', 'audit_seal_only')").SingleAsync(ct) == 2;

    public static async Task EnsureAsync(NacarsDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE OR REPLACE FUNCTION nacars_audit_append_only() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'audit events cannot be deleted'; END IF;
                  IF OLD."Hash" IS NOT NULL OR NEW."Id" IS DISTINCT FROM OLD."Id" OR NEW."AtUtc" IS DISTINCT FROM OLD."AtUtc"
                     OR NEW."Actor" IS DISTINCT FROM OLD."Actor" OR NEW."Action" IS DISTINCT FROM OLD."Action"
                     OR NEW."ContactReference" IS DISTINCT FROM OLD."ContactReference" OR NEW."Detail" IS DISTINCT FROM OLD."Detail" THEN
                    RAISE EXCEPTION 'audit events cannot be changed';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS audit_append_only ON "AuditEvents";
                CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION nacars_audit_append_only();
                """, ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON "AuditEvents"
            BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END;
            CREATE TRIGGER IF NOT EXISTS audit_seal_only BEFORE UPDATE ON "AuditEvents"
            WHEN OLD."Hash" IS NOT NULL OR NEW."Id" IS NOT OLD."Id" OR NEW."AtUtc" IS NOT OLD."AtUtc" OR NEW."Actor" IS NOT OLD."Actor"
              OR NEW."Action" IS NOT OLD."Action" OR NEW."ContactReference" IS NOT OLD."ContactReference" OR NEW."Detail" IS NOT OLD."Detail"
            BEGIN SELECT RAISE(ABORT, 'audit events cannot be changed'); END;
            """, ct);
    }
}
