using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Supervision;

/// <summary>Queues every force's pack for last month on the first working day of the month (the service's own
/// calendar: England and Wales), from <see cref="ForcesOptions.MonthlyPackHour"/>. It looks every quarter of an hour,
/// so a service down that morning sends when it is back; the packs' Message-IDs keep it to one each.</summary>
public sealed class MonthlyPackJob(
    MonthlyPacks packs,
    IDbContextFactory<NacarsDbContext> dbFactory,
    TimeProvider clock,
    IOptions<NacarsOptions> options,
    ILogger<MonthlyPackJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { await RunIfDueAsync(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or DomainRuleException or System.Data.Common.DbException)
            {
                logger.LogError(e, "The monthly packs could not be queued; trying again in a quarter of an hour");
            }
            try { await Task.Delay(TimeSpan.FromMinutes(15), clock, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Queues last month's packs when today is the month's first working day and the hour has come. Returns how
    /// many this call queued.</summary>
    public async Task<int> RunIfDueAsync(CancellationToken ct = default)
    {
        if (!options.Value.Forces.SendMonthlyPacks) return 0;
        var now = UkTime.FromUtc(clock.GetUtcNow().UtcDateTime);
        var today = DateOnly.FromDateTime(now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holidays = (await db.BankHolidays.AsNoTracking().Where(h => h.Nation == Forces.Nation.EnglandAndWales && !h.Removed).Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var calendar = new Forces.WorkingTime(new TimeOnly(0, 0), new TimeOnly(23, 59), holidays);
        var first = calendar.FirstWorkingDay(today.Year, today.Month);
        // Later in the month too: a service that was down that morning still sends each pack (once).
        if (today < first || (today == first && now.Hour < options.Value.Forces.MonthlyPackHour)) return 0;
        // A service that received nothing before this month existed for none of last month: no pack to send.
        var monthStartUtc = UkTime.ToUtc(new DateTime(today.Year, today.Month, 1));
        if (!await db.Contacts.AnyAsync(c => c.ReceivedAtUtc < monthStartUtc, ct)) return 0;
        return await packs.QueueAllAsync(Months.Of(today.AddMonths(-1)), ct);
    }
}
