using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nacars.Core.Audit;

/// <summary>Seals new audit events every few seconds, and verifies the whole chain at start-up and every six hours
/// (on PostgreSQL, whichever instance gets there first seals; all verify).</summary>
public sealed class AuditSealer(AuditChain chain, TimeProvider clock, Operations.NacarsMetrics metrics, ILogger<AuditSealer> logger) : BackgroundService
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
                metrics.AuditSealed(clock.GetUtcNow());
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
                metrics.AuditSealFailed();
                logger.LogWarning("Sealing the audit trail will be tried again: {Reason}", ex.Message);
                try { await Task.Delay(pause, clock, ct); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
