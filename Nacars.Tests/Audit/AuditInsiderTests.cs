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
            await intake.SubmitOnlineAsync(new ReportSubmission { Account = $"Insider test {i}: an officer sold a custody record.", ForceCode = "kent" }, Ct);
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

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}
