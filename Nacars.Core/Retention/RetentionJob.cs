using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Scheduling;

namespace Nacars.Core.Retention;

/// <summary>Runs the retention schedule once a day at <see cref="RetentionOptions.RunAt"/> (UK time).</summary>
public sealed class RetentionJob(RetentionPurge purge, IOptions<NacarsOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : DailyJob(clock, logger)
{
    protected override TimeOnly RunAt => options.Value.Retention.RunAt;
    protected override string What => "The retention run";
    protected override Task RunAsync(DateOnly ukDay, CancellationToken ct) => purge.RunAsync(ct);
}
