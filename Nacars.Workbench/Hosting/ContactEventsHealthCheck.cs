using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Events;

namespace Nacars.Workbench.Hosting;

/// <summary>Ready only while dashboards here hear what happens on other instances (Postgres); always on SQLite.</summary>
internal sealed class ContactEventsHealthCheck(IOptions<NacarsOptions> options, PostgresContactEvents events) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.Value.Database.Provider != DatabaseProvider.Postgres
            ? HealthCheckResult.Healthy("One instance: events stay in process.")
            : events.Listening
                ? HealthCheckResult.Healthy("Listening to the other instances.")
                : HealthCheckResult.Unhealthy("Not listening to the other instances yet; reconnecting."));
}
