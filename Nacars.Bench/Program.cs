using Nacars.Bench.Scenarios;

namespace Nacars.Bench;

/// <summary><c>dotnet run -c Release --project Nacars.Bench -- [scenario…] [--quick] [--rates 20,5] [--pages 10] [--soak-minutes 120]</c>.
/// <c>--rates</c> runs <c>dashboards</c> at only those report rates (per second) and <c>--pages</c> with that many open
/// queues, to look into one rate or into how the figures scale with the pages sharing the machine.</summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--circuit-client", var url, var count])
            return await CircuitsScenario.RunClientAsync(new Uri(url), int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
        if (args is ["fuzz", ..]) return await FuzzAsync(args[1..]);
        if (args is ["train-reporter-model", ..]) return Assist.ReporterModelTrainer.Run(args, Console.Out);
        if (args is ["--dashboard-client", var dashboardUrl, var pages])
            return await DashboardPages.RunClientAsync(new Uri(dashboardUrl), int.Parse(pages, System.Globalization.CultureInfo.InvariantCulture));
        var quick = args.Contains("--quick");
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var size = quick ? BenchSize.Quick : BenchSize.Full;
        if (Option(args, "--rates", names) is { } rates)
            size = size with { DashboardRates = [.. rates.Split(',').Select(r => double.Parse(r, System.Globalization.CultureInfo.InvariantCulture))] };
        if (Option(args, "--pages", names) is { } pageCount)
            size = size with { Dashboards = int.Parse(pageCount, System.Globalization.CultureInfo.InvariantCulture) };
        if (Option(args, "--soak-minutes", names) is { } soakMinutes)
            size = size with { SoakWindows = (int)Math.Ceiling(double.Parse(soakMinutes, System.Globalization.CultureInfo.InvariantCulture) / size.SoakWindow.TotalMinutes) };
        var results = await BenchRunner.RunAsync(names, size, Console.Out);
        Console.WriteLine();
        Console.WriteLine(BenchRunner.Table(results));
        var json = Path.GetFullPath("bench-results.json");
        await File.WriteAllTextAsync(json, BenchRunner.Json(results, quick ? "quick" : "full"));
        Console.WriteLine($"\nWrote {json}");
        return 0;
    }

    /// <summary><c>fuzz [--seconds N] [--seed S] [--regressions DIR]</c>: each target for N seconds (eng/fuzz.sh).</summary>
    private static async Task<int> FuzzAsync(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var seconds = int.Parse(Value("--seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture);
        var seed = int.Parse(Value("--seed") ?? Environment.TickCount.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var regressions = Path.GetFullPath(Value("--regressions") ?? "Nacars.Tests/Intake/Attachments/Regressions");
        var scratch = Directory.CreateTempSubdirectory("nacars-fuzz").FullName;
        Console.WriteLine($"Fuzzing for {seconds} s a target, seed {seed}; findings go to {regressions}");
        var findings = 0;
        foreach (var target in new[] { Fuzz.FuzzTarget.Files(), Fuzz.FuzzTarget.Multipart(scratch) })
            findings += await new Fuzz.Fuzzer(target, regressions, seed, TimeSpan.FromSeconds(10)).RunAsync(TimeSpan.FromSeconds(seconds), Console.Out);
        Directory.Delete(scratch, recursive: true);
        return findings == 0 ? 0 : 1;
    }

    /// <summary>The value after <paramref name="name"/>, taken out of the scenario names.</summary>
    private static string? Option(string[] args, string name, List<string> names)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0 || at + 1 >= args.Length) return null;
        names.Remove(args[at + 1]);
        return args[at + 1];
    }
}
