namespace Nacars.Core.Supervision;

/// <summary>Median and 90th percentile (nearest rank) of working minutes to acknowledge, in hours: one definition for
/// the supervision table, its CSV and the monthly pack.</summary>
public static class AcknowledgementTimes
{
    public static (double? Median, double? P90) HoursOf(IEnumerable<int> workingMinutes)
    {
        var sorted = workingMinutes.Order().ToArray();
        if (sorted.Length == 0) return (null, null);
        return (Hours(sorted, 0.5), Hours(sorted, 0.9));
    }

    private static double Hours(int[] sorted, double p) => Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)] / 60.0, 1);
}
