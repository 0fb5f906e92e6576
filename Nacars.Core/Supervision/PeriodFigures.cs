using System.Globalization;
using Nacars.Core.Contacts;
using Nacars.Core.Forces;

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

public static class DisseminationRates
{
    public static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}

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

/// <summary>All forces' figures for one whole UK month (received in it).</summary>
public sealed record MonthFigures(string Month, int Received, int Disseminated, int NotDisseminated, int Open) : IDisseminationCounts
{
    public int Decided => Disseminated + NotDisseminated;
    public double? RateOfReceivedPercent => DisseminationRates.Percent(Disseminated, Received);
    public double? RateOfDecidedPercent => DisseminationRates.Percent(Disseminated, Decided);
}

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

/// <summary>Forces by whole UK months: every month the period touches, from its first day to its last, so that a cell
/// is exactly what a search of that force and month finds.</summary>
public sealed record ForceMonthGrid(IReadOnlyList<string> Months, IReadOnlyList<ForceMonthFigures> Cells)
{
    private readonly Dictionary<(string, string), ForceMonthFigures> _cells = Cells.ToDictionary(c => (c.ForceCode, c.Month));

    /// <summary>The forces that received a contact in any of the months, by name.</summary>
    public IReadOnlyList<string> Forces { get; } = [.. Cells.Where(c => c.Received > 0).Select(c => c.ForceCode).Distinct()
        .OrderBy(ForceDirectory.NameOf, StringComparer.Ordinal)];

    /// <summary>The force's figures in the month; zeros when nothing was received.</summary>
    public ForceMonthFigures Cell(string forceCode, string month) =>
        _cells.GetValueOrDefault((forceCode, month)) ?? new ForceMonthFigures(forceCode, month, 0, 0, 0, 0, 0, null, null);
}

public sealed record PeriodFigures(IReadOnlyList<ForceRate> Forces, IReadOnlyList<MonthFigures> Months, ForceMonthGrid Grid);

/// <summary>UK months as the figures name them: "2026-11".</summary>
public static class Months
{
    public static string Of(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly FirstDay(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every month from the one <paramref name="from"/> is in to the one <paramref name="to"/> is in.</summary>
    public static IReadOnlyList<string> Spanning(DateOnly from, DateOnly to)
    {
        var months = new List<string>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1)) months.Add(Of(m));
        return months;
    }

    /// <summary>"Nov 2026".</summary>
    public static string Label(string month) => FirstDay(month).ToString("MMM yyyy", UkTime.Culture);
}
