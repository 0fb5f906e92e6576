using Nacars.Bench.Scenarios;

namespace Nacars.Bench;

/// <summary><c>dotnet run -c Release --project Nacars.Bench -- [scenario…] [--quick]</c></summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--circuit-client", var url, var count])
            return await CircuitsScenario.RunClientAsync(new Uri(url), int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
        if (args is ["--dashboard-client", var dashboardUrl, var pages])
            return await DashboardsScenario.RunClientAsync(new Uri(dashboardUrl), int.Parse(pages, System.Globalization.CultureInfo.InvariantCulture));
        var quick = args.Contains("--quick");
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var results = await BenchRunner.RunAsync(names, quick ? BenchSize.Quick : BenchSize.Full, Console.Out);
        Console.WriteLine();
        Console.WriteLine(BenchRunner.Table(results));
        var json = Path.GetFullPath("bench-results.json");
        await File.WriteAllTextAsync(json, BenchRunner.Json(results, quick ? "quick" : "full"));
        Console.WriteLine($"\nWrote {json}");
        return 0;
    }
}
