using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static Nacars.Core.Dissemination.PdfInformationReportRenderer;

namespace Nacars.Core.Dissemination;

/// <summary>A cursor down the page that starts a new page when the next line would not fit.</summary>
internal sealed class ReportLayout(PdfInformationReportRenderer renderer, PdfDocument document, List<(PdfPage Page, XGraphics Gfx)> pages, InformationReport report)
{
    private XGraphics _gfx = null!;
    private PdfPage _page = null!;
    private double _y = double.MaxValue;
    private double Width => _page.Width.Point - 2 * Margin;
    private double Bottom => _page.Height.Point - FooterHeight;

    private void Ensure(double height)
    {
        if (_page is not null && _y + height <= Bottom) return;
        _page = document.AddPage();
        _page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        pages.Add((_page, _gfx));
        _y = HeaderHeight + 16 + (report.Urgent ? UrgentBand : 0);
    }

    public void Gap(double points) => _y += points;

    /// <summary>A picture on a page of its own, under its caption, as large as the page allows without enlarging it
    /// beyond its own size (a small screenshot stays sharp).</summary>
    public void ImagePage(ReportImage image, int number, int count)
    {
        _y = double.MaxValue; // always a fresh page
        Heading(count == 1 ? "Image provided by the reporter" : $"Image {number} of {count} provided by the reporter");
        Paragraphs(image.Caption, renderer.Font(9), Grey);
        Gap(6);
        using var stream = new MemoryStream(image.Content, writable: false);
        using var picture = XImage.FromStream(stream);
        var room = (Width: Width, Height: Bottom - _y);
        var natural = (Width: picture.PointWidth, Height: picture.PointHeight);
        var scale = Math.Min(1, Math.Min(room.Width / natural.Width, room.Height / natural.Height));
        _gfx.DrawImage(picture, Margin, _y, natural.Width * scale, natural.Height * scale);
        _y += natural.Height * scale;
    }

    public void Heading(string text)
    {
        var font = renderer.Font(11.5, bold: true);
        Ensure(40);
        _y += 10;
        _gfx.DrawString(text, font, new XSolidBrush(Navy), new XRect(Margin, _y, Width, 16), XStringFormats.TopLeft);
        _y += 20;
    }

    public void Table(IReadOnlyList<(string Label, string Value)> rows)
    {
        var labelFont = renderer.Font(9.5, bold: true);
        var valueFont = renderer.Font(10);
        const double labelWidth = 120, pad = 5, lineHeight = 13.5;
        var pen = new XPen(Rule, 0.6);
        foreach (var (label, value) in rows)
        {
            Ensure(lineHeight + 2 * pad);
            var lines = Wrap(_gfx, Printable(value), valueFont, Width - labelWidth - 2 * pad);
            var height = lines.Count * lineHeight + 2 * pad;
            Ensure(height);
            _gfx.DrawRectangle(pen, new XSolidBrush(Shade), Margin, _y, labelWidth, height);
            _gfx.DrawRectangle(pen, Margin + labelWidth, _y, Width - labelWidth, height);
            _gfx.DrawString(label, labelFont, XBrushes.Black, new XRect(Margin + pad, _y + pad, labelWidth, lineHeight), XStringFormats.TopLeft);
            for (var i = 0; i < lines.Count; i++)
                _gfx.DrawString(lines[i], valueFont, label == "Urgency" && report.Urgent ? new XSolidBrush(Red) : XBrushes.Black,
                    new XRect(Margin + labelWidth + pad, _y + pad + i * lineHeight, Width, lineHeight), XStringFormats.TopLeft);
            _y += height;
        }
    }

    public void Paragraphs(string text, XFont font, XColor? colour = null)
    {
        var brush = new XSolidBrush(colour ?? XColors.Black);
        var lineHeight = font.Size * 1.45;
        Ensure(lineHeight);
        foreach (var paragraph in Printable(text).Replace("\r\n", "\n").Split('\n'))
        {
            foreach (var line in Wrap(_gfx, paragraph, font, Width))
            {
                Ensure(lineHeight);
                _gfx.DrawString(line, font, brush, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
            _y += lineHeight * 0.35;
        }
    }
}
