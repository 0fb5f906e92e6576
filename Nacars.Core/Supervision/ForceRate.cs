using Nacars.Core.Contacts;

namespace Nacars.Core.Supervision;

/// <summary>One force's figures for the contacts received in a period. A contact counts at the force it was decided for
/// (or is assigned to while open); re-routes to and from other forces are counted apart (ADR 0008).</summary>
public sealed record ForceRate(
    string ForceCode, string ForceName, int Received, int Disseminated, int NotDisseminated, int Open, int Urgent,
    double? MedianHoursToSent, double? P90HoursToSent, IReadOnlyDictionary<NotDisseminatedReason, int> ReasonsNotDisseminated,
    int ReroutedIn, int ReroutedOut) : IDisseminationCounts
{
    public int Decided => Disseminated + NotDisseminated;
    public double? RateOfReceivedPercent => DisseminationRates.Percent(Disseminated, Received);
    public double? RateOfDecidedPercent => DisseminationRates.Percent(Disseminated, Decided);
}
