using System.Diagnostics.Metrics;
using Nacars.Core.Contacts;

namespace Nacars.Core.Operations;

/// <summary>
/// What the service counts as it works, for Prometheus through OpenTelemetry (<c>/metrics</c>). Every label is a kind
/// from a fixed list (a channel, an outcome, a result): never a reference, a word of an account, a name or an address,
/// so nothing a scrape or a dashboard holds can point at a reporter. The state of the floor is read at each scrape by
/// <see cref="FloorGauges"/>.
/// </summary>
public sealed class NacarsMetrics
{
    public const string MeterName = "Nacars";

    private readonly Counter<long> _received;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _sends;
    private readonly Counter<long> _sealFailures;
    private readonly Histogram<double> _firstView;
    private readonly Histogram<double> _claimToSend;
    private readonly Histogram<double> _sendTime;
    private long _lastSealUnixSeconds;
    // Minutes to days: how long people take over a report.
    private static readonly double[] WorkSeconds = [60, 300, 900, 1800, 3600, 4 * 3600, 8 * 3600, 24 * 3600, 72 * 3600];

    public NacarsMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _received = Meter.CreateCounter<long>("nacars_reports_received", description: "Reports received, by channel (online form or telephone).");
        _decisions = Meter.CreateCounter<long>("nacars_decisions", description: "Decisions on contacts: disseminated, or not with the reason's kind.");
        _sends = Meter.CreateCounter<long>("nacars_mail_sends", description: "Messages handed to the relay: sent, deferred (retried) or refused (failed).");
        _sealFailures = Meter.CreateCounter<long>("nacars_audit_seal_failures", description: "Rounds in which the audit trail could not be sealed.");
        _firstView = Meter.CreateHistogram<double>("nacars_report_to_first_view", "s", "From a report's receipt to the first time a member of staff opened it.",
            advice: new() { HistogramBucketBoundaries = WorkSeconds });
        _claimToSend = Meter.CreateHistogram<double>("nacars_claim_to_send", "s", "From an analyst's claim to their one click that sends the report.",
            advice: new() { HistogramBucketBoundaries = WorkSeconds });
        _sendTime = Meter.CreateHistogram<double>("nacars_mail_send_duration", "s", "How long the relay took to accept one message.",
            advice: new() { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        Meter.CreateObservableGauge("nacars_audit_last_seal_timestamp", () => Interlocked.Read(ref _lastSealUnixSeconds), "s",
            "When this instance last sealed the audit trail (or found nothing to seal), in Unix seconds; 0 before the first round.");
    }

    /// <summary>The meter the Workbench adds its own gauges to (dashboards connected).</summary>
    public Meter Meter { get; }

    public void ReportReceived(Channel channel) => _received.Add(1, Tag("channel", ChannelLabel(channel)));

    /// <summary>How a channel is named in labels and span tags.</summary>
    public static string ChannelLabel(Channel channel) => channel == Channel.Online ? "online" : "telephone";

    public void Disseminated(DateTime? claimedAtUtc, DateTime nowUtc)
    {
        _decisions.Add(1, Tag("outcome", "disseminated"));
        if (claimedAtUtc is { } claimed) _claimToSend.Record(Math.Max(0, (nowUtc - claimed).TotalSeconds));
    }

    public void NotDisseminated(NotDisseminatedReason reason) => _decisions.Add(1, Tag("outcome", "not_disseminated"), Tag("reason", Snake(reason.ToString())));

    public void FirstViewed(DateTime receivedAtUtc, DateTime nowUtc) => _firstView.Record(Math.Max(0, (nowUtc - receivedAtUtc).TotalSeconds));

    /// <summary>One message's attempt: "sent", "deferred" (a 4xx or the relay unreachable) or "refused" (a 5xx).</summary>
    public void MailAttempt(string result, TimeSpan took)
    {
        _sends.Add(1, Tag("result", result));
        if (result == "sent") _sendTime.Record(took.TotalSeconds);
    }

    public void AuditSealed(DateTimeOffset at) => Interlocked.Exchange(ref _lastSealUnixSeconds, at.ToUnixTimeSeconds());

    public void AuditSealFailed() => _sealFailures.Add(1);

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    /// <summary>"InsufficientDetail" → "insufficient_detail": label values in Prometheus's own style.</summary>
    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
