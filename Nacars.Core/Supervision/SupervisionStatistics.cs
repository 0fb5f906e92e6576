using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;
using Nacars.Core.Forces;

namespace Nacars.Core.Supervision;

/// <summary>
/// The supervisors' figures, from running totals kept per force and UK day (ADR 0008) and the timeliness indexes:
/// only small results come back, and no request counts contacts. Months are whole UK calendar months.
/// </summary>
public sealed class SupervisionStatistics(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public const double ReferenceRatePercent = 35;
    public const double PilotMonthlyAverage = 43;

    public async Task<IReadOnlyList<ForceRate>> ForceRatesAsync(StatsFilter filter, CancellationToken ct = default) =>
        (await PeriodAsync(filter, ct)).Forces;

    public async Task<IReadOnlyList<MonthFigures>> MonthlyAsync(StatsFilter filter, CancellationToken ct = default) =>
        (await PeriodAsync(filter, ct)).Months;

    public async Task<ForceMonthGrid> GridAsync(StatsFilter filter, CancellationToken ct = default) =>
        (await PeriodAsync(filter, ct)).Grid;

    /// <summary>The per-force table, the months and the force × month grid together, from the running totals per force
    /// and UK day (<see cref="ForceDayFigures"/>). The database sums them per force, month and whether the day is in the
    /// period (about 50 × 13 rows come back): the table sums the period's days, the months and the grid the whole
    /// months the period touches, so a grid cell is exactly what a search of that force and month finds.</summary>
    public async Task<PeriodFigures> PeriodAsync(StatsFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to, force) = (filter.From, filter.To, filter.ForceCode);
        var months = Months.Spanning(from, to);
        var (monthsFrom, monthsTo) = (Months.FirstDay(months[0]), Months.FirstDay(months[^1]).AddMonths(1).AddDays(-1));
        var cells = await db.ForceDayFigures.Where(f => f.Day >= monthsFrom && f.Day <= monthsTo && (force == null || f.ForceCode == force))
            .GroupBy(f => new { f.ForceCode, f.Month, InPeriod = f.Day >= from && f.Day <= to })
            .Select(g => new Cell(g.Key.ForceCode, g.Key.Month, g.Key.InPeriod, g.Sum(f => f.Received), g.Sum(f => f.Open), g.Sum(f => f.Disseminated),
                g.Sum(f => f.NotDisseminated), g.Sum(f => f.Urgent), g.Sum(f => f.InsufficientDetail), g.Sum(f => f.NotAboutPolice),
                g.Sum(f => f.PersonalComplaint), g.Sum(f => f.Duplicate), g.Sum(f => f.MaliciousOrTest), g.Sum(f => f.OtherReason), g.Sum(f => f.FirstSent),
                g.Sum(f => f.ReroutedIn), g.Sum(f => f.ReroutedOut)))
            .ToListAsync(ct);

        var inPeriod = cells.Where(c => c.InPeriod).GroupBy(c => c.ForceCode).ToDictionary(g => g.Key, g => g.ToList());
        var forceMonths = cells.GroupBy(c => (c.ForceCode, c.Month)).Select(g => new ForceMonthFigures(g.Key.ForceCode, g.Key.Month,
            g.Sum(c => c.Received), g.Sum(c => c.Disseminated), g.Sum(c => c.NotDisseminated), g.Sum(c => c.Open), g.Sum(c => c.FirstSent), null, null)).ToList();

        // Median and 90th percentile hours from receipt to first send: per force over the period, per force and month.
        var sentInPeriod = inPeriod.Select(kv => (Force: kv.Key, Sent: kv.Value.Sum(c => c.FirstSent))).Where(f => f.Sent > 0).ToList();
        var sentInMonth = forceMonths.Where(c => c.FirstSent > 0).ToList();
        var scopes = sentInPeriod.Select(f => RankedSends.Scope.InPeriod(f.Force, filter.FromUtc, filter.ToUtcExclusive, f.Sent))
            .Concat(sentInMonth.Select(c => RankedSends.Scope.InMonth(c.ForceCode, c.Month, c.FirstSent))).ToList();
        var seconds = await RankedSends.MedianAndP90Async(db, scopes, ct);
        var timeliness = sentInPeriod.Select((f, i) => (f.Force, Median: Hours(seconds[i].Median), P90: Hours(seconds[i].P90)))
            .ToDictionary(f => f.Force, f => (f.Median, f.P90));
        var monthTimeliness = sentInMonth.Select((c, i) => (c, Median: Hours(seconds[sentInPeriod.Count + i].Median), P90: Hours(seconds[sentInPeriod.Count + i].P90)))
            .ToDictionary(x => (x.c.ForceCode, x.c.Month), x => (x.Median, x.P90));
        forceMonths = [.. forceMonths.Select(c => monthTimeliness.TryGetValue((c.ForceCode, c.Month), out var t) ? c with { MedianHoursToSent = t.Median, P90HoursToSent = t.P90 } : c)];

        var forces = (filter.ForceCode is { } only ? ForceDirectory.Entries.Where(e => e.Code == only) : ForceDirectory.Entries).Select(f =>
            Rate(f, inPeriod.GetValueOrDefault(f.Code, []), timeliness.GetValueOrDefault(f.Code))).ToList();
        var byMonth = forceMonths.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.ToList());
        var monthly = months.Select(m =>
        {
            var ofMonth = byMonth.GetValueOrDefault(m, []);
            return new MonthFigures(m, ofMonth.Sum(c => c.Received), ofMonth.Sum(c => c.Disseminated), ofMonth.Sum(c => c.NotDisseminated), ofMonth.Sum(c => c.Open));
        }).ToList();
        return new PeriodFigures(forces, monthly, new ForceMonthGrid(months, forceMonths));
    }

    /// <summary>Seconds as hours, rounded to 0.01 h.</summary>
    private static double? Hours(int? seconds) => seconds is { } s ? Math.Round(s / 3600.0, 2) : null;

    private sealed record Cell(string ForceCode, string Month, bool InPeriod, int Received, int Open, int Disseminated, int NotDisseminated, int Urgent,
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

    /// <summary>Decisions per analyst per UK day, over the last <see cref="WorkloadDays"/> days of the period (what the
    /// page shows), from the running totals (<see cref="AnalystDayFigures"/>).</summary>
    public Task<IReadOnlyList<AnalystDay>> WorkloadAsync(StatsFilter filter, CancellationToken ct = default)
    {
        var windowStart = filter.To.AddDays(1 - WorkloadDays);
        return WorkloadAsync(windowStart > filter.From ? windowStart : filter.From, filter.To, ct);
    }

    /// <summary>Decisions per analyst per UK day over the whole period (the CSV).</summary>
    public Task<IReadOnlyList<AnalystDay>> WorkloadOfPeriodAsync(StatsFilter filter, CancellationToken ct = default) =>
        WorkloadAsync(filter.From, filter.To, ct);

    private async Task<IReadOnlyList<AnalystDay>> WorkloadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AnalystDayFigures.Where(f => f.Day >= from && f.Day <= to && f.Decisions != 0)
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

    /// <summary>Every audit event of the UK days <paramref name="from"/> to <paramref name="to"/>, oldest first, read
    /// through EF so the details are decrypted (they are encrypted at rest), one at a time so a year's trail is never
    /// held in memory.</summary>
    public async IAsyncEnumerable<AuditEvent> AuditExtractAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = new StatsFilter(from, to);
        var (fromUtc, toUtc) = (period.FromUtc, period.ToUtcExclusive);
        await foreach (var e in db.AuditEvents.AsNoTracking().Where(a => a.AtUtc >= fromUtc && a.AtUtc < toUtc).OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .AsAsyncEnumerable().WithCancellation(ct))
            yield return e;
    }

    private static IQueryable<Contact> InPeriod(NacarsDbContext db, StatsFilter filter)
    {
        var q = db.Contacts.Where(c => c.ReceivedAtUtc >= filter.FromUtc && c.ReceivedAtUtc < filter.ToUtcExclusive);
        return filter.ForceCode is { } force ? q.Where(c => c.ForceCode == force) : q;
    }
}
