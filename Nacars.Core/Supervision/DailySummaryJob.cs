using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Scheduling;

namespace Nacars.Core.Supervision;

/// <summary>Queues the supervisors' summary each day at <see cref="DailySummaryOptions.At"/> (UK time), about the day
/// before; on several instances each queues it, and the message's fixed id lets only the first through.</summary>
public sealed class DailySummaryJob(DailySummary summary, IOptions<NacarsOptions> options, TimeProvider clock, ILogger<DailySummaryJob> logger)
    : DailyJob(clock, logger)
{
    protected override TimeOnly RunAt => options.Value.DailySummary.At;
    protected override string What => "The supervisors' daily summary";
    protected override Task RunAsync(DateOnly ukDay, CancellationToken ct) => summary.QueueAsync(ukDay.AddDays(-1), ct);
}
