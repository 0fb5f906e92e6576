using System.Globalization;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static Nacars.Core.Dissemination.PdfInformationReportRenderer;

namespace Nacars.Core.Supervision;

/// <summary>
/// A force's monthly pack as an A4 PDF, drawn like the information report (PDFsharp 6.2.4, the embedded DejaVu fonts,
/// the same page frame and layout) so the force's anti-corruption unit reads both the same way. The pack holds counts
/// and report references only, never an account or anything of a reporter, so it is marked OFFICIAL rather than
/// OFFICIAL-SENSITIVE. The same pack renders to the same bytes, so a pack that was sent can be rendered again and
/// compared with what the force received.
/// </summary>
public sealed class MonthlyPackRenderer
{
    private const string Marking = "OFFICIAL";

    // Labels such as "90th percentile time to acknowledge" and the forces' own outcome wording need a wider label
    // column than the information report's.
    private const double LabelWidth = 250;

    // Wide enough that a reference and a UK date and time each fit on one line at the table's size.
    private static readonly (string Header, double Width)[] ReportColumns =
        [("Reference", 84), ("Sent (UK)", 112), ("Urgent", 44), ("Acknowledged (UK)", 112), ("Working hours", 52), ("Outcome", 91)];

    static MonthlyPackRenderer() => EmbeddedFonts.Register();

    public byte[] Render(MonthlyPack pack)
    {
        var month = Months.FirstDay(pack.Month).ToString("MMMM yyyy", UkTime.Culture);
        var document = new PdfDocument();
        // A few pages of text, as the information report: the fastest compression (benchmark pdf).
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = $"NACARS monthly pack {pack.ForceCode} {pack.Month}";
        document.Info.Author = pack.ServiceName;
        document.Info.Subject = Marking;
        // Dates from the pack, not the clock, so that rendering the same pack twice gives the same bytes.
        document.Info.CreationDate = pack.PreparedAtUtc;
        document.Info.ModificationDate = pack.PreparedAtUtc;
        document.RenderEvents.RenderTextEvent += BoxMissingGlyphs;
        var pages = new List<(PdfPage Page, XGraphics Gfx)>();
        var layout = new ReportLayout(document, pages);

        layout.Paragraphs($"NACARS monthly pack — {pack.ForceName}", Font(16, bold: true), Navy);
        layout.Paragraphs(month, Font(12));
        layout.Paragraphs($"Prepared {UkTime.Format(pack.PreparedAtUtc)} (UK) by the {pack.ServiceName}.", Font(9), Grey);
        ContactsSection(layout, pack);
        layout.Heading("Urgent reports");
        layout.Table([("Urgent reports", Number(pack.Urgent)), ("Fast-time calls made", Number(pack.FastTimeCalls))], LabelWidth);
        layout.Heading("Acknowledgements");
        layout.Table(
        [
            ("Reports acknowledged", $"{Number(pack.Acknowledged)} of {Number(pack.Reports.Count)} sent"),
            ("Median time to acknowledge", Hours(pack.MedianAcknowledgeWorkingHours)),
            ("90th percentile time to acknowledge", Hours(pack.P90AcknowledgeWorkingHours)),
            ("Reminders sent", Number(pack.RemindersSent)),
        ], LabelWidth);
        layout.Heading("Outcomes you have told us");
        if (pack.Outcomes.Count == 0) layout.Paragraphs("None yet.", Font(10));
        else layout.Table(Counts(pack.Outcomes), LabelWidth);
        layout.Heading("Reports sent to you");
        if (pack.Reports.Count == 0) layout.Paragraphs($"No reports were sent to you in {month}.", Font(10));
        else layout.Grid(ReportColumns, pack.Reports.OrderBy(r => r.SentAtUtc).ThenBy(r => r.Reference, StringComparer.Ordinal).Select(Row).ToList());
        layout.Heading("National picture");
        layout.Paragraphs($"Nationally, {Percent(pack.NationalRate, "0.0")} of the contacts received in {month} were disseminated to a force. " +
            $"The pilot disseminated {Percent(pack.PilotRate, "0.#")}.", Font(10));
        layout.Gap(10);
        layout.Paragraphs($"Queries about this pack: {pack.QueriesContact}.", Font(9), Grey);

        // Page numbers and markings need the page count, so they are drawn last.
        for (var i = 0; i < pages.Count; i++)
        {
            DrawFrame(pages[i].Gfx, pages[i].Page, pack, month, i + 1, pages.Count);
            pages[i].Gfx.Dispose();
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return ReproduciblePdf.Stamp(stream.ToArray());
    }

    /// <summary>What came in about the force and what became of it. Contacts not yet decided are shown as such, so the
    /// three figures always add up to the contacts received.</summary>
    private static void ContactsSection(ReportLayout layout, MonthlyPack pack)
    {
        layout.Heading("Contacts about your force");
        var notDisseminated = pack.NotDisseminated.Sum(c => c.Count);
        List<(string Label, string Value)> rows =
        [
            ("Contacts received", Number(pack.Contacts)),
            ("Disseminated to you", Number(pack.Disseminated)),
            ("Not disseminated", Number(notDisseminated)),
        ];
        var undecided = pack.Contacts - pack.Disseminated - notDisseminated;
        if (undecided > 0) rows.Add(("Still being assessed", Number(undecided)));
        layout.Table(rows, LabelWidth);
        if (pack.NotDisseminated.Count == 0) return;
        layout.Gap(6);
        layout.Paragraphs("Why contacts were not disseminated to you:", Font(10));
        layout.Table(Counts(pack.NotDisseminated), LabelWidth);
    }

    private static List<(string Label, string Value)> Counts(IReadOnlyList<PackCount> counts) =>
        [.. counts.Select(c => (c.Label, Number(c.Count)))];

    private static IReadOnlyList<string> Row(PackReport r) =>
    [
        r.Reference,
        UkTime.Format(r.SentAtUtc),
        r.Urgent ? "Yes" : "No",
        r.AcknowledgedAtUtc is { } acknowledged ? UkTime.Format(acknowledged) : "not yet",
        r.AcknowledgeWorkingHours?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—",
        r.Outcome ?? "not known",
    ];

    private static string Number(int n) => n.ToString("N0", UkTime.Culture);

    private static string Hours(double? hours) =>
        hours is { } h ? $"{h.ToString("0.0", CultureInfo.InvariantCulture)} working hours" : "—";

    private static string Percent(double rate, string format) => (rate * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    private static void DrawFrame(XGraphics gfx, PdfPage page, MonthlyPack pack, string month, int number, int count)
    {
        var width = page.Width.Point;
        var height = page.Height.Point;
        var marking = Font(10, bold: true);
        gfx.DrawString(Marking, marking, XBrushes.Black, new XRect(0, 18, width, 14), XStringFormats.TopCenter);
        gfx.DrawString(Marking, marking, XBrushes.Black, new XRect(0, height - 28, width, 14), XStringFormats.TopCenter);
        gfx.DrawString(pack.ServiceName, Font(11, bold: true), new XSolidBrush(Navy), new XRect(Margin, 38, width, 14), XStringFormats.TopLeft);
        gfx.DrawString($"Monthly pack  {Printable(pack.ForceName)} · {month}", Font(10), XBrushes.Black, new XRect(Margin, 54, width, 12), XStringFormats.TopLeft);
        gfx.DrawString($"Page {number} of {count}", Font(9), new XSolidBrush(Grey), new XRect(0, 54, width - Margin, 12), XStringFormats.TopRight);
        gfx.DrawLine(new XPen(Navy, 1.2), Margin, HeaderHeight, width - Margin, HeaderHeight);
        gfx.DrawLine(new XPen(Rule, 0.5), Margin, height - FooterHeight + 10, width - Margin, height - FooterHeight + 10);
        gfx.DrawString($"NACARS monthly pack {pack.ForceCode} {pack.Month} · prepared {UkTime.Format(pack.PreparedAtUtc)} (UK) · counts and report references only",
            Font(7.5), new XSolidBrush(Grey), new XRect(Margin, height - FooterHeight + 14, width - 2 * Margin, 10), XStringFormats.TopLeft);
    }
}
