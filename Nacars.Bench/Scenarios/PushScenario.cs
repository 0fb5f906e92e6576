using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Workbench.Realtime;

namespace Nacars.Bench.Scenarios;

/// <summary>Public-form submit → the event at every authenticated /hubs/triage client, against a bare broadcast on the hub.</summary>
public sealed class PushScenario : IScenario
{
    public string Name => "push";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var push = await PushMeasurement.RunAsync(context.Host, context.Host, context.Size, ct);
        var p95 = Stats.Percentile(push.Accepted, 0.95);
        var baseP95 = Stats.Percentile(push.Broadcast, 0.95);
        return new ScenarioResult(Name, $"submit accepted → event at {context.Size.HubClients} hub clients (ms)",
            new() { ["p50_ms"] = Stats.Percentile(push.Accepted, 0.5), ["p95_ms"] = p95, ["p99_ms"] = Stats.Percentile(push.Accepted, 0.99),
                ["post_sent_to_event_p95_ms"] = Stats.Percentile(push.PostSent, 0.95) },
            new() { ["broadcast_p50_ms"] = Stats.Percentile(push.Broadcast, 0.5), ["broadcast_p95_ms"] = baseP95 },
            Math.Round(p95 / baseP95, 2), "p95 <= 100 ms and <= 3x baseline", p95 <= 100 && p95 <= 3 * baseP95,
            "Accepted = the server's receipt stamp; post_sent_to_event also counts the client's request, validation, encryption, the insert and the page render.");
    }
}

/// <summary>Latencies of one push run: reports are submitted on one instance, hub clients listen on another (or the same).</summary>
public sealed record PushLatencies(List<double> Accepted, List<double> PostSent, List<double> Broadcast);

public static class PushMeasurement
{
    public static async Task<PushLatencies> RunAsync(BenchHost submitOn, BenchHost listenOn, BenchSize size, CancellationToken ct)
    {
        var (_, cookies) = await listenOn.SignInAsync("analyst@demo.nacars.test");
        var arrivals = new ConcurrentDictionary<string, ConcurrentBag<long>>();
        // "Accepted" is when the contact was stamped as received on the server (same clock: one process).
        var sinceAccepted = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var connections = new List<HubConnection>();
        for (var i = 0; i < size.HubClients; i++)
        {
            var connection = new HubConnectionBuilder().WithUrl(new Uri(listenOn.BaseAddress, "hubs/triage"), o => o.Cookies = cookies).Build();
            connection.On<TriageHubEvent>(TriageHub.EventMethod, e =>
            {
                var now = Stopwatch.GetTimestamp();
                sinceAccepted.GetOrAdd(e.Reference, _ => []).Add((DateTime.UtcNow - e.AtUtc).TotalMilliseconds);
                arrivals.GetOrAdd(e.Reference, _ => []).Add(now);
            });
            await connection.StartAsync(ct);
            connections.Add(connection);
        }

        try
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = submitOn.BaseAddress };
            var token = await BenchHost.TokenAsync(client, "/report");
            var postSent = new List<double>();
            var accepted = new List<double>();
            for (var i = 0; i < size.Pushes; i++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/report", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Report.Account"] = $"Push test {i}: a detective is tipping off a gang about raids.", ["Report.ForceCode"] = "merseyside",
                    ["Report.ImmediateDanger"] = "False", ["Report.StayAnonymous"] = "True", ["__RequestVerificationToken"] = token, ["_handler"] = "report",
                }), ct);
                var html = await response.Content.ReadAsStringAsync(ct);
                var reference = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"contact-reference\">([^<]+)<").Groups[1].Value;
                postSent.AddRange(await WaitAllAsync(arrivals, reference, start, size.HubClients, ct));
                accepted.AddRange(sinceAccepted[reference]);
            }

            var hub = listenOn.Services.GetRequiredService<IHubContext<TriageHub>>();
            var broadcast = new List<double>();
            for (var i = 0; i < size.Pushes; i++)
            {
                var reference = $"BASELINE-{i}";
                var start = Stopwatch.GetTimestamp();
                await hub.Clients.All.SendAsync(TriageHub.EventMethod, new TriageHubEvent("Baseline", reference, "New", DateTime.UtcNow), ct);
                await WaitAllAsync(arrivals, reference, start, size.HubClients, ct);
                broadcast.AddRange(sinceAccepted[reference]);
            }
            return new PushLatencies(accepted, postSent, broadcast);
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }
    }

    private static async Task<IEnumerable<double>> WaitAllAsync(ConcurrentDictionary<string, ConcurrentBag<long>> arrivals, string reference, long start, int clients, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        while (!(arrivals.TryGetValue(reference, out var bag) && bag.Count >= clients))
        {
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"Not every hub client received {reference}.");
            await Task.Delay(1, ct);
        }
        return arrivals[reference].Select(t => Stats.Ms(t - start));
    }
}
