namespace Nacars.Core;

/// <summary>Metrics and traces for the operations team (Nacars:Telemetry).</summary>
public sealed class TelemetryOptions
{
    /// <summary>A secret Prometheus sends as "Authorization: Bearer …" to scrape /metrics. Without it only a signed-in
    /// admin can read /metrics. At least 32 characters in Production.</summary>
    public string? ScrapeToken { get; set; }
    /// <summary>An OpenTelemetry collector (OTLP, e.g. http://localhost:4317) that receives the service's traces; none
    /// when empty.</summary>
    public string? OtlpEndpoint { get; set; }
}
