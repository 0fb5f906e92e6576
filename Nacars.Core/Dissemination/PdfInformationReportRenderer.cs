using System.Text;
using Nacars.Core.Contacts;
using PdfSharp.Drawing;
using PdfSharp.Events;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Nacars.Core.Dissemination;

/// <summary>
/// The information report as an A4 PDF, drawn with PDFsharp 6.2.4 (MIT). PDFsharp has no layout engine, so word
/// wrap and page breaks are done here. Fonts (DejaVu Sans) are embedded in this assembly so the PDF renders the same
/// on every machine.
/// </summary>
public sealed class PdfInformationReportRenderer : IInformationReportRenderer
{
    internal const string Family = "DejaVu Sans";
    internal const double Margin = 50, HeaderHeight = 70, FooterHeight = 50, UrgentBand = 24;
    internal const int Box = 0x25A1; // □
    internal static readonly XColor Navy = XColor.FromArgb(29, 53, 87), Grey = XColor.FromArgb(90, 90, 90), Rule = XColor.FromArgb(190, 190, 190);
    internal static readonly XColor Red = XColor.FromArgb(176, 0, 32), Shade = XColor.FromArgb(241, 243, 247);

    static PdfInformationReportRenderer() => EmbeddedFonts.Register();

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    // Creating an XFont is costly; a report uses a handful. Kept per thread because PDFsharp objects are not shared.
    // Static, with the layout, so the monthly pack draws with the same fonts.
    [ThreadStatic] private static Dictionary<(double, bool), XFont>? _fonts;

    internal static XFont Font(double size, bool bold = false)
    {
        _fonts ??= [];
        if (!_fonts.TryGetValue((size, bold), out var font))
            _fonts[(size, bold)] = font = new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
        return font;
    }

    public byte[] Render(InformationReport r)
    {
        var document = new PdfDocument();
        // A report is a few pages of text sent once by email: the fastest compression costs a few kilobytes and saves
        // much of the time spent deflating streams at save (benchmark pdf).
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = $"Information report {r.Reference}";
        document.Info.Author = r.ServiceName;
        document.Info.Subject = "OFFICIAL-SENSITIVE";
        document.Info.CreationDate = r.PreparedAtUtc;
        document.RenderEvents.RenderTextEvent += BoxMissingGlyphs;
        var pages = new List<(PdfPage Page, XGraphics Gfx)>();
        var layout = new ReportLayout(document, pages, r.Urgent);

        layout.Table(
        [
            ("Force", r.ForceName),
            ("Received", $"{UkTime.Format(r.ReceivedAtUtc)} (UK)  ·  {r.Channel}"),
            ("Urgency", r.Urgent ? "URGENT — needs immediate police attention" : "Routine"),
            ("Categories", string.Join(" · ", r.Categories)),
            ("Grading (3x5x2)", r.Grading.Described()),
            ("Subject", r.Subject.IsEmpty ? "Not known" : r.Subject.ToString()),
        ]);
        layout.Heading("Information (sanitised)");
        layout.Paragraphs(r.SanitisedAccount, Font(10.5));
        layout.Heading("Reporter");
        layout.Paragraphs(r.ConsentedReporter is { } who
            ? $"Consented to contact by the force investigation team.\nName: {who.Name ?? "not given"}\nPhone: {who.Phone ?? "not given"}\nEmail: {who.Email ?? "not given"}"
            : "Reporter chose to remain anonymous.", Font(10));
        if (r.FastTimeCall is { } call)
        {
            layout.Heading("Fast-time call");
            layout.Paragraphs($"{UkTime.Format(call.CalledAtUtc)} (UK) — {call.NumberCalled}. Spoke to {call.PersonSpokenTo}. Outcome: {call.Outcome}", Font(10));
        }
        layout.Heading("Handling");
        layout.Paragraphs(r.Grading.Handling == HandlingCode.P
            ? "P — lawful sharing permitted."
            : $"C — lawful sharing permitted with conditions: {r.Grading.HandlingConditions}", Font(10));
        layout.Gap(10);
        layout.Paragraphs($"Queries about this report: {r.QueriesContact}, quoting reference {r.Reference}.", Font(9), Grey);
        for (var i = 0; i < r.ImagePages.Count; i++) layout.ImagePage(r.ImagePages[i], i + 1, r.ImagePages.Count);

        // Page numbers and markings need the page count, so they are drawn last.
        for (var i = 0; i < pages.Count; i++)
        {
            DrawFrame(pages[i].Gfx, pages[i].Page, r, i + 1, pages.Count);
            pages[i].Gfx.Dispose();
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private void DrawFrame(XGraphics gfx, PdfPage page, InformationReport r, int number, int count)
    {
        var width = page.Width.Point;
        var height = page.Height.Point;
        var marking = Font(10, bold: true);
        gfx.DrawString("OFFICIAL-SENSITIVE", marking, new XSolidBrush(Red), new XRect(0, 18, width, 14), XStringFormats.TopCenter);
        gfx.DrawString("OFFICIAL-SENSITIVE", marking, new XSolidBrush(Red), new XRect(0, height - 28, width, 14), XStringFormats.TopCenter);
        gfx.DrawString(r.ServiceName, Font(11, bold: true), new XSolidBrush(Navy), new XRect(Margin, 38, width, 14), XStringFormats.TopLeft);
        gfx.DrawString($"Information report  {r.Reference}", Font(10), XBrushes.Black, new XRect(Margin, 54, width, 12), XStringFormats.TopLeft);
        gfx.DrawString($"Page {number} of {count}", Font(9), new XSolidBrush(Grey), new XRect(0, 54, width - Margin, 12), XStringFormats.TopRight);
        if (r.Urgent)
        {
            // A band across the page under the header: it needs no room from the title, however long the service's name.
            var banner = r.FastTimeCall is { } call ? $"URGENT — fast-time call made {UkTime.FromUtc(call.CalledAtUtc):HH:mm} (UK)" : "URGENT — needs immediate police attention";
            gfx.DrawRectangle(new XSolidBrush(Red), Margin, HeaderHeight + 5, width - 2 * Margin, UrgentBand - 7);
            gfx.DrawString(banner, Font(9.5, bold: true), XBrushes.White, new XRect(Margin + 8, HeaderHeight + 5, width - 2 * Margin - 16, UrgentBand - 7), XStringFormats.CenterLeft);
        }
        gfx.DrawLine(new XPen(Navy, 1.2), Margin, HeaderHeight, width - Margin, HeaderHeight);
        gfx.DrawLine(new XPen(Rule, 0.5), Margin, height - FooterHeight + 10, width - Margin, height - FooterHeight + 10);
        gfx.DrawString($"{r.Reference} · prepared {UkTime.Format(r.PreparedAtUtc)} (UK) · do not forward outside the anti-corruption unit",
            Font(7.5), new XSolidBrush(Grey), new XRect(Margin, height - FooterHeight + 14, width - 2 * Margin, 10), XStringFormats.TopLeft);
    }

    /// <summary>Greedy word wrap: widths are sums of character widths, each character measured once per font (PDFsharp
    /// does not kern, so the sum is the word's and the line's width; measuring every word through PDFsharp had been a
    /// sixth of a report's allocations); a word longer than the line is broken.</summary>
    internal static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var space = gfx.MeasureString("a a", font).Width - gfx.MeasureString("aa", font).Width;
        var lines = new List<string>();
        var current = new StringBuilder();
        var currentWidth = 0.0;
        foreach (var word in text.Split(' '))
        {
            var wordWidth = Width(gfx, word, font);
            var needed = current.Length == 0 ? wordWidth : currentWidth + space + wordWidth;
            if (needed <= width)
            {
                if (current.Length > 0) current.Append(' ');
                current.Append(word);
                currentWidth = needed;
                continue;
            }
            if (current.Length > 0) { lines.Add(current.ToString()); current.Clear(); }
            var rest = word;
            while (rest.Length > 1 && Width(gfx, rest, font) > width)
            {
                var take = rest.Length - 1;
                while (take > 1 && Width(gfx, rest.AsSpan(0, take), font) > width) take--;
                lines.Add(rest[..take]);
                rest = rest[take..];
            }
            current.Append(rest);
            currentWidth = Width(gfx, rest, font);
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current.ToString());
        return lines;
    }

    // Character widths per font, kept per thread like the fonts themselves (PDFsharp objects are not shared).
    [ThreadStatic] private static Dictionary<XFont, Dictionary<char, double>>? _charWidths;

    private static double Width(XGraphics gfx, ReadOnlySpan<char> text, XFont font)
    {
        _charWidths ??= [];
        if (!_charWidths.TryGetValue(font, out var widths)) _charWidths[font] = widths = [];
        var total = 0.0;
        foreach (var c in text)
        {
            if (!widths.TryGetValue(c, out var w)) widths[c] = w = gfx.MeasureString(c.ToString(), font).Width;
            total += w;
        }
        return total;
    }

    /// <summary>A character the embedded fonts have no glyph for would vanish from the report without a trace (PDFsharp
    /// draws nothing for it); it is drawn, and measured, as a box instead, so the reader sees that something was there.</summary>
    internal static void BoxMissingGlyphs(object? sender, RenderTextEventArgs e)
    {
        var pairs = e.CodePointGlyphIndexPairs;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (pairs[i].GlyphIndex != 0 || pairs[i].CodePoint == Box) continue;
            pairs[i] = new CodePointGlyphIndexPair(Box, 0);
            e.ReevaluateGlyphIndices = true;
        }
    }

    /// <summary>Text the public typed, made safe to draw: characters outside the basic plane (emoji and other
    /// symbols, which the font lacks) become a visible box, control characters go, tabs become spaces.</summary>
    internal static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n') sb.Append('\n');
            else if (rune.Value == '\t') sb.Append("    ");
            else if (Rune.IsControl(rune) || rune.Utf16SequenceLength > 1) sb.Append(rune.Utf16SequenceLength > 1 ? "□" : "");
            else sb.Append((char)rune.Value); // one UTF-16 unit: longer sequences were boxed above
        }
        return sb.ToString();
    }
}
