using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Contacts;
using Npgsql;

namespace Nacars.Core.Retention;

/// <summary>Runs the retention schedule once a day at <see cref="RetentionOptions.RunAt"/> (UK time).</summary>
public sealed class RetentionJob(RetentionPurge purge, IOptions<NacarsOptions> options, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var nowUk = UkTime.FromUtc(clock.GetUtcNow().UtcDateTime);
            var next = nowUk.Date + options.Value.Retention.RunAt.ToTimeSpan();
            if (next <= nowUk) next = next.AddDays(1);
            try { await Task.Delay(UkTime.ToUtc(next) - UkTime.ToUtc(nowUk), clock, ct); }
            catch (OperationCanceledException) { return; }
            try { await purge.RunAsync(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogError(ex, "The retention run failed; it will run again tomorrow");
            }
        }
    }
}
