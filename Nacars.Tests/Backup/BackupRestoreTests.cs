using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Audit;
using Nacars.Core.Backup;
using Nacars.Core.Intake;

namespace Nacars.Tests.Backup;

/// <summary>
/// Issue 28, item 4: a backup counts once it restores. Reports arrive at a fixed pace that does not wait for the
/// backup (open loop, 50 a second); the copy must hold every report whose reference had been given before the
/// backup began, and restore with its audit chain intact and every contact decrypting with the key ring in use.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly WorkbenchFactory _app = new();
    private readonly string _backups = Path.Combine(Path.GetTempPath(), $"nacars-backups-{Guid.NewGuid():N}");

    private DatabaseBackup Backup => _app.Services.GetRequiredService<DatabaseBackup>();

    [Fact]
    public async Task A_backup_taken_while_reports_arrive_at_50_a_second_restores_with_every_report_referenced_before_it_began()
    {
        var intake = _app.Services.GetRequiredService<IntakeService>();
        var given = new ConcurrentQueue<(string Reference, long At)>();
        var failures = new ConcurrentQueue<Exception>();
        var posts = new ConcurrentBag<Task>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var arriving = Task.Run(async () =>
        {
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            var n = 0;
            try
            {
                while (await pace.WaitForNextTickAsync(stop.Token))
                {
                    var number = ++n;
                    posts.Add(Task.Run(async () =>
                    {
                        try
                        {
                            var report = await intake.SubmitOnlineAsync(new ReportSubmission
                            {
                                Account = $"Backup test report {number}: an officer at the custody suite took money to lose a file.",
                                ForceCode = "kent",
                            }, Ct);
                            given.Enqueue((report.Reference, Stopwatch.GetTimestamp()));
                        }
                        catch (Exception e) { failures.Enqueue(e); }
                    }, Ct));
                }
            }
            catch (OperationCanceledException) { }
        }, Ct);

        await Eventually.TrueAsync(() => given.Count >= 100);
        // The chain is sealed on a timer; seal once here, so the manifest has a head to record whichever way the timer
        // fell (a clean-clone run took the copy before the first timed seal, and the head was 0).
        await _app.Services.GetRequiredService<AuditChain>().SealAsync(Ct);
        var began = Stopwatch.GetTimestamp();
        var folder = Path.Combine(_backups, "during-intake");
        var manifest = await Backup.TakeAsync(folder, Ct);
        var atBackupEnd = given.Count;
        await Eventually.TrueAsync(() => given.Count >= atBackupEnd + 25); // reports kept arriving after it
        await stop.CancelAsync();
        await arriving;
        await Task.WhenAll(posts);

        Assert.Empty(failures);
        var before = given.Where(g => g.At < began).Select(g => g.Reference).ToList();
        Assert.True(before.Count >= 100);
        var inCopy = ReferencesIn(Path.Combine(folder, DatabaseBackup.DatabaseFile));
        Assert.Empty(before.Except(inCopy));
        Assert.Equal(manifest.Contacts, inCopy.Count);
        Assert.DoesNotContain(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), f => f.Contains("key", StringComparison.OrdinalIgnoreCase));

        var check = await Backup.VerifyAsync(folder, Ct);
        Assert.True(check.Restorable, string.Join("; ", check.Problems));
        Assert.Equal(manifest.Contacts, check.ContactsDecrypted);
        Assert.True(manifest.AuditHeadSequence > 0);
    }

    [Fact]
    public async Task A_copy_whose_audit_trail_was_altered_or_whose_manifest_is_missing_is_not_restorable()
    {
        await _app.Services.GetRequiredService<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = "Backup test report: an officer at the front desk took money to lose a file.", ForceCode = "kent",
        }, Ct);
        await _app.Services.GetRequiredService<AuditChain>().SealAsync(Ct);
        var folder = Path.Combine(_backups, "altered");
        var manifest = await Backup.TakeAsync(folder, Ct);
        Assert.True(manifest.AuditHeadSequence > 0);
        Assert.True((await Backup.VerifyAsync(folder, Ct)).Restorable);

        // Someone with the backup file edits it: the triggers that guard the trail go first, then an event's words.
        using (var db = new SqliteConnection($"Data Source={Path.Combine(folder, DatabaseBackup.DatabaseFile)};Pooling=False"))
        {
            db.Open();
            using var triggers = db.CreateCommand();
            triggers.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
            var names = new List<string>();
            using (var reader = triggers.ExecuteReader()) while (reader.Read()) names.Add(reader.GetString(0));
            foreach (var name in names)
            {
                using var drop = db.CreateCommand();
                drop.CommandText = $"DROP TRIGGER \"{name}\"";
                drop.ExecuteNonQuery();
            }
            using var edit = db.CreateCommand();
            edit.CommandText = "UPDATE \"AuditEvents\" SET \"Actor\" = 'someone-else@example.org' WHERE \"Sequence\" = (SELECT MIN(\"Sequence\") FROM \"AuditEvents\")";
            Assert.Equal(1, edit.ExecuteNonQuery());
        }
        var check = await Backup.VerifyAsync(folder, Ct);
        Assert.False(check.Restorable);
        Assert.Contains(check.Problems, p => p.Contains("audit chain in the copy is broken", StringComparison.Ordinal));

        File.Delete(Path.Combine(folder, DatabaseBackup.ManifestFile));
        var missing = await Assert.ThrowsAsync<BackupException>(() => Backup.VerifyAsync(folder, Ct));
        Assert.Contains(DatabaseBackup.ManifestFile, missing.Message, StringComparison.Ordinal);
        // And a backup never goes into a folder that already holds something.
        await Assert.ThrowsAsync<BackupException>(() => Backup.TakeAsync(folder, Ct));
    }

    private static HashSet<string> ReferencesIn(string databaseFile)
    {
        using var db = new SqliteConnection($"Data Source={databaseFile};Pooling=False;Mode=ReadOnly");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT \"Reference\" FROM \"Contacts\"";
        var references = new HashSet<string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read()) references.Add(reader.GetString(0));
        return references;
    }

    public void Dispose()
    {
        _app.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_backups)) Directory.Delete(_backups, recursive: true);
    }
}
