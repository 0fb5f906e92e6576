using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Forces;
using Npgsql;

namespace Nacars.Core.Data;

/// <summary>Brings the database to the current schema with real migrations, proves the key ring can read what it
/// wrote before, and seeds the force directory. On Postgres, instances starting together take turns (an advisory
/// lock), so only one migrates and seeds.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<NacarsDbContext> dbFactory,
    SensitiveData sensitive,
    IdentifierHasher identifierHasher,
    ContactRowSeal rowSeal,
    Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager keys,
    TimeProvider clock,
    IOptions<NacarsOptions> options,
    IEnumerable<ConfigurationProblem> problems,
    ILogger<DatabaseInitializer> logger)
{
    public const long StartupLockId = 0x4E4143415253; // "NACARS"

    private bool Postgres => options.Value.Database.Provider == DatabaseProvider.Postgres;

    /// <summary>Held while one instance prepares the shared database (migrations, seeds, roles, demo data).</summary>
    public async Task<IAsyncDisposable> StartupLockAsync(CancellationToken ct = default)
    {
        if (!Postgres) return NoLock.Instance;
        // A session-level lock lives as long as its connection: never pooled, or a pooled connection would keep
        // holding it after start-up and the next instance would wait for ever.
        var connectionString = new NpgsqlConnectionStringBuilder(DbProviders.PostgresConnectionString(options.Value))
        {
            Pooling = false,
            ApplicationName = "nacars-startup",
            CommandTimeout = 600, // another instance may be migrating a large database
        }.ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@id)", connection);
            command.Parameters.AddWithValue("id", StartupLockId);
            await command.ExecuteNonQueryAsync(ct);
            return new AdvisoryLock(connection);
        }
        catch (NpgsqlException ex)
        {
            await connection.DisposeAsync();
            throw new StartupException($"PostgreSQL cannot be reached (Nacars:Database:ConnectionString), or another instance held the " +
                $"start-up lock for over 10 minutes: {ex.Message}", ex);
        }
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@id)", connection);
                unlock.Parameters.AddWithValue("id", StartupLockId);
                await unlock.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException) { /* closing the session below releases it anyway */ }
            await connection.DisposeAsync();
        }
    }

    public async Task InitializeAsync(bool demoMailboxes, CancellationToken ct = default)
    {
        if (problems.FirstOrDefault() is { } problem) throw new StartupException(problem.Message);
        if (Postgres && string.IsNullOrWhiteSpace(options.Value.KeyRing.CertificatePath))
            throw new StartupException("On Postgres the key ring is kept in the shared database, so it must be encrypted: set " +
                "Nacars:KeyRing:CertificatePath (a .pfx with an RSA key) and Nacars:KeyRing:CertificatePassword on every instance.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            // A database made before the migrations were squashed (ADR 0009) names migrations this build no longer has:
            // say so plainly rather than fail half-way through creating tables that exist.
            var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Except(db.Database.GetMigrations()).ToList();
            if (unknown.Count > 0)
                throw new StartupException($"This database was made by a pre-release build (migration {unknown[0]}), whose migrations were " +
                    "replaced by one baseline before the first release (ADR 0009). It cannot be upgraded: start with an empty data folder " +
                    "(Nacars:DataRoot) or database.");
            await db.Database.MigrateAsync(ct);
        }
        catch (SqliteException ex)
        {
            throw new StartupException($"The database could not be opened or upgraded ({ex.SqliteErrorCode}: {ex.Message}). " +
                "If the file is corrupt, restore it from a backup; nothing was changed.", ex);
        }
        catch (NpgsqlException ex)
        {
            throw new StartupException($"The PostgreSQL database could not be reached or upgraded: {ex.Message}", ex);
        }

        // Write-ahead logging lets readers (dashboards, statistics) run while a report is being saved, and commits
        // without a full fsync each time. It is a property of the file, so setting it once is enough.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        await Audit.AuditGuard.EnsureAsync(db, ct);
        await CheckKeyRingAsync(db, ct);
        if (await new IdentitySecrets(sensitive).EncryptLegacyAsync(db, ct) is > 0 and var encrypted)
            logger.LogInformation("Encrypted {Count} staff sign-in secrets an earlier build had stored in plain text", encrypted);
        if (await CiphertextPlaces.BindAsync(db, sensitive, ct) is > 0 and var rebound)
            logger.LogInformation("Re-encrypted {Count} values under their own column's purpose", rebound);
        if (await rowSeal.EnsureAsync(ct) is > 0 and var sealedRows)
            logger.LogInformation("Sealed {Count} contacts an earlier build wrote, binding their encrypted values to their rows", sealedRows);
        await identifierHasher.EnsureKeyAsync(ct);
        if (await Supervision.SupervisionFigures.EnsureAsync(db, ct) is > 0 and var counted)
            logger.LogWarning("The supervision figures did not agree with the contacts, so they were counted again ({Count} contacts)", counted);

        if (!await db.Forces.AnyAsync(ct))
        {
            db.Forces.AddRange(ForceDirectory.Seed(demoMailboxes));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Seeded the force directory ({Count} forces)", ForceDirectory.Entries.Count);
        }
        if (await BankHolidayCalendar.SeedAsync(db, ct) is > 0 and var added)
            logger.LogInformation("Added {Count} bank holidays from the data file", added);
    }

    private async Task CheckKeyRingAsync(NacarsDbContext db, CancellationToken ct)
    {
        // Read the raw cipher texts, not through the converter, so a wrong key ring gives a clear message.
        DbConnection conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        var stored = new List<(int Id, string Canary, Guid? KeyId)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Id\", \"Canary\", \"KeyId\" FROM \"KeyChecks\" ORDER BY \"Id\"";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                stored.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
        }
        if (stored.Count == 0 && await db.Contacts.AnyAsync(ct))
            throw new StartupException("The database holds contacts but no key check: it was not made by this service.");
        foreach (var (id, canary, keyId) in stored)
        {
            var readable = false;
            try { readable = sensitive.Unprotect(canary) == KeyCheck.Expected; }
            catch (System.Security.Cryptography.CryptographicException) { }
            if (readable) continue;
            throw new StartupException(Postgres
                ? "The key ring cannot read this database's encrypted fields: the keys in the database cannot be decrypted with this " +
                  "instance's key ring certificate (Nacars:KeyRing:CertificatePath). Every instance needs the same certificate."
                : stored.Count > 1 && id != stored[0].Id
                    ? $"The key ring cannot read data written with key {keyId} (key check {id}): the key ring folder was restored from a " +
                      "backup older than the database. Restore the newest key ring (Nacars:KeyRingPath) — starting without it would leave those reports unreadable."
                    : "The key ring cannot read this database's encrypted fields: the key ring folder is missing or is not the one " +
                      "this database was written with. Restore the key ring (Nacars:KeyRingPath) — starting without it would make every report unreadable.");
        }

        // A canary for the key in use now, if it protects data here for the first time (keys roll over every 90 days).
        _ = sensitive.Protect(KeyCheck.Expected); // makes the first key, on a new key ring, so it can be named below
        var now = clock.GetUtcNow();
        var current = keys.GetAllKeys().Where(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now)
            .OrderByDescending(k => k.ActivationDate).FirstOrDefault();
        if (stored.Count == 0 || (current is not null && stored.All(s => s.KeyId != current.KeyId)))
        {
            // Encrypted on save with the key in use now (the converter), like every other field written from here on.
            db.KeyChecks.Add(new KeyCheck { Id = stored.Count == 0 ? 1 : stored.Max(s => s.Id) + 1, Canary = KeyCheck.Expected, KeyId = current?.KeyId });
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
