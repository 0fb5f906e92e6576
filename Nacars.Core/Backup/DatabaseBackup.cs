using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Core.Backup;

/// <summary>
/// A backup that counts only once it has been restored (Google's SRE rule). <see cref="TakeAsync"/> copies the SQLite
/// database with SQLite's online backup API (a consistent copy while reports keep arriving), then the encrypted
/// attachment files, and writes a manifest; never the key ring, which is backed up apart (ADR 0001). On PostgreSQL the
/// database is copied with <c>pg_dump</c> or <c>pg_basebackup</c> (README). <see cref="VerifyAsync"/> restores a
/// backup into a temporary folder and checks it with the key ring in use now: the counts, the whole audit chain up to
/// the head in the manifest (and that head against the anchor file), and that every contact decrypts and matches
/// its row seal.
/// </summary>
public sealed class DatabaseBackup(
    IServiceProvider services, SensitiveData sensitive, AuditAnchor anchor, IOptions<NacarsOptions> options, IOptions<AttachmentOptions> attachments,
    IHostEnvironment environment, TimeProvider clock)
{
    public const string DatabaseFile = "nacars.db", ManifestFile = "manifest.json", AttachmentsFolder = "attachments";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<BackupManifest> TakeAsync(string toDirectory, CancellationToken ct = default)
    {
        if (options.Value.Database.Provider != DatabaseProvider.Sqlite)
            throw new BackupException("This database is PostgreSQL: back it up with pg_dump or pg_basebackup (README, \"Backups\"); the key ring is backed up apart.");
        var folder = Path.GetFullPath(toDirectory);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new BackupException($"{folder} is not empty: each backup goes into a folder of its own.");
        Directory.CreateDirectory(folder);
        var takenAt = clock.GetUtcNow().UtcDateTime;
        var copy = Path.Combine(folder, DatabaseFile);
        await using (var source = new SqliteConnection(DbProviders.SqliteConnectionString(options.Value.ResolvedDatabasePath(environment.ContentRootPath))))
        await using (var destination = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            // One step: SQLite copies every page inside one read transaction, so the copy is the database as it was
            // at one moment, while writers go on in the WAL.
            source.BackupDatabase(destination);
        }
        // Stored files never change, so copying them after the database leaves none the copy names behind.
        var files = CopyTree(attachments.Value.ResolvedPath(options.Value.ResolvedDataRoot(environment.ContentRootPath), environment.ContentRootPath),
            Path.Combine(folder, AttachmentsFolder));
        var manifest = await ManifestOfAsync(copy, takenAt, files, ct);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    public async Task<BackupCheck> VerifyAsync(string directory, CancellationToken ct = default)
    {
        var folder = Path.GetFullPath(directory);
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath) || !File.Exists(Path.Combine(folder, DatabaseFile)))
            throw new BackupException($"{folder} holds no backup: {ManifestFile} and {DatabaseFile} are both needed.");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct))
            ?? throw new BackupException($"{ManifestFile} cannot be read.");
        var restoreRoot = Path.Combine(Path.GetTempPath(), $"nacars-restore-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(restoreRoot);
            var restored = Path.Combine(restoreRoot, DatabaseFile);
            File.Copy(Path.Combine(folder, DatabaseFile), restored);
            var files = CopyTree(Path.Combine(folder, AttachmentsFolder), Path.Combine(restoreRoot, AttachmentsFolder));
            var problems = new List<string>();
            var found = await ManifestOfAsync(restored, manifest.TakenAtUtc, files, ct);
            if (found with { TakenAtUtc = manifest.TakenAtUtc } != manifest)
                problems.Add($"the restored copy does not match its manifest: it has {found.Contacts} contacts, {found.AuditEvents} audit events, " +
                    $"{found.OutboxMessages} outbox messages, {found.AttachmentFiles} files and head {found.AuditHeadSequence}; the manifest says " +
                    $"{manifest.Contacts}, {manifest.AuditEvents}, {manifest.OutboxMessages}, {manifest.AttachmentFiles} and {manifest.AuditHeadSequence}");
            var factory = RestoredFactory(restored);
            // The chain in the copy, checked against the head the manifest recorded (not against today's anchor, which
            // has moved on since the backup).
            var noAnchor = new AuditAnchor(Options.Create(new NacarsOptions { AuditAnchorPath = Path.Combine(restoreRoot, "no-anchor.log") }), environment);
            var chain = await new AuditChain(factory, clock, NullLogger<AuditChain>.Instance, noAnchor).VerifyAsync(ct,
                manifest.AuditHeadSeal is null ? null : new AuditAnchor.Head(manifest.AuditHeadSequence, default, manifest.AuditHeadSeal));
            if (!chain.Intact) problems.Add($"the audit chain in the copy is broken at event {chain.BrokenAt}: {chain.Problem}");
            // The anchor kept beside the key ring recorded this head when it was sealed (unless the backup fell between
            // a seal and its anchor line): a different seal there means the copy is not this service's history.
            if (manifest.AuditHeadSeal is not null && anchor.SealAt(manifest.AuditHeadSequence) is { } anchored
                && !string.Equals(anchored, manifest.AuditHeadSeal, StringComparison.OrdinalIgnoreCase))
                problems.Add($"audit event {manifest.AuditHeadSequence} in the copy does not match the anchor ({anchor.Path})");
            var decrypted = await DecryptAllAsync(factory, problems, ct);
            return new BackupCheck(manifest, problems, decrypted);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(restoreRoot, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Every contact of the copy read through EF: each value decrypts with the key ring in use and matches the
    /// row's seal, or the first that does not is named.</summary>
    private static async Task<long> DecryptAllAsync(IDbContextFactory<NacarsDbContext> factory, List<string> problems, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        long read = 0;
        try
        {
            await foreach (var contact in db.Contacts.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (contact.Reported.Account.Length == 0) problems.Add($"contact {contact.Reference} has an empty account");
                read++;
            }
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            problems.Add($"a contact does not decrypt with the key ring in use ({e.Message}): restore the key ring of the time of the backup");
        }
        return read;
    }

    private IDbContextFactory<NacarsDbContext> RestoredFactory(string path)
    {
        var builder = new DbContextOptionsBuilder<NacarsDbContext>().UseApplicationServiceProvider(services).AddInterceptors(ContactRowSealCheck.Instance);
        DbProviders.Sqlite(builder, $"Data Source={path};Pooling=False");
        return new NacarsDbContextFactory(builder.Options, sensitive, Options.Create(new NacarsOptions()));
    }

    /// <summary>Counts read with plain SQL: nothing is decrypted to take them.</summary>
    private static async Task<BackupManifest> ManifestOfAsync(string databasePath, DateTime takenAtUtc, int files, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync(ct);
        async Task<object?> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(ct);
        }
        var head = await ScalarAsync("""SELECT "Sequence" FROM "AuditEvents" WHERE "Hash" IS NOT NULL ORDER BY "Sequence" DESC LIMIT 1""") as long?;
        return new BackupManifest(takenAtUtc, nameof(DatabaseProvider.Sqlite),
            (string?)await ScalarAsync("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1""") ?? "",
            (long)(await ScalarAsync("""SELECT COUNT(*) FROM "Contacts" """))!,
            (long)(await ScalarAsync("""SELECT COUNT(*) FROM "AuditEvents" """))!,
            (long)(await ScalarAsync("""SELECT COUNT(*) FROM "OutboxMessages" """))!,
            files, head ?? 0,
            head is null ? null : (string?)await ScalarAsync($"""SELECT "Hash" FROM "AuditEvents" WHERE "Sequence" = {head}"""));
    }

    private static int CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from)) return 0;
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            // Writes a crash interrupted are ciphertext no row names: left behind.
            if (file.EndsWith(".partial", StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            copied++;
        }
        return copied;
    }
}
