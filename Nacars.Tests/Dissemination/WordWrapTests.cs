using Nacars.Core.Dissemination;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Nacars.Tests.Dissemination;

/// <summary>The report's word wrap cuts lines out of the text: nothing is lost or reordered, lines fit the width, and
/// only a word longer than a line is broken.</summary>
public class WordWrapTests
{
    private const double Width = 200;

    [Theory]
    [InlineData("A sergeant sold custody records to a journalist for cash, most Fridays since September, at the station.")]
    [InlineData("one")]
    [InlineData("")]
    [InlineData("two  spaces   between and a trailing space ")]
    public void Lines_fit_and_rejoin_to_the_text(string text)
    {
        var (gfx, font) = Canvas();

        var lines = PdfInformationReportRenderer.Wrap(gfx, text, font, Width);

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(line.Length <= 1 || gfx.MeasureString(line, font).Width <= Width + 0.01, $"'{line}' is too wide"));
        Assert.Equal(Words(text), Words(string.Join(" ", lines)));
    }

    [Fact]
    public void Only_a_word_longer_than_a_line_is_broken()
    {
        var (gfx, font) = Canvas();
        const string longWord = "Supercalifragilisticexpialidocious-and-then-some-more-to-be-broken-across-lines";

        var lines = PdfInformationReportRenderer.Wrap(gfx, $"short {longWord} end", font, Width);

        Assert.Equal("short", lines[0]);
        Assert.True(lines.Count >= 3);
        Assert.Equal(longWord + " end", string.Concat(lines.Skip(1)));
        Assert.All(lines, line => Assert.True(gfx.MeasureString(line, font).Width <= Width + 0.01));
    }

    [Fact]
    public void Each_line_takes_as_many_words_as_fit()
    {
        var (gfx, font) = Canvas();
        var text = string.Join(" ", Enumerable.Repeat("information", 40));

        var lines = PdfInformationReportRenderer.Wrap(gfx, text, font, Width);

        Assert.True(lines.Count > 1);
        foreach (var line in lines.SkipLast(1))
            Assert.True(gfx.MeasureString(line + " information", font).Width > Width, $"'{line}' had room for one more word");
        Assert.Equal(40, lines.Sum(l => l.Split(' ').Length));
    }

    private static List<string> Words(string text) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static (XGraphics, XFont) Canvas()
    {
        _ = new PdfInformationReportRenderer(); // registers the embedded fonts
        var document = new PdfDocument();
        var gfx = XGraphics.FromPdfPage(document.AddPage());
        return (gfx, new XFont("DejaVu Sans", 10, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode)));
    }
}
