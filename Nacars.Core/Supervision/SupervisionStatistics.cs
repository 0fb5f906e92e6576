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

public sealed record PeriodFigures(IReadOnlyList<ForceRate> Forces, IReadOnlyList<MonthFigures> Months);

public sealed record MonthFigures(string Month, int Received, int Disseminated)
{
    public double? RatePercent => Received == 0 ? null : Math.Round(100.0 * Disseminated / Received, 1);
}

public sealed record AgeBand(string Label, int Count);
public sealed record UrgentTimeliness(string Reference, string ForceCode, DateTime ReceivedAtUtc, double? MinutesToFastTimeCall);
public sealed record AnalystDay(string Analyst, DateOnly Day, int Decisions);
public sealed record FailedMessage(Guid Id, string? Reference, string To, string? Error, int Attempts, bool Stuck = false);
public sealed record OutboxHealth(int Queued, int Sending, int Failed, int SentToday, TimeSpan? OldestQueuedAge, IReadOnlyList<FailedMessage> Failures, int Stuck = 0);
public sealed record AuditFilter(string? Reference = null, string? Actor = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);
public sealed record AuditPage(IReadOnlyList<AuditEvent> Items, int Total);

/// <summary>
/// The supervisors' figures. Counting is done by the database (GROUP BY); only small results come back. Months are
/// UK calendar months, stored on each contact when it is received.
/// </summary>
public sealed class SupervisionStatistics(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public const double ReferenceRatePercent = 35;
    public const double PilotMonthlyAverage = 43;

    public async Task<IReadOnlyList<ForceRate>> ForceRatesAsync(StatsFilter filter, CancellationToken ct = default) =>
        (await PeriodAsync(filter, ct)).Forces;

    public async Task<IReadOnlyList<MonthFigures>> MonthlyAsync(StatsFilter filter, CancellationToken ct = default) =>
        (await PeriodAsync(filter, ct)).Months;

    /// <summary>The per-force table and the monthly series together, from the running totals per force and UK day
    /// (<see cref="ForceDayFigures"/>): the database sums them per force and month (about 50 × 13 rows come back), and
    /// both views are sums of those.</summary>
    public async Task<PeriodFigures> PeriodAsync(StatsFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to, force) = (filter.From, filter.To, filter.ForceCode);
        var cells = await db.ForceDayFigures.Where(f => f.Day >= from && f.Day <= to && (force == null || f.ForceCode == force))
            .GroupBy(f => new { f.ForceCode, f.Month })
            .Select(g => new Cell(g.Key.ForceCode, g.Key.Month, g.Sum(f => f.Received), g.Sum(f => f.Open), g.Sum(f => f.Disseminated),
                g.Sum(f => f.NotDisseminated), g.Sum(f => f.Urgent), g.Sum(f => f.InsufficientDetail), g.Sum(f => f.NotAboutPolice),
                g.Sum(f => f.PersonalComplaint), g.Sum(f => f.Duplicate), g.Sum(f => f.MaliciousOrTest), g.Sum(f => f.OtherReason), g.Sum(f => f.FirstSent),
                g.Sum(f => f.ReroutedIn), g.Sum(f => f.ReroutedOut)))
            .ToListAsync(ct);

        var byForce = cells.GroupBy(c => c.ForceCode).ToDictionary(g => g.Key, g => g.ToList());
        var timeliness = await TimelinessAsync(db, filter, byForce.ToDictionary(kv => kv.Key, kv => kv.Value.Sum(c => c.FirstSent)), ct);

        var forces = (filter.ForceCode is { } only ? ForceDirectory.Entries.Where(e => e.Code == only) : ForceDirectory.Entries).Select(f =>
            Rate(f, byForce.GetValueOrDefault(f.Code, []), timeliness.GetValueOrDefault(f.Code))).ToList();

        var byMonth = cells.GroupBy(c => c.Month).ToDictionary(g => g.Key,
            g => (Received: g.Sum(c => c.Received), Disseminated: g.Sum(c => c.Disseminated)));
        var months = new List<MonthFigures>();
        for (var m = new DateOnly(filter.From.Year, filter.From.Month, 1); m <= filter.To; m = m.AddMonths(1))
        {
            var key = m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var (received, disseminated) = byMonth.GetValueOrDefault(key);
            months.Add(new MonthFigures(key, received, disseminated));
        }
        return new PeriodFigures(forces, months);
    }

    /// <summary>Median and 90th percentile hours from receipt to first send, per force (nearest rank: the value at
    /// rank ceil(p × n), rounded to 0.01 h). How many sends each force has comes from the running totals; the two
    /// ranked values are read from the timeliness index, which is in force and time-to-send order, the 90th from the
    /// top end: nothing is sorted and only numbers come back. (Window functions sort every send first, several times
    /// slower on SQLite.)</summary>
    private static async Task<Dictionary<string, (double? Median, double? P90)>> TimelinessAsync(
        NacarsDbContext db, StatsFilter filter, Dictionary<string, int> firstSentByForce, CancellationToken ct)
    {
        var firstSends = SupervisionFigures.FirstSends(db)
            .Where(d => d.ContactReceivedAtUtc >= filter.FromUtc && d.ContactReceivedAtUtc < filter.ToUtcExclusive);
        var result = new Dictionary<string, (double?, double?)>();
        foreach (var (force, sends) in firstSentByForce.Where(kv => kv.Value > 0).Select(kv => (kv.Key, kv.Value)))
        {
            var ofForce = firstSends.Where(d => d.ForceCode == force);
            async Task<double?> AtRankAsync(double p)
            {
                var rank = Math.Clamp((int)Math.Ceiling(p * sends), 1, sends);
                var seconds = rank <= (sends + 1) / 2
                    ? await ofForce.OrderBy(d => d.SecondsFromReceipt).Select(d => d.SecondsFromReceipt).Skip(rank - 1).FirstOrDefaultAsync(ct)
                    : await ofForce.OrderByDescending(d => d.SecondsFromReceipt).Select(d => d.SecondsFromReceipt).Skip(sends - rank).FirstOrDefaultAsync(ct);
                return seconds is { } s ? Math.Round(s / 3600.0, 2) : null;
            }
            result[force] = (await AtRankAsync(0.5), await AtRankAsync(0.9));
        }
        return result;
    }

    private sealed record Cell(string ForceCode, string Month, int Received, int Open, int Disseminated, int NotDisseminated, int Urgent,
        int InsufficientDetail, int NotAboutPolice, int PersonalComplaint, int Duplicate, int MaliciousOrTest, int OtherReason, int FirstSent,
        int ReroutedIn, int ReroutedOut)
    {
        public IEnumerable<(NotDisseminatedReason Reason, int Count)> Reasons =>
        [
            (NotDisseminatedReason.InsufficientDetail, InsufficientDetail), (NotDisseminatedReason.NotAboutPolice, NotAboutPolice),
            (NotDisseminatedReason.PersonalComplaint, PersonalComplaint), (NotDisseminatedReason.Duplicate, Duplicate),
            (NotDisseminatedReason.MaliciousOrTest, MaliciousOrTest), (NotDisseminatedReason.Other, OtherReason),
        ];
    }

    private static ForceRate Rate((string Code, string Name) force, IReadOnlyCollection<Cell> cells, (double? Median, double? P90) timeliness) => new(
        force.Code, force.Name,
        cells.Sum(c => c.Received), cells.Sum(c => c.Disseminated), cells.Sum(c => c.NotDisseminated), cells.Sum(c => c.Open), cells.Sum(c => c.Urgent),
        timeliness.Median, timeliness.P90,
        cells.SelectMany(c => c.Reasons).Where(r => r.Count != 0).GroupBy(r => r.Reason).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
        cells.Sum(c => c.ReroutedIn), cells.Sum(c => c.ReroutedOut));

    public static ForceRate National(IReadOnlyList<ForceRate> rows) => new("national", "National total",
        rows.Sum(r => r.Received), rows.Sum(r => r.Disseminated), rows.Sum(r => r.NotDisseminated), rows.Sum(r => r.Open), rows.Sum(r => r.Urgent),
        null, null,
        rows.SelectMany(r => r.ReasonsNotDisseminated).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value)),
        rows.Sum(r => r.ReroutedIn), rows.Sum(r => r.ReroutedOut));

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

    /// <summary>How many days back from the end of the period the workload table covers (the page shows the latest).</summary>
    public const int WorkloadDays = 31;

    /// <summary>Decisions per analyst per UK day, over the last <see cref="WorkloadDays"/> days of the period, from the
    /// running totals (<see cref="AnalystDayFigures"/>).</summary>
    public async Task<IReadOnlyList<AnalystDay>> WorkloadAsync(StatsFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var windowStart = filter.To.AddDays(1 - WorkloadDays);
        var from = windowStart > filter.From ? windowStart : filter.From;
        return await db.AnalystDayFigures.Where(f => f.Day >= from && f.Day <= filter.To && f.Decisions != 0)
            .OrderByDescending(f => f.Day).ThenBy(f => f.Analyst)
            .Select(f => new AnalystDay(f.Analyst, f.Day, f.Decisions))
            .ToListAsync(ct);
    }

    public async Task<OutboxHealth> OutboxAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var startOfDay = UkTime.ToUtc(UkTime.FromUtc(now).Date);
        // Each figure is read from the outbox's indexes alone, never from the messages (see OutboxMessageConfiguration).
        var states = await db.OutboxMessages.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var oldest = await db.OutboxMessages.Where(m => m.State == OutboxState.Queued || m.State == OutboxState.Sending || m.State == OutboxState.Stuck)
            .MinAsync(m => (DateTime?)m.CreatedAtUtc, ct);
        var sentToday = await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent && m.SentAtUtc >= startOfDay, ct);
        var failures = await db.OutboxMessages.Where(m => m.State == OutboxState.Failed || m.State == OutboxState.Stuck)
            .OrderByDescending(m => m.State == OutboxState.Stuck).ThenByDescending(m => m.CreatedAtUtc).Take(50)
            .Select(m => new FailedMessage(m.Id, m.Reference, m.To, m.LastError, m.Attempts, m.State == OutboxState.Stuck)).ToListAsync(ct);
        return new OutboxHealth(states.GetValueOrDefault(OutboxState.Queued), states.GetValueOrDefault(OutboxState.Sending), states.GetValueOrDefault(OutboxState.Failed),
            sentToday, oldest is { } o ? now - o : null, failures, states.GetValueOrDefault(OutboxState.Stuck));
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
