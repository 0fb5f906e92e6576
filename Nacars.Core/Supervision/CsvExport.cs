using System.Globalization;
using CsvHelper;

namespace Nacars.Core.Supervision;

/// <summary>The supervision tables as CSV (CsvHelper), in the same figures the page shows.</summary>
public static class CsvExport
{
    private static readonly string[] ForceHeader = ["Force", "ForceCode", "Received", "Disseminated", "RatePercent", "NotDisseminated",
        "Open", "Urgent", "MedianHoursToSent", "P90HoursToSent", "ReroutedIn", "ReroutedOut", "ReasonsNotDisseminated"];

    private static readonly string[] MonthHeader = ["Month", "Received", "Disseminated", "RatePercent"];

    public static string ForceRates(IEnumerable<ForceRate> rows) => Write(ForceHeader, rows.Select(r => new[]
    {
        r.ForceName, r.ForceCode, N(r.Received), N(r.Disseminated), N(r.RatePercent), N(r.NotDisseminated), N(r.Open), N(r.Urgent),
        N(r.MedianHoursToSent), N(r.P90HoursToSent), N(r.ReroutedIn), N(r.ReroutedOut),
        string.Join("; ", r.ReasonsNotDisseminated.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}")),
    }));

    public static string Monthly(IEnumerable<MonthFigures> rows) =>
        Write(MonthHeader, rows.Select(m => new[] { m.Month, N(m.Received), N(m.Disseminated), N(m.RatePercent) }));

    private static string N(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Write(string[] header, IEnumerable<string[]> lines)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, true))
        {
            csv.WriteHeader(header);
            foreach (var line in lines) csv.WriteRecord(line);
            csv.Flush();
        }
        return text.ToString();
    }
}
