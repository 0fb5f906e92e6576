using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Contacts;
using Npgsql;

namespace Nacars.Core.Supervision;

/// <summary>Queues the supervisors' summary each day at <see cref="DailySummaryOptions.At"/> (UK time), about the day
/// before; on several instances each queues it, and the message's fixed id lets only the first through.</summary>
public sealed class DailySummaryJob(DailySummary summary, IOptions<NacarsOptions> options, TimeProvider clock, ILogger<DailySummaryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var nowUk = UkTime.FromUtc(clock.GetUtcNow().UtcDateTime);
            var next = nowUk.Date + options.Value.DailySummary.At.ToTimeSpan();
            if (next <= nowUk) next = next.AddDays(1);
            try { await Task.Delay(UkTime.ToUtc(next) - UkTime.ToUtc(nowUk), clock, ct); }
            catch (OperationCanceledException) { return; }
            try { await summary.QueueAsync(DateOnly.FromDateTime(next.AddDays(-1)), ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogError(ex, "The supervisors' daily summary could not be queued; it will be tried again tomorrow");
            }
        }
    }
}
