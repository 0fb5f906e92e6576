using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;
using Nacars.Core.Forces;

namespace Nacars.Core.Supervision;

/// <summary>A period in UK dates (inclusive), optionally one force.</summary>
public sealed record StatsFilter(DateOnly From, DateOnly To, string? ForceCode = null)
{
    public DateTime FromUtc => UkTime.ToUtc(From.ToDateTime(TimeOnly.MinValue));
    public DateTime ToUtcExclusive => UkTime.ToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static StatsFilter LastTwelveMonths(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(UkTime.FromUtc(nowUtc));
        return new StatsFilter(today.AddMonths(-12).AddDays(1), today);
    }
}

public sealed record ForceRate(
    string ForceCode, string ForceName, int Received, int Disseminated, int NotDisseminated, int Open, int Urgent,
    double? MedianHoursToSent, double? P90HoursToSent, IReadOnlyDictionary<NotDisseminatedReason, int> ReasonsNotDisseminated,
    int ReroutedIn, int ReroutedOut)
{
    /// <summary>Disseminated as a share of decided contacts received in the period (open ones are not counted yet).</summary>
    public double? RatePercent => Received == 0 ? null : Math.Round(100.0 * Disseminated / Received, 1);
}

public sealed record MonthFigures(string Month, int Received, int Disseminated)
{
    public double? RatePercent => Received == 0 ? null : Math.Round(100.0 * Disseminated / Received, 1);
}

public sealed record AgeBand(string Label, int Count);
public sealed record UrgentTimeliness(string Reference, string ForceCode, DateTime ReceivedAtUtc, double? MinutesToFastTimeCall);
public sealed record AnalystDay(string Analyst, DateOnly Day, int Decisions);
public sealed record FailedMessage(Guid Id, string? Reference, string To, string? Error, int Attempts);
public sealed record OutboxHealth(int Queued, int Sending, int Failed, int SentToday, TimeSpan? OldestQueuedAge, IReadOnlyList<FailedMessage> Failures);
public sealed record AuditFilter(string? Reference = null, string? Actor = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);
public sealed record AuditPage(IReadOnlyList<AuditEvent> Items, int Total);

/// <summary>
/// The supervisors' figures. Counting is done by the database (GROUP BY); only small results come back. Months are
/// UK calendar months: contacts are counted per UTC hour in the database, and hours (never split by a UK month
/// boundary, as UK offsets are whole hours) are folded into UK months here.
/// </summary>
public sealed class SupervisionStatistics(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public const double ReferenceRatePercent = 35;
    public const double PilotMonthlyAverage = 43;

    public async Task<IReadOnlyList<ForceRate>> ForceRatesAsync(StatsFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contacts = InPeriod(db, filter);

        var counts = await contacts.GroupBy(c => c.ForceCode).Select(g => new
        {
            Force = g.Key,
            Received = g.Count(),
            Disseminated = g.Count(c => c.Status == ContactStatus.Disseminated),
            NotDisseminated = g.Count(c => c.Status == ContactStatus.NotDisseminated),
            Open = g.Count(c => c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage),
            Urgent = g.Count(c => c.Urgent),
        }).ToListAsync(ct);

        var reasons = (await contacts.Where(c => c.Status == ContactStatus.NotDisseminated)
                .GroupBy(c => new { c.ForceCode, c.NotDisseminatedReason }).Select(g => new { g.Key.ForceCode, g.Key.NotDisseminatedReason, Count = g.Count() })
                .ToListAsync(ct))
            .GroupBy(r => r.ForceCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<NotDisseminatedReason, int>)g.Where(r => r.NotDisseminatedReason is not null)
                .ToDictionary(r => r.NotDisseminatedReason!.Value, r => r.Count));

        // Timeliness of first sends: seconds are stored on the dissemination, so only numbers come back.
        var firstSends = db.Disseminations.Where(d => d.RerouteReason == null && d.SecondsFromReceipt != null
            && d.ContactReceivedAtUtc >= filter.FromUtc && d.ContactReceivedAtUtc < filter.ToUtcExclusive);
        if (filter.ForceCode is { } fc) firstSends = firstSends.Where(d => d.ForceCode == fc);
        var seconds = (await firstSends.Select(d => new { d.ForceCode, Seconds = d.SecondsFromReceipt!.Value }).ToListAsync(ct))
            .GroupBy(d => d.ForceCode).ToDictionary(g => g.Key, g => g.Select(x => x.Seconds).Order().ToArray());

        var reroutes = db.Disseminations.Where(d => d.RerouteReason != null && d.CreatedAtUtc >= filter.FromUtc && d.CreatedAtUtc < filter.ToUtcExclusive);
        var reroutedIn = await reroutes.GroupBy(d => d.ForceCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var reroutedOut = await (from r in reroutes
                                 join first in db.Disseminations.Where(d => d.RerouteReason == null) on r.ContactId equals first.ContactId
                                 group r by first.ForceCode into g
                                 select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var forces = filter.ForceCode is { } only ? ForceDirectory.Entries.Where(e => e.Code == only) : ForceDirectory.Entries;
        return forces.Select(f =>
        {
            var c = counts.FirstOrDefault(x => x.Force == f.Code);
            var s = seconds.GetValueOrDefault(f.Code, []);
            return new ForceRate(f.Code, f.Name, c?.Received ?? 0, c?.Disseminated ?? 0, c?.NotDisseminated ?? 0, c?.Open ?? 0, c?.Urgent ?? 0,
                Percentile(s, 0.5), Percentile(s, 0.9), reasons.GetValueOrDefault(f.Code, new Dictionary<NotDisseminatedReason, int>()),
                reroutedIn.GetValueOrDefault(f.Code), reroutedOut.GetValueOrDefault(f.Code));
        }).ToList();
    }

    /// <summary>Nearest-rank percentile of sorted seconds, in hours.</summary>
    internal static double? Percentile(int[] sortedSeconds, double p)
    {
        if (sortedSeconds.Length == 0) return null;
        var rank = (int)Math.Ceiling(p * sortedSeconds.Length) - 1;
        return Math.Round(sortedSeconds[Math.Clamp(rank, 0, sortedSeconds.Length - 1)] / 3600.0, 2);
    }

    public static ForceRate National(IReadOnlyList<ForceRate> rows) => new("national", "National total",
        rows.Sum(r => r.Received), rows.Sum(r => r.Disseminated), rows.Sum(r => r.NotDisseminated), rows.Sum(r => r.Open), rows.Sum(r => r.Urgent),
        null, null,
        rows.SelectMany(r => r.ReasonsNotDisseminated).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value)),
        rows.Sum(r => r.ReroutedIn), rows.Sum(r => r.ReroutedOut));

    public async Task<IReadOnlyList<MonthFigures>> MonthlyAsync(StatsFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hours = await InPeriod(db, filter)
            .GroupBy(c => new { c.ReceivedAtUtc.Year, c.ReceivedAtUtc.Month, c.ReceivedAtUtc.Day, c.ReceivedAtUtc.Hour })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour, Received = g.Count(), Disseminated = g.Count(c => c.Status == ContactStatus.Disseminated) })
            .ToListAsync(ct);
        var byMonth = hours.GroupBy(h => UkTime.FromUtc(new DateTime(h.Year, h.Month, h.Day, h.Hour, 0, 0, DateTimeKind.Utc)).ToString("yyyy-MM"))
            .ToDictionary(g => g.Key, g => (Received: g.Sum(h => h.Received), Disseminated: g.Sum(h => h.Disseminated)));
        var months = new List<MonthFigures>();
        for (var m = new DateOnly(filter.From.Year, filter.From.Month, 1); m <= filter.To; m = m.AddMonths(1))
        {
            var key = m.ToString("yyyy-MM");
            var (received, disseminated) = byMonth.GetValueOrDefault(key);
            months.Add(new MonthFigures(key, received, disseminated));
        }
        return months;
    }

    public async Task<IReadOnlyList<AgeBand>> OpenByAgeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.Contacts.Where(c => c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage);
        var bands = new (string Label, TimeSpan Min, TimeSpan Max)[]
        {
            ("Under 1 hour", TimeSpan.Zero, TimeSpan.FromHours(1)),
            ("1–4 hours", TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
            ("4–24 hours", TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
            ("1–7 days", TimeSpan.FromDays(1), TimeSpan.FromDays(7)),
            ("Over 7 days", TimeSpan.FromDays(7), TimeSpan.FromDays(36500)),
        };
        var result = new List<AgeBand>();
        foreach (var (label, min, max) in bands)
        {
            var newest = now - min;
            var oldest = now - max;
            result.Add(new AgeBand(label, await open.CountAsync(c => c.ReceivedAtUtc <= newest && c.ReceivedAtUtc > oldest, ct)));
        }
        return result;
    }

    public async Task<IReadOnlyList<UrgentTimeliness>> UrgentAsync(StatsFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await InPeriod(db, filter).Where(c => c.Urgent).OrderByDescending(c => c.ReceivedAtUtc).Take(200)
            .Select(c => new { c.Reference, c.ForceCode, c.ReceivedAtUtc, CalledAt = c.FastTimeCall == null ? (DateTime?)null : c.FastTimeCall.CalledAtUtc })
            .ToListAsync(ct);
        return rows.Select(r => new UrgentTimeliness(r.Reference, r.ForceCode, r.ReceivedAtUtc,
            r.CalledAt is { } at ? Math.Round((at - r.ReceivedAtUtc).TotalMinutes, 1) : null)).ToList();
    }

    public async Task<IReadOnlyList<AnalystDay>> WorkloadAsync(StatsFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Contacts.Where(c => c.DecidedAtUtc >= filter.FromUtc && c.DecidedAtUtc < filter.ToUtcExclusive && c.DecidedBy != null)
            .GroupBy(c => new { c.DecidedBy, c.DecidedAtUtc!.Value.Year, c.DecidedAtUtc.Value.Month, c.DecidedAtUtc.Value.Day })
            .Select(g => new { g.Key.DecidedBy, g.Key.Year, g.Key.Month, g.Key.Day, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new AnalystDay(r.DecidedBy!, new DateOnly(r.Year, r.Month, r.Day), r.Count))
            .OrderByDescending(r => r.Day).ThenBy(r => r.Analyst).ToList();
    }

    public async Task<OutboxHealth> OutboxAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var states = await db.OutboxMessages.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var oldest = await db.OutboxMessages.Where(m => m.State == OutboxState.Queued || m.State == OutboxState.Sending)
            .OrderBy(m => m.CreatedAtUtc).Select(m => (DateTime?)m.CreatedAtUtc).FirstOrDefaultAsync(ct);
        var startOfDay = UkTime.ToUtc(UkTime.FromUtc(now).Date);
        var sentToday = await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent && m.SentAtUtc >= startOfDay, ct);
        var failures = await db.OutboxMessages.Where(m => m.State == OutboxState.Failed).OrderByDescending(m => m.CreatedAtUtc).Take(50)
            .Select(m => new FailedMessage(m.Id, m.Reference, m.To, m.LastError, m.Attempts)).ToListAsync(ct);
        return new OutboxHealth(states.GetValueOrDefault(OutboxState.Queued), states.GetValueOrDefault(OutboxState.Sending), states.GetValueOrDefault(OutboxState.Failed),
            sentToday, oldest is { } o ? now - o : null, failures);
    }

    public async Task<AuditPage> AuditAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Reference)) q = q.Where(a => a.ContactReference == filter.Reference.Trim().ToUpperInvariant());
        if (!string.IsNullOrWhiteSpace(filter.Actor)) q = q.Where(a => a.Actor.Contains(filter.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.Action)) q = q.Where(a => a.Action == filter.Action);
        if (filter.From is { } from) { var f = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)); q = q.Where(a => a.AtUtc >= f); }
        if (filter.To is { } to) { var t = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); q = q.Where(a => a.AtUtc < t); }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(items, total);
    }

    private static IQueryable<Contact> InPeriod(NacarsDbContext db, StatsFilter filter)
    {
        var q = db.Contacts.Where(c => c.ReceivedAtUtc >= filter.FromUtc && c.ReceivedAtUtc < filter.ToUtcExclusive);
        return filter.ForceCode is { } force ? q.Where(c => c.ForceCode == force) : q;
    }
}
