using System.Globalization;
using CsvHelper;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;

namespace Nacars.Core.Supervision;

/// <summary>
/// The supervision tables as CSV (CsvHelper), in the figures the page shows. Every file is written by a writer from
/// <see cref="Writer(TextWriter)"/> or <see cref="Writer(Stream)"/>, the one place that protects the spreadsheet a
/// supervisor opens it in: a text cell starting with <c>= + - @</c>, a tab or a CR (a re-route reason, a name in an
/// audit detail, anything a person typed) is written with a leading <c>'</c>, so it shows as text instead of running as
/// a formula. Numbers are written as numbers and are never touched.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>RFC 4180, invariant numbers, formula injection escaped.</summary>
    private static CsvWriterOptions Options() => new()
    {
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static CsvWriter Writer(TextWriter text) => CsvWriter.Create(text, Options(), leaveOpen: true);

    public static CsvWriter Writer(Stream stream) => CsvWriter.Create(stream, Options(), leaveOpen: true);

    private static readonly string[] ForceHeader = ["Force", "ForceCode", "Received", "Decided", "Disseminated", "NotDisseminated", "Open",
        "DisseminatedOfReceivedPercent", "DisseminatedOfDecidedPercent", "Urgent", "MedianHoursToSent", "P90HoursToSent", "ReroutedIn", "ReroutedOut",
        "ReasonsNotDisseminated"];

    /// <summary>One row per force and a last one for the national total.</summary>
    public static string ForceRates(IReadOnlyList<ForceRate> rows) => Write(ForceHeader, rows.Append(SupervisionStatistics.National(rows)), (csv, r) =>
    {
        csv.WriteField(r.ForceName);
        csv.WriteField(r.ForceCode);
        Counts(csv, r);
        csv.WriteField(r.Urgent, default);
        csv.WriteField(r.MedianHoursToSent, default);
        csv.WriteField(r.P90HoursToSent, default);
        csv.WriteField(r.ReroutedIn, default);
        csv.WriteField(r.ReroutedOut, default);
        csv.WriteField(string.Join("; ", r.ReasonsNotDisseminated.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}")));
    });

    private static readonly string[] CountsHeader = ["Received", "Decided", "Disseminated", "NotDisseminated", "Open",
        "DisseminatedOfReceivedPercent", "DisseminatedOfDecidedPercent"];

    public static string Monthly(IEnumerable<MonthFigures> rows) => Write(["Month", .. CountsHeader], rows, (csv, m) =>
    {
        csv.WriteField(m.Month);
        Counts(csv, m);
    });

    /// <summary>The force × month grid, one row per cell (every force that received a contact, every month).</summary>
    public static string Grid(ForceMonthGrid grid) => Write(["Force", "ForceCode", "Month", .. CountsHeader],
        grid.Forces.SelectMany(f => grid.Months.Select(m => grid.Cell(f, m))), (csv, c) =>
        {
            csv.WriteField(c.ForceName);
            csv.WriteField(c.ForceCode);
            csv.WriteField(c.Month);
            Counts(csv, c);
        });

    /// <summary>Receipt to first send per force and month: how many were sent, the median and the 90th percentile.</summary>
    public static string Timeliness(ForceMonthGrid grid) => Write(["Force", "ForceCode", "Month", "FirstSent", "MedianHoursToSent", "P90HoursToSent"],
        grid.Forces.SelectMany(f => grid.Months.Select(m => grid.Cell(f, m))), (csv, c) =>
        {
            csv.WriteField(c.ForceName);
            csv.WriteField(c.ForceCode);
            csv.WriteField(c.Month);
            csv.WriteField(c.FirstSent, default);
            csv.WriteField(c.MedianHoursToSent, default);
            csv.WriteField(c.P90HoursToSent, default);
        });

    public static string Workload(IEnumerable<AnalystDay> rows) => Write(["Day", "Analyst", "Decisions"], rows, (csv, w) =>
    {
        csv.WriteField(w.Day, "yyyy-MM-dd");
        csv.WriteField(w.Analyst);
        csv.WriteField(w.Decisions, default);
    });

    /// <summary>Contacts not disseminated, by reason: per force, then the national total.</summary>
    public static string Reasons(IReadOnlyList<ForceRate> rows) => Write(["Force", "ForceCode", "Reason", "Description", "Count"],
        rows.Append(SupervisionStatistics.National(rows)).SelectMany(r => r.ReasonsNotDisseminated.OrderBy(kv => kv.Key).Select(kv => (Row: r, kv.Key, kv.Value))),
        (csv, x) =>
        {
            csv.WriteField(x.Row.ForceName);
            csv.WriteField(x.Row.ForceCode);
            csv.WriteField(x.Key.ToString());
            csv.WriteField(NotDisseminatedReasons.Describe(x.Key));
            csv.WriteField(x.Value, default);
        });

    /// <summary>How each force answered, per month the contacts were received: acknowledgements, working hours to
    /// acknowledge, reminders, and the latest outcome of each report by kind.</summary>
    public static string Acknowledgements(IEnumerable<ForceMonthFeedback> rows) => Write(
        ["Force", "ForceCode", "Month", "Sent", "Acknowledged", "MedianWorkingHoursToAcknowledge", "P90WorkingHoursToAcknowledge", "RemindersSent",
            .. Enum.GetValues<ForceFeedback.OutcomeKind>().Select(k => $"Outcome{k}")],
        rows, (csv, r) =>
        {
            csv.WriteField(Forces.ForceDirectory.NameOf(r.ForceCode));
            csv.WriteField(r.ForceCode);
            csv.WriteField(r.Month);
            csv.WriteField(r.Sent, default);
            csv.WriteField(r.Acknowledged, default);
            csv.WriteField(r.MedianHours, default);
            csv.WriteField(r.P90Hours, default);
            csv.WriteField(r.Reminders, default);
            foreach (var kind in Enum.GetValues<ForceFeedback.OutcomeKind>()) csv.WriteField(r.Outcomes.GetValueOrDefault(kind), default);
        });

    private static readonly string[] AuditHeader = ["Sequence", "AtUtc", "AtUk", "Actor", "Action", "Reference", "Detail", "Hash"];

    /// <summary>An audit extract, written to <paramref name="output"/> as the events are read (a year's trail is never
    /// held in memory). Details are as decrypted, so anyone's typing is escaped like every other cell.</summary>
    public static async Task WriteAuditAsync(Stream output, IAsyncEnumerable<AuditEvent> events, CancellationToken ct)
    {
        await using var csv = Writer(output);
        csv.WriteHeader(AuditHeader);
        await foreach (var e in events.WithCancellation(ct))
        {
            if (e.Sequence is { } sequence) csv.WriteField(sequence, default);
            else csv.WriteField("");
            csv.WriteField(DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc), "yyyy-MM-dd'T'HH:mm:ss'Z'");
            csv.WriteField(UkTime.FromUtc(e.AtUtc), "yyyy-MM-dd HH:mm:ss");
            csv.WriteField(e.Actor);
            csv.WriteField(e.Action);
            csv.WriteField(e.ContactReference ?? "");
            csv.WriteField(e.DetailErased ? AuditEvent.ErasedText : e.Detail ?? "");
            csv.WriteField(e.Hash ?? "");
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    private static void Counts(CsvWriter csv, IDisseminationCounts c)
    {
        csv.WriteField(c.Received, default);
        csv.WriteField(c.Decided, default);
        csv.WriteField(c.Disseminated, default);
        csv.WriteField(c.NotDisseminated, default);
        csv.WriteField(c.Open, default);
        csv.WriteField(c.RateOfReceivedPercent, default);
        csv.WriteField(c.RateOfDecidedPercent, default);
    }

    private static string Write<T>(string[] header, IEnumerable<T> rows, Action<CsvWriter, T> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Writer(text))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                write(csv, row);
                csv.EndRecord();
            }
            csv.Flush();
        }
        return text.ToString();
    }
}
