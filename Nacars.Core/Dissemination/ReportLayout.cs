using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static Nacars.Core.Dissemination.PdfInformationReportRenderer;

namespace Nacars.Core.Dissemination;

/// <summary>A cursor down the page that starts a new page when the next line would not fit. Shared by the information
/// report and the monthly pack; <paramref name="urgent"/> leaves room under the header for the information report's
/// URGENT band and draws its Urgency row in red.</summary>
internal sealed class ReportLayout(PdfDocument document, List<(PdfPage Page, XGraphics Gfx)> pages, bool urgent = false)
{
    private XGraphics _gfx = null!;
    private PdfPage _page = null!;
    private double _y = double.MaxValue;
    private double Width => _page.Width.Point - 2 * Margin;
    private double Bottom => _page.Height.Point - FooterHeight;

    /// <summary>Starts a new page unless <paramref name="height"/> fits on this one; says whether it started one.</summary>
    private bool Ensure(double height)
    {
        if (_page is not null && _y + height <= Bottom) return false;
        _page = document.AddPage();
        _page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        pages.Add((_page, _gfx));
        _y = HeaderHeight + 16 + (urgent ? UrgentBand : 0);
        return true;
    }

    public void Gap(double points) => _y += points;

    /// <summary>A picture on a page of its own, under its caption, as large as the page allows without enlarging it
    /// beyond its own size (a small screenshot stays sharp).</summary>
    public void ImagePage(ReportImage image, int number, int count)
    {
        _y = double.MaxValue; // always a fresh page
        Heading(count == 1 ? "Image provided by the reporter" : $"Image {number} of {count} provided by the reporter");
        Paragraphs(image.Caption, Font(9), Grey);
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
        var font = Font(11.5, bold: true);
        Ensure(40);
        _y += 10;
        _gfx.DrawString(text, font, new XSolidBrush(Navy), new XRect(Margin, _y, Width, 16), XStringFormats.TopLeft);
        _y += 20;
    }

    /// <summary>Label and value rows. A label too long for its column wraps like the value (the monthly pack's labels are
    /// the forces' own outcome and reason wording); the information report's labels all fit on one line.</summary>
    public void Table(IReadOnlyList<(string Label, string Value)> rows, double labelWidth = 120)
    {
        var labelFont = Font(9.5, bold: true);
        var valueFont = Font(10);
        const double pad = 5, lineHeight = 13.5;
        var pen = new XPen(Rule, 0.6);
        foreach (var (label, value) in rows)
        {
            Ensure(lineHeight + 2 * pad);
            var labels = Wrap(_gfx, Printable(label), labelFont, labelWidth - 2 * pad);
            var lines = Wrap(_gfx, Printable(value), valueFont, Width - labelWidth - 2 * pad);
            var height = Math.Max(labels.Count, lines.Count) * lineHeight + 2 * pad;
            Ensure(height);
            _gfx.DrawRectangle(pen, new XSolidBrush(Shade), Margin, _y, labelWidth, height);
            _gfx.DrawRectangle(pen, Margin + labelWidth, _y, Width - labelWidth, height);
            for (var i = 0; i < labels.Count; i++)
                _gfx.DrawString(labels[i], labelFont, XBrushes.Black, new XRect(Margin + pad, _y + pad + i * lineHeight, labelWidth, lineHeight), XStringFormats.TopLeft);
            for (var i = 0; i < lines.Count; i++)
                _gfx.DrawString(lines[i], valueFont, label == "Urgency" && urgent ? new XSolidBrush(Red) : XBrushes.Black,
                    new XRect(Margin + labelWidth + pad, _y + pad + i * lineHeight, Width, lineHeight), XStringFormats.TopLeft);
            _y += height;
        }
    }

    /// <summary>Rows of cells under a shaded header row. Column widths are in proportion to <paramref name="columns"/>'
    /// widths, scaled to the text width; each cell wraps within its column. A row is never split across pages, and the
    /// header is drawn again at the top of each page the rows run onto, so a page read alone still names its columns.</summary>
    public void Grid(IReadOnlyList<(string Header, double Width)> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var headerFont = Font(8.5, bold: true);
        var cellFont = Font(8.5);
        const double pad = 4, lineHeight = 11.5;
        var pen = new XPen(Rule, 0.6);
        Ensure(0); // a page to measure on
        var scale = Width / columns.Sum(c => c.Width);
        var header = Cells(columns.Select(c => c.Header).ToList(), headerFont);
        var body = rows.Select(row => Cells(row, cellFont)).ToList();
        Ensure(Height(header) + (body.Count > 0 ? Height(body[0]) : 0)); // the header never ends a page alone
        GridRow(header, headerFont, new XSolidBrush(Shade));
        foreach (var cells in body)
        {
            if (Ensure(Height(cells))) GridRow(header, headerFont, new XSolidBrush(Shade));
            GridRow(cells, cellFont, null);
        }

        List<List<string>> Cells(IReadOnlyList<string> texts, XFont font) =>
            [.. texts.Select((text, i) => Wrap(_gfx, Printable(text), font, columns[i].Width * scale - 2 * pad))];

        static double Height(List<List<string>> cells) => cells.Max(c => c.Count) * lineHeight + 2 * pad;

        void GridRow(List<List<string>> cells, XFont font, XBrush? fill)
        {
            var height = Height(cells);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var width = columns[i].Width * scale;
                if (fill is null) _gfx.DrawRectangle(pen, x, _y, width, height);
                else _gfx.DrawRectangle(pen, fill, x, _y, width, height);
                for (var line = 0; line < cells[i].Count; line++)
                    _gfx.DrawString(cells[i][line], font, XBrushes.Black, new XRect(x + pad, _y + pad + line * lineHeight, width - pad, lineHeight), XStringFormats.TopLeft);
                x += width;
            }
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
