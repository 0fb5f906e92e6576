using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nacars.Core.Contacts;
using Npgsql;

namespace Nacars.Core.Scheduling;

/// <summary>A job that runs once a day at a UK local time, on the app's clock (a test's fake clock moves it). A failed
/// run is logged and the job waits for the next day; the time is read again each day, so a changed setting applies.</summary>
public abstract class DailyJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The UK local time of the next run.</summary>
    protected abstract TimeOnly RunAt { get; }

    /// <summary>One run; <paramref name="ukDay"/> is the UK day it runs on.</summary>
    protected abstract Task RunAsync(DateOnly ukDay, CancellationToken ct);

    /// <summary>What the log says when a run fails.</summary>
    protected abstract string What { get; }

    /// <summary>When the job runs next (UTC), once it is waiting for it (its timer is set); null before it has started.</summary>
    public DateTime? NextRunUtc { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var nowUk = UkTime.FromUtc(clock.GetUtcNow().UtcDateTime);
            var next = nowUk.Date + RunAt.ToTimeSpan();
            if (next <= nowUk) next = next.AddDays(1);
            var nextUtc = UkTime.ToUtc(next);
            // The timer is set before the time is published: a fake clock moved by whoever waits for NextRunUtc then
            // always finds the timer there (set after, its wait would count from the moved clock and miss the run).
            var wait = Task.Delay(Max(TimeSpan.Zero, nextUtc - clock.GetUtcNow().UtcDateTime), clock, ct);
            NextRunUtc = nextUtc;
            try { await wait; }
            catch (OperationCanceledException) { return; }
            try { await RunAsync(DateOnly.FromDateTime(next), ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogError(ex, "{What} failed; it will run again tomorrow", What);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
