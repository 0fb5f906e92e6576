namespace Nacars.Core.Supervision;

public static class DisseminationRates
{
    public static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
