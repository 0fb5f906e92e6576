using System.Reflection;
using PdfSharp.Fonts;

namespace Nacars.Core.Dissemination;

/// <summary>Serves the DejaVu Sans fonts embedded in this assembly to PDFsharp (it finds none by itself on Linux).</summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    private static readonly Lock Gate = new();

    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts) GlobalFontSettings.FontResolver = new EmbeddedFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Nacars.Core.Dissemination.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Embedded font {faceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
