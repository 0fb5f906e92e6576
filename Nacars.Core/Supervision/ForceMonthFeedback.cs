using Nacars.Core.ForceFeedback;

namespace Nacars.Core.Supervision;

/// <summary>One force's answers to the reports sent to it in one UK month.</summary>
/// <param name="Sent">Reports the relay accepted for the force in the month.</param>
/// <param name="MedianHours">Working hours from sending to acknowledgement, median and 90th percentile; null with none acknowledged.</param>
/// <param name="Outcomes">The latest outcome of each report, by kind.</param>
public sealed record ForceMonthFeedback(string ForceCode, string Month, int Sent, int Acknowledged, double? MedianHours, double? P90Hours, int Reminders,
    IReadOnlyDictionary<OutcomeKind, int> Outcomes)
{
    public int OutcomesKnown => Outcomes.Values.Sum();
}
