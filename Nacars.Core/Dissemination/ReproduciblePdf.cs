using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Nacars.Core.Dissemination;

/// <summary>
/// Makes a PDF saved by PDFsharp 6.2.4 the same bytes every time for the same content, so a pack can be rendered again
/// and compared, or its hash recorded. On every save PDFsharp draws at random the trailer's file identifier, the XMP
/// packet's document and instance UUIDs, and the six-letter tag of each embedded font subset, and offers no way to set
/// the last three. Each is overwritten in place at its own length (so the cross-reference offsets stay right) with a
/// value derived from a hash of the file with those values blanked: the same content gets the same identifiers, other
/// content other ones. Dates are the caller's: PDFsharp 6.2.4 writes the XMP dates from the document's creation date.
/// </summary>
internal static partial class ReproduciblePdf
{
    // Read as Latin-1, one character per byte, so a match's index is its byte offset. The contexts (trailer, XMP
    // element, font dictionary key) are written by PDFsharp outside any compressed stream.
    [GeneratedRegex(@"/ID\[<([0-9A-F]{32})><([0-9A-F]{32})>\]")]
    private static partial Regex FileIds();

    [GeneratedRegex(@"<xmpMM:(?:DocumentID|InstanceID)>uuid:([0-9a-f-]{36})</xmpMM:")]
    private static partial Regex XmpIds();

    [GeneratedRegex(@"/(?:BaseFont|FontName)/([A-Z]{6})\+")]
    private static partial Regex SubsetTags();

    public static byte[] Stamp(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var fileIds = Found(FileIds(), text);
        var xmpIds = Found(XmpIds(), text);
        var tags = Found(SubsetTags(), text);
        var stamped = (byte[])pdf.Clone();
        foreach (var value in fileIds.Concat(xmpIds).Concat(tags)) stamped.AsSpan(value.Index, value.Length).Fill((byte)'0');
        var digest = SHA256.HashData(stamped);

        var fileId = Convert.ToHexString(digest, 0, 16); // both entries alike, as PDFsharp writes a new file's
        foreach (var value in fileIds) Write(stamped, value, fileId);
        for (var i = 0; i < xmpIds.Count; i++) Write(stamped, xmpIds[i], new Guid(Derived(digest, $"xmp{i}").AsSpan(0, 16)).ToString());
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in tags)
        {
            // One tag per font, kept in step between its font dictionaries and its descriptor.
            if (!renamed.TryGetValue(value.Value, out var tag))
                renamed[value.Value] = tag = Letters(Derived(digest, $"font{renamed.Count}"));
            Write(stamped, value, tag);
        }
        return stamped;
    }

    private static List<Group> Found(Regex regex, string text)
    {
        var found = new List<Group>();
        foreach (Match match in regex.Matches(text))
            for (var i = 1; i < match.Groups.Count; i++) found.Add(match.Groups[i]);
        return found;
    }

    private static byte[] Derived(byte[] digest, string purpose)
    {
        byte[] input = [.. digest, .. Encoding.ASCII.GetBytes(purpose)];
        return SHA256.HashData(input);
    }

    private static string Letters(byte[] hash)
    {
        var letters = new char[6];
        for (var i = 0; i < letters.Length; i++) letters[i] = (char)('A' + hash[i] % 26);
        return new string(letters);
    }

    private static void Write(byte[] pdf, Group value, string replacement)
    {
        if (replacement.Length != value.Length)
            throw new InvalidOperationException($"A replacement must keep the PDF's length ({replacement.Length} for {value.Length}).");
        Encoding.ASCII.GetBytes(replacement, 0, replacement.Length, pdf, value.Index);
    }
}
