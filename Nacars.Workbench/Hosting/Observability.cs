using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Operations;
using Nacars.Workbench.Realtime;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// Metrics for Prometheus at <c>/metrics</c> (a signed-in admin, or Prometheus with Nacars:Telemetry:ScrapeToken),
/// traces of a report's way through the service (to an OTLP collector when one is named), and JSON logs in
/// Production. Nothing exported names a reporter: labels are kinds, and a request's path is replaced by its route
/// ("/triage/{Reference}"), so no reference travels in a span.
/// </summary>
public static class Observability
{
    public const string MetricsPath = "/metrics";

    /// <summary>What the ASP.NET Core instrumentation records of the client: none of it may leave in a span.</summary>
    private static readonly string[] ClientTags = ["user_agent.original", "client.address", "client.port", "network.peer.address", "network.peer.port"];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Configuration.GetSection(NacarsOptions.Section).GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton<OpenCircuits>();
        builder.Services.AddScoped<CircuitHandler, CircuitCounter>();
        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m
                .AddMeter(NacarsMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                // Every scrape reads the floor afresh: an alert must not wait on a cached answer.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0))
            .WithTracing(t =>
            {
                // Spans cost a little on every request: they are made only when a collector will receive them.
                if (string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint)) return;
                t.AddSource(NacarsTracing.SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath) && !http.Request.Path.StartsWithSegments("/health");
                        o.EnrichWithHttpResponse = (activity, response) =>
                        {
                            activity.SetTag("url.path", RouteOf(response.HttpContext));
                            // No client address or User-Agent leaves the service, in a trace as in a log (null removes a tag).
                            foreach (var tag in ClientTags) activity.SetTag(tag, null);
                        };
                    })
                    .AddOtlpExporter(o => o.Endpoint = new Uri(telemetry.OtlpEndpoint));
            });
        // One JSON object per line in Production, for the log shipper; the words stay those of the plain log.
        if (builder.Environment.IsProduction())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
                // Apostrophes and accents as they are, not \u0027: people read these lines too.
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }
        return builder;
    }

    /// <summary>The route a request matched, never its path: "/triage/{Reference}", not a contact's reference.</summary>
    private static string RouteOf(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : "(no route)";

    public static WebApplication MapMetrics(this WebApplication app)
    {
        // Made now, so the floor's gauges exist from the first scrape.
        app.Services.GetRequiredService<FloorGauges>();
        app.Services.GetRequiredService<OpenCircuits>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, optionsName: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            if (await MayScrapeAsync(http)) await next(http);
            else http.Response.StatusCode = http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        }));
        return app;
    }

    private static async Task<bool> MayScrapeAsync(HttpContext http)
    {
        var token = http.RequestServices.GetRequiredService<IOptions<NacarsOptions>>().Value.Telemetry.ScrapeToken;
        if (!string.IsNullOrEmpty(token) && http.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal))
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..]), Encoding.UTF8.GetBytes(token));
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, Policies.Admin)).Succeeded;
    }
}
