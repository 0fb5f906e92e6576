using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.LiveFloor;
using Nacars.Core.Triage;

namespace Nacars.Core.Operations;

/// <summary>
/// The floor as an operations team watches it at 3 a.m.: open contacts, the oldest one nobody has claimed (urgent and
/// not), urgent contacts late or still waiting for a fast-time call, the outbox, and when the last report arrived.
/// Read from the wallboard's own snapshot (<see cref="Floor"/>) when Prometheus scrapes, once for all the gauges of
/// one scrape. Counts and ages only: no reference leaves.
/// </summary>
public sealed class FloorGauges
{
    private readonly Floor _floor;
    private readonly IDbContextFactory<NacarsDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly IOptions<NacarsOptions> _options;
    private readonly ILogger<FloorGauges> _logger;
    private readonly Lock _gate = new();
    private (DateTime ReadAtUtc, FloorSnapshot Snapshot, DateTime? LastReceivedUtc)? _last;

    public FloorGauges(NacarsMetrics metrics, Floor floor, IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock,
        IOptions<NacarsOptions> options, ILogger<FloorGauges> logger)
    {
        (_floor, _dbFactory, _clock, _options, _logger) = (floor, dbFactory, clock, options, logger);
        var meter = metrics.Meter;
        meter.CreateObservableGauge("nacars_contacts_open", () => Read(s =>
            [new(s.New, Tag("status", "new")), new(s.InTriage, Tag("status", "in_triage"))]), description: "Open contacts, by status.");
        meter.CreateObservableGauge("nacars_oldest_unclaimed_age", () => Read<double>((s, now) =>
            [new(Oldest(s, now, urgent: true), Tag("urgent", "true")), new(Oldest(s, now, urgent: false), Tag("urgent", "false"))]),
            "s", "Age of the oldest contact nobody has claimed (0 when there is none).");
        meter.CreateObservableGauge("nacars_unclaimed_late", () => Read<int>(Late),
            description: "Unclaimed contacts past the queue's amber or red age (Nacars:Triage), urgent and not.");
        meter.CreateObservableGauge("nacars_urgent_awaiting_fast_time_call", () => Read(s =>
            [new(s.Open.Count(c => c.Urgent && !c.FastTimeCallLogged))]), description: "Open urgent contacts whose fast-time call to the force is not logged.");
        meter.CreateObservableGauge("nacars_outbox_messages", () => Read(s =>
            [new(s.OutboxQueued, Tag("state", "queued")), new(s.OutboxFailing, Tag("state", "failing")), new(s.OutboxStuck, Tag("state", "stuck"))]),
            description: "Outbox messages queued, failing (retrying or failed for good) and stuck (alarm).");
        meter.CreateObservableGauge("nacars_last_report_received_timestamp", () => ReadLastReceived(), "s",
            "When the newest report was received, in Unix seconds (0 when there is none).");
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static double Oldest(FloorSnapshot s, DateTime now, bool urgent) =>
        s.Open.Where(c => c.ClaimedBy is null && c.Urgent == urgent).Select(c => (now - c.ReceivedAtUtc).TotalSeconds).DefaultIfEmpty(0).Max();

    private IEnumerable<Measurement<int>> Late(FloorSnapshot s, DateTime now)
    {
        var thresholds = _options.Value.Triage;
        var late = s.Open.Where(c => c.ClaimedBy is null).Select(c => (c.Urgent, Lateness: FloorSnapshot.LatenessOf(c, now, thresholds))).ToList();
        foreach (var urgent in new[] { true, false })
            foreach (var (lateness, name) in new[] { (Lateness.Amber, "amber"), (Lateness.Red, "red") })
                yield return new(late.Count(x => x.Urgent == urgent && x.Lateness == lateness), Tag("urgent", urgent ? "true" : "false"), Tag("lateness", name));
    }

    private IEnumerable<Measurement<int>> Read(Func<FloorSnapshot, IEnumerable<Measurement<int>>> measure) =>
        Snapshot() is { } s ? measure(s.Snapshot) : [];

    private IEnumerable<Measurement<T>> Read<T>(Func<FloorSnapshot, DateTime, IEnumerable<Measurement<T>>> measure) where T : struct =>
        Snapshot() is { } s ? measure(s.Snapshot, _clock.GetUtcNow().UtcDateTime) : [];

    private IEnumerable<Measurement<long>> ReadLastReceived() =>
        Snapshot() is { } s ? [new(s.LastReceivedUtc is { } at ? new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds() : 0)] : [];

    /// <summary>One read per scrape: the gauges of one scrape are called one after another, within the second.</summary>
    private (DateTime ReadAtUtc, FloorSnapshot Snapshot, DateTime? LastReceivedUtc)? Snapshot()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            if (_last is { } last && now - last.ReadAtUtc < TimeSpan.FromSeconds(1)) return last;
            try
            {
                // A scrape runs on its own thread and the gauges are synchronous: waiting here holds no request.
                var snapshot = _floor.SnapshotAsync().GetAwaiter().GetResult();
                using var db = _dbFactory.CreateDbContext();
                var lastReceived = db.Contacts.AsNoTracking().OrderByDescending(c => c.ReceivedAtUtc).Select(c => (DateTime?)c.ReceivedAtUtc).FirstOrDefault();
                _last = (now, snapshot, lastReceived);
                return _last;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // No figures rather than stale ones: a scrape that finds the gauges missing is itself an alert.
                _logger.LogWarning("The floor could not be read for metrics: {Reason}", ex.Message);
                return null;
            }
        }
    }
}
