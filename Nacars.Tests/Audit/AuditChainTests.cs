using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Audit;
using Nacars.Core.Intake;

namespace Nacars.Tests.Audit;

/// <summary>The audit trail is tamper-evident: the database refuses changes and deletions, and a change made around
/// that guard (the trigger dropped) is found by the hash chain, by the supervision page's check and by verify-audit.</summary>
public class AuditChainTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private AuditChain Chain => app.Services.GetRequiredService<AuditChain>();

    private async Task<string> SomeActivityAsync() =>
        (await app.Services.GetRequiredService<IntakeService>().SubmitOnlineAsync(new ReportSubmission
        {
            Account = "Audit chain test: a PC is passing custody records to a local gang.", ForceCode = "kent",
        }, Ct)).Reference;

    [Fact]
    public async Task Every_event_is_sealed_in_order_into_a_chain_that_verifies()
    {
        await SomeActivityAsync();
        await Chain.SealAsync(Ct);
        var result = await Chain.VerifyAsync(Ct);
        Assert.True(result.Intact, result.Summary);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var sealedEvents = await db.AuditEvents.Where(a => a.Sequence != null).OrderBy(a => a.Sequence).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, sealedEvents.Count).Select(i => (long?)i), sealedEvents.Select(a => a.Sequence));
        Assert.Equal(sealedEvents.Count, result.Verified);
        Assert.All(sealedEvents, a => Assert.Matches("^[0-9a-f]{64}$", a.Hash!));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_event()
    {
        await SomeActivityAsync();
        await Chain.SealAsync(Ct);
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        var ex1 = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'someone else'", Ct));
        Assert.Contains("cannot be changed", ex1.Message);
        var ex2 = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\"", Ct));
        Assert.Contains("cannot be deleted", ex2.Message);
        // And through the application's own context: never modified, never deleted.
        var anEvent = await db.AuditEvents.FirstAsync(Ct);
        db.AuditEvents.Remove(anEvent);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
    }
}

/// <summary>Tampering around the database's guard, on a database of its own (the trail is broken afterwards).</summary>
public class AuditTamperingTests : IDisposable
{
    private readonly WorkbenchFactory _app = new() { KeepData = true };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("edited")]
    [InlineData("deleted")]
    public async Task An_audit_row_edited_or_deleted_by_raw_SQL_is_detected_by_the_chain_and_by_verify_audit(string how)
    {
        var intake = _app.Services.GetRequiredService<IntakeService>();
        for (var i = 0; i < 5; i++)
            await intake.SubmitOnlineAsync(new ReportSubmission { Account = $"Tamper test {i}: an officer took a bribe.", ForceCode = "essex" }, Ct);
        var chain = _app.Services.GetRequiredService<AuditChain>();
        await chain.SealAsync(Ct);
        Assert.True((await chain.VerifyAsync(Ct)).Intact);

        // Someone with the database's password drops the guard and rewrites history.
        await using (var db = await _app.Db.CreateDbContextAsync(Ct))
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_seal_only; DROP TRIGGER audit_no_delete;", Ct);
            if (how == "edited") await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'nobody' WHERE \"Sequence\" = 3", Ct);
            else await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 3", Ct);
        }

        var result = await chain.VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAt);
        Assert.Contains(how == "edited" ? "changed" : "missing", result.Problem);

        // The command an operator runs says the same, and exits 1.
        await _app.DisposeAsync();
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("verify-audit");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Nacars__Demo__HistoryMonths"] = "0";
        info.Environment["Nacars__DataRoot"] = _app.DataRoot;
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("BROKEN at event 3", output);
    }

    public void Dispose()
    {
        _app.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_app.DataRoot, recursive: true); } catch (IOException) { }
    }
}
