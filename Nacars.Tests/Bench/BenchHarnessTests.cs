using Nacars.Bench;
using Nacars.Bench.Scenarios;

namespace Nacars.Tests.Bench;

/// <summary>Keeps the benchmark harness from rotting: every scenario runs once at a tiny size against the real
/// in-process Workbench. No timing is asserted here: speed goals are judged by the benchmark itself.</summary>
public class BenchHarnessTests
{
    [Fact]
    public async Task Every_scenario_runs_a_tiny_iteration_and_reports_figures_and_a_baseline()
    {
        var log = new StringWriter();
        var results = await BenchRunner.RunAsync([], BenchSize.Tiny, log, TestContext.Current.CancellationToken);

        Assert.Equal(BenchRunner.All.Select(s => s.Name), results.Select(r => r.Scenario));
        Assert.All(results, r =>
        {
            Assert.NotEmpty(r.Figures);
            Assert.NotEmpty(r.Baseline);
            Assert.All(r.Figures.Values.Concat(r.Baseline.Values), v => Assert.True(double.IsFinite(v), $"{r.Scenario}: {v}"));
        });
        var table = BenchRunner.Table(results);
        Assert.Contains("| `push` |", table);
        Assert.Contains("\"scenarios\"", BenchRunner.Json(results, "tiny"));
    }

    [Fact]
    public async Task An_unknown_scenario_is_refused_by_name()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => BenchRunner.RunAsync(["nonsense"], BenchSize.Tiny, TextWriter.Null, TestContext.Current.CancellationToken));
        Assert.Contains("nonsense", ex.Message);
    }
}
