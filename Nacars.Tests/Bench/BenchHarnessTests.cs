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
        // The assist scenario reads a labelled set that lives beside the repository (not in a clean clone): the test
        // gives it a small synthetic one of its own.
        var data = WriteTinyAssistSet();
        var before = Environment.GetEnvironmentVariable(AssistScenario.DataVariable);
        Environment.SetEnvironmentVariable(AssistScenario.DataVariable, data);
        IReadOnlyList<ScenarioResult> results;
        try
        {
            results = await BenchRunner.RunAsync([], BenchSize.Tiny, log, TestContext.Current.CancellationToken);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AssistScenario.DataVariable, before);
            File.Delete(data);
        }

        Assert.Equal(BenchRunner.Default.Select(s => s.Name), results.Select(r => r.Scenario));
        Assert.All(results, r =>
        {
            Assert.NotEmpty(r.Figures);
            Assert.NotEmpty(r.Baseline);
            Assert.All(r.Figures.Values.Concat(r.Baseline.Values), v => Assert.True(double.IsFinite(v), $"{r.Scenario}: {v}"));
        });
        var assist = results.Single(r => r.Scenario == "assist");
        Assert.Equal(1.0, assist.Figures["recall_officer-number"]);
        Assert.Equal(1.0, assist.Figures["force_top3"]);
        Assert.Contains("1000w_p95_ms", assist.Figures.Keys);
        var table = BenchRunner.Table(results);
        Assert.Contains("| `push` |", table);
        Assert.Contains("\"scenarios\"", BenchRunner.Json(results, "tiny"));
    }

    [Fact]
    public async Task The_soak_runs_only_when_named_and_reports_each_window_against_the_first()
    {
        Assert.DoesNotContain(BenchRunner.Default, s => s.Name == "soak");
        var soak = Assert.Single(await BenchRunner.RunAsync(["soak"], BenchSize.Tiny, TextWriter.Null, TestContext.Current.CancellationToken));
        Assert.Equal(BenchSize.Tiny.SoakWindows, soak.Figures["windows"]);
        Assert.True(soak.Figures["reports"] > 0);
        Assert.Equal(0, soak.Figures["missing_rows"]);
        Assert.All(soak.Figures.Values, v => Assert.True(double.IsFinite(v)));
        Assert.Contains("page_p95_growth", soak.Figures.Keys);
    }

    [Fact]
    public async Task The_assist_scenario_fails_clearly_when_its_data_file_is_missing()
    {
        var before = Environment.GetEnvironmentVariable(AssistScenario.DataVariable);
        Environment.SetEnvironmentVariable(AssistScenario.DataVariable, Path.Combine(Path.GetTempPath(), $"no-such-assist-{Guid.NewGuid():N}.jsonl"));
        try
        {
            var ex = Assert.Throws<FileNotFoundException>(AssistScenario.DataPath);
            Assert.Contains(AssistScenario.DataVariable, ex.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AssistScenario.DataVariable, before);
        }
    }

    /// <summary>Three fictional labelled accounts in the assist-dev.jsonl format, two about the same officer.</summary>
    private static string WriteTinyAssistSet()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assist-tiny-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"T1","account":"PC 4417 Liam Coyle from Walsall police station sold cannabis in Bloxwich on Friday 7 March. He drives a red Focus, FY66 OLK. Ring me on 07700 900123 or email tip@example.org.","force":"West Midlands Police","alt_forces":[],"officer_numbers":["PC 4417"],"officer_names":["Liam Coyle"],"stations":["Walsall police station"],"places":["Bloxwich"],"dates":["Friday 7 March"],"vehicle_regs":["FY66 OLK"],"phones":["07700 900123"],"emails":["tip@example.org"],"handles":[],"reporter_identifiers":["07700 900123"],"threshold":{"corroborable":true,"about_police":true,"not_personal_complaint":true},"urgent":false,"related_group":"G1"}""",
            """{"id":"T2","account":"The copper Liam Coyle, collar number 4417, was dealing on the Blakenall estate last week from his red Focus FY66OLK. He posts as @walsall_liam.","force":"West Midlands Police","alt_forces":[],"officer_numbers":["collar number 4417"],"officer_names":["Liam Coyle"],"stations":[],"places":["Blakenall estate"],"dates":["last week"],"vehicle_regs":["FY66OLK"],"phones":[],"emails":[],"handles":["@walsall_liam"],"reporter_identifiers":[],"threshold":{"corroborable":true,"about_police":true,"not_personal_complaint":true},"urgent":false,"related_group":"G1"}""",
            """{"id":"T3","account":"I live on Kingsway in Gateshead. PS 2240 from Gateshead police station parks outside my house tonight in a blue Corsa NL67 RTU.","force":"Northumbria Police","alt_forces":[],"officer_numbers":["PS 2240"],"officer_names":[],"stations":["Gateshead police station"],"places":["Kingsway","Gateshead"],"dates":["tonight"],"vehicle_regs":["NL67 RTU"],"phones":[],"emails":[],"handles":[],"reporter_identifiers":["I live on Kingsway in Gateshead"],"threshold":{"corroborable":true,"about_police":true,"not_personal_complaint":true},"urgent":false,"related_group":null}""",
        ]);
        return path;
    }

    [Fact]
    public async Task An_unknown_scenario_is_refused_by_name()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => BenchRunner.RunAsync(["nonsense"], BenchSize.Tiny, TextWriter.Null, TestContext.Current.CancellationToken));
        Assert.Contains("nonsense", ex.Message);
    }
}
