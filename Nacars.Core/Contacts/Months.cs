using System.Globalization;

namespace Nacars.Core.Contacts;

/// <summary>UK months as the figures name them: "2026-11".</summary>
public static class Months
{
    /// <summary>Whether <paramref name="text"/> names a month as the figures do ("2026-11").</summary>
    public static bool IsMonth(string? text) =>
        text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

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
