namespace Nacars.Core.Supervision;

/// <summary>All forces' figures for one whole UK month (received in it).</summary>
public sealed record MonthFigures(string Month, int Received, int Disseminated, int NotDisseminated, int Open) : IDisseminationCounts
{
    public int Decided => Disseminated + NotDisseminated;
    public double? RateOfReceivedPercent => DisseminationRates.Percent(Disseminated, Received);
    public double? RateOfDecidedPercent => DisseminationRates.Percent(Disseminated, Decided);
}
