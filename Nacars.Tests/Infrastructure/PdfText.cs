using System.Text;
using System.Text.RegularExpressions;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Nacars.Tests.Infrastructure;

/// <summary>A PDF's text page by page, read with PdfPig as a reader's tools would. PdfPig glues separate text runs
/// together, so comparisons ignore whitespace; a label and its figure are drawn one after the other, so "Disseminated
/// to you 5" checks the figure in its place, not just somewhere on the page.</summary>
public sealed record PdfText(int PageCount, IReadOnlyList<string> Pages)
{
    public string All => string.Concat(Pages);

    public bool Contains(string fragment) => Squash(All).Contains(Squash(fragment), StringComparison.Ordinal);

    public static string Squash(string text) => Regex.Replace(text, @"\s+", "");

    public static PdfText Read(byte[] bytes)
    {
        Assert.True(bytes.Length > 4 && Encoding.ASCII.GetString(bytes, 0, 5) == "%PDF-", "The renderer did not produce a PDF.");
        using var pdf = PigDocument.Open(bytes);
        return new PdfText(pdf.NumberOfPages, pdf.GetPages().Select(p => p.Text).ToList());
    }

    public static int Occurrences(string text, string fragment) => Regex.Matches(Squash(text), Regex.Escape(Squash(fragment))).Count;
}
