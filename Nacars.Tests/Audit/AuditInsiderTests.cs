using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Audit;
using Nacars.Core.Intake;

namespace Nacars.Tests.Audit;

/// <summary>
/// Threat-model row "the newest audit events deleted, or the chain re-hashed, by whoever holds the file": the insider
/// works on the real SQLite file with the guard (triggers) dropped; the keyed chain and the anchor outside the database
/// must say what was done. Each test has its own installation, as each leaves its chain broken.
/// </summary>
public class AuditInsiderTests : IDisposable
{
    private readonly WorkbenchFactory _app = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private AuditChain Chain => _app.Services.GetRequiredService<AuditChain>();

    private async Task ActivityAsync(int reports)
    {
        var intake = _app.Services.GetRequiredService<IntakeService>();
        for (var i = 0; i < reports; i++)
            await intake.SubmitOnlineAsync(new ReportSubmission { Account = $"Insider test {i}: an officer sold a custody record.", ForceCode = "kent", ImmediateDanger = i % 2 == 1 }, Ct);
        await Chain.SealAsync(Ct);
        Assert.True((await Chain.VerifyAsync(Ct)).Intact);
    }

    private async Task RawAsync(string sql)
    {
        await using var db = await _app.Db.CreateDbContextAsync(Ct);
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }

    private async Task<long> NewestAsync()
    {
        await using var db = await _app.Db.CreateDbContextAsync(Ct);
        return (await db.AuditEvents.MaxAsync(a => a.Sequence, Ct))!.Value;
    }

    [Fact]
    public async Task Deleting_the_newest_five_events_with_the_triggers_dropped_is_found_and_named()
    {
        await ActivityAsync(6);
        var newest = await NewestAsync();
        await RawAsync("DROP TRIGGER audit_seal_only; DROP TRIGGER audit_no_delete;");
        await RawAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > {newest - 5}");

        var result = await Chain.VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Contains($"events after {newest - 5} are missing", result.Problem);
        Assert.Contains($"reach {newest}", result.Problem);
    }

    [Fact]
    public async Task Rewriting_an_event_and_re_hashing_the_chain_without_the_key_is_found()
    {
        await ActivityAsync(4);
        await RawAsync("DROP TRIGGER audit_seal_only; DROP TRIGGER audit_no_delete;");
        await RawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'someone else' WHERE \"Sequence\" = 2");
        // The insider recomputes every seal the way the published scheme would without the key: plain SHA-256.
        await using (var db = await _app.Db.CreateDbContextAsync(Ct))
        {
            var hash = AuditChain.Genesis;
            foreach (var e in await db.AuditEvents.Where(a => a.Sequence != null).OrderBy(a => a.Sequence).ToListAsync(Ct))
            {
                hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash + "\n" + JsonSerializer.Serialize(new object?[]
                    { e.Sequence, e.AtUtc.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Action, e.ContactReference, e.Detail }))));
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Hash\" = {0} WHERE \"Sequence\" = {1}", [hash, e.Sequence!], Ct);
            }
        }

        var result = await Chain.VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(1, result.BrokenAt);
        Assert.Contains("changed after it was sealed", result.Problem);
    }

    [Fact]
    public async Task Triggers_dropped_and_nothing_else_changed_is_still_reported()
    {
        await ActivityAsync(2);
        await RawAsync("DROP TRIGGER audit_no_delete;");
        var result = await Chain.VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Contains("triggers", result.Problem);
    }

    [Fact]
    public async Task The_anchor_is_outside_the_database_beside_the_key_ring_and_grows_with_every_seal()
    {
        await ActivityAsync(1);
        var anchor = _app.Services.GetRequiredService<AuditAnchor>();
        Assert.StartsWith(Path.Combine(_app.DataRoot, "keys"), anchor.Path);
        var head = anchor.Latest();
        Assert.NotNull(head);
        Assert.Equal(await NewestAsync(), head.Sequence);
        Assert.Matches("^[0-9a-f]{64}$", head.Mac);
    }

    private async Task<(long Sequence, string Reference)> SealedEventWithDetailAsync(long after = 0)
    {
        await using var db = await _app.Db.CreateDbContextAsync(Ct);
        var e = await db.AuditEvents.Where(a => a.Sequence > after && a.DetailMac != null && a.ContactReference != null)
            .OrderBy(a => a.Sequence).FirstAsync(Ct);
        return (e.Sequence!.Value, e.ContactReference!);
    }

    [Fact]
    public async Task Erasing_the_words_of_an_event_whose_contact_was_not_purged_is_named_even_with_the_triggers_in_place()
    {
        await ActivityAsync(3);
        var (sequence, _) = await SealedEventWithDetailAsync();
        // The database lets a sealed event's words go (retention does that), so the check is the chain's.
        await RawAsync($"UPDATE \"AuditEvents\" SET \"Detail\" = NULL WHERE \"Sequence\" = {sequence}");

        var result = await Chain.VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(sequence, result.BrokenAt);
        Assert.Contains("neither purged nor minimised", result.Problem);
    }

    [Fact]
    public async Task The_triggers_refuse_to_change_the_words_or_their_hash_of_a_sealed_event()
    {
        await ActivityAsync(2);
        var (sequence, _) = await SealedEventWithDetailAsync();
        var refused = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            RawAsync($"UPDATE \"AuditEvents\" SET \"Detail\" = 'x' WHERE \"Sequence\" = {sequence}"));
        Assert.Contains("cannot be changed", refused.Message);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            RawAsync($"UPDATE \"AuditEvents\" SET \"DetailMac\" = NULL, \"Detail\" = NULL WHERE \"Sequence\" = {sequence}"));
    }

    [Fact]
    public async Task A_detail_swapped_for_another_events_with_the_triggers_dropped_is_named()
    {
        await ActivityAsync(3);
        long first, second;
        await using (var db = await _app.Db.CreateDbContextAsync(Ct))
        {
            var sealedWithWords = await db.AuditEvents.Where(a => a.DetailMac != null).OrderBy(a => a.Sequence).ToListAsync(Ct);
            first = sealedWithWords[0].Sequence!.Value;
            second = sealedWithWords.First(a => a.Detail != sealedWithWords[0].Detail).Sequence!.Value;
        }
        await RawAsync("DROP TRIGGER audit_seal_only; DROP TRIGGER audit_no_delete;");
        // A ciphertext that decrypts perfectly well, only not the one that was sealed here.
        await RawAsync($"UPDATE \"AuditEvents\" SET \"Detail\" = (SELECT \"Detail\" FROM \"AuditEvents\" WHERE \"Sequence\" = {second}) WHERE \"Sequence\" = {first}");

        var result = await Chain.VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(first, result.BrokenAt);
        Assert.Contains("detail was changed", result.Problem);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}
