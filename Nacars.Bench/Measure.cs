using System.Diagnostics;

namespace Nacars.Bench;

/// <summary>One scenario's outcome: its figures, the raw baseline measured in the same run, and the goal.</summary>
public sealed record ScenarioResult(string Scenario, string What, Dictionary<string, double> Figures, Dictionary<string, double> Baseline,
    double? Ratio, string Goal, bool GoalMet, string Notes = "");

public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 3);
    }

    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
