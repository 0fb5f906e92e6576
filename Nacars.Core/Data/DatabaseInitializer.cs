using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nacars.Core.Forces;

namespace Nacars.Core.Data;

/// <summary>Thrown at start-up when the app must not run: the message is the one log line an operator needs.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Brings the database to the current schema with real migrations, proves the key ring can read what it
/// wrote before, and seeds the force directory.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<NacarsDbContext> dbFactory, SensitiveData sensitive, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool demoMailboxes, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (SqliteException ex)
        {
            throw new StartupException($"The database could not be opened or upgraded ({ex.SqliteErrorCode}: {ex.Message}). " +
                "If the file is corrupt, restore it from a backup; nothing was changed.", ex);
        }

        // Write-ahead logging lets readers (dashboards, statistics) run while a report is being saved, and commits
        // without a full fsync each time. It is a property of the file, so setting it once is enough.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        await CheckKeyRingAsync(db, ct);

        if (!await db.Forces.AnyAsync(ct))
        {
            db.Forces.AddRange(ForceDirectory.Seed(demoMailboxes));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Seeded the force directory ({Count} forces)", ForceDirectory.Entries.Count);
        }
    }

    private async Task CheckKeyRingAsync(NacarsDbContext db, CancellationToken ct)
    {
        // Read the raw cipher text, not through the converter, so a wrong key ring gives a clear message.
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT \"Canary\" FROM \"KeyChecks\" WHERE \"Id\" = 1";
        var stored = await cmd.ExecuteScalarAsync(ct) as string;
        if (stored is null)
        {
            if (await db.Contacts.AnyAsync(ct))
                throw new StartupException("The database holds contacts but no key check: it was not made by this service.");
            db.KeyChecks.Add(new KeyCheck { Id = 1, Canary = KeyCheck.Expected });
            await db.SaveChangesAsync(ct);
            return;
        }
        try
        {
            if (sensitive.Unprotect(stored) == KeyCheck.Expected) return;
        }
        catch (System.Security.Cryptography.CryptographicException) { }
        throw new StartupException("The key ring cannot read this database's encrypted fields: the key ring folder is missing or is not the one " +
            "this database was written with. Restore the key ring (Nacars:KeyRingPath) — starting without it would make every report unreadable.");
    }
}
