using Nacars.Core.Contacts;
using Nacars.Core.Forces;

namespace Nacars.Core.Supervision;

/// <summary>One force in one whole UK month: the counts, and the median and 90th percentile hours from receipt to the
/// first information report's send for the contacts received that month (null when none has been sent).</summary>
public sealed record ForceMonthFigures(
    string ForceCode, string Month, int Received, int Disseminated, int NotDisseminated, int Open, int FirstSent,
    double? MedianHoursToSent, double? P90HoursToSent) : IDisseminationCounts
{
    public int Decided => Disseminated + NotDisseminated;
    public double? RateOfReceivedPercent => DisseminationRates.Percent(Disseminated, Received);
    public double? RateOfDecidedPercent => DisseminationRates.Percent(Disseminated, Decided);
    public string ForceName => ForceDirectory.NameOf(ForceCode);
    public DateOnly FirstDay => Months.FirstDay(Month);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);
}
