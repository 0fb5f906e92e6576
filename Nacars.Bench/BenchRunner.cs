using System.Text.Json;
using Nacars.Bench.Scenarios;

namespace Nacars.Bench;

/// <summary>Runs the chosen scenarios against one in-process Workbench and reports figures, baselines and ratios.</summary>
public static class BenchRunner
{
    public static readonly IReadOnlyList<IScenario> All =
        // Circuits and dashboards run first, on a queue the size a shift sees (the demo contacts) before intake fills it
        // with thousands; assist is pure and in-process; supervision runs last because it fills the database with a
        // million synthetic contacts.
        [new CircuitsScenario(), new DashboardsScenario(), new PushScenario(), new TwoInstancePushScenario(), new IntakeScenario(), new PdfScenario(),
            new AttachmentsScenario(), new DispatchScenario(), new AssistScenario(), new SupervisionScenario(), new RelatedScenario(), new SoakScenario()];

    /// <summary>What runs when no scenario is named: all but the half-hour soak, which runs only when asked for.</summary>
    public static IReadOnlyList<IScenario> Default => [.. All.Where(s => s is not SoakScenario)];

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(IEnumerable<string> names, BenchSize size, TextWriter log, CancellationToken ct = default)
    {
        var wanted = names.ToList();
        var scenarios = wanted.Count == 0 ? Default : All.Where(s => wanted.Contains(s.Name)).ToList();
        var unknown = wanted.Except(All.Select(s => s.Name)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", All.Select(s => s.Name))}.");

        await using var smtp = new SmtpSink();
        using var host = new BenchHost(smtp.Port);
        _ = host.BaseAddress; // start Kestrel, migrate, seed
        var context = new BenchContext(host, smtp, size, log);
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            log.WriteLine($"running {scenario.Name}…");
            var result = await scenario.RunAsync(context, ct);
            results.Add(result);
            log.WriteLine($"  {result.Scenario}: {string.Join(", ", result.Figures.Select(kv => $"{kv.Key}={kv.Value:0.###}"))} | baseline {string.Join(", ", result.Baseline.Select(kv => $"{kv.Key}={kv.Value:0.###}"))}");
        }
        return results;
    }

    public static string Table(IEnumerable<ScenarioResult> results)
    {
        static string Join(Dictionary<string, double> d) => string.Join(", ", d.Select(kv => $"{kv.Key}={kv.Value:0.###}"));
        var lines = new List<string>
        {
            "| scenario | figures | baseline (same run) | ratio | goal | met |",
            "|---|---|---|---|---|---|",
        };
        lines.AddRange(results.Select(r => $"| `{r.Scenario}` | {Join(r.Figures)} | {Join(r.Baseline)} | {r.Ratio:0.##} | {r.Goal} | {(r.GoalMet ? "yes" : "**no**")} |"));
        return string.Join(Environment.NewLine, lines);
    }

    public static string Json(IEnumerable<ScenarioResult> results, string mode) => JsonSerializer.Serialize(new
    {
        mode,
        machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
        at = DateTime.UtcNow,
        scenarios = results,
    }, new JsonSerializerOptions { WriteIndented = true });
}
