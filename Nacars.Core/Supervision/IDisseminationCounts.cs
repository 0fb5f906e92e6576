namespace Nacars.Core.Supervision;

/// <summary>
/// The two dissemination rates, each named for what it divides by, so no table, chart or CSV can mean one and show the
/// other. "Of received" counts every contact received, decided or still open: the measure of the Met pilot's ~35%.
/// "Of decided" leaves the open ones out: what the analysts' decisions alone come to.
/// </summary>
public interface IDisseminationCounts
{
    int Received { get; }
    /// <summary>Disseminated and not disseminated.</summary>
    int Decided { get; }
    int Disseminated { get; }
    int NotDisseminated { get; }
    int Open { get; }
    /// <summary>Disseminated as a percentage of all contacts received (decided or open); null when none were received.</summary>
    double? RateOfReceivedPercent { get; }
    /// <summary>Disseminated as a percentage of the contacts decided; null when none were decided.</summary>
    double? RateOfDecidedPercent { get; }
}
