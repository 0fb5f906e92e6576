using System.Buffers.Binary;

namespace Nacars.Core.Intake.Attachments;

/// <summary>Cuts the metadata segments out of a JPEG without touching the compressed picture: used for photos inside
/// PDFs, where the picture cannot be re-encoded without rewriting the page. Kept: the segments a decoder needs (tables,
/// frame and scan headers) and the Adobe APP14 colour-transform flag. Dropped: APP0–APP13 and APP15 (JFIF and its
/// thumbnail, EXIF with GPS and serial numbers, XMP, ICC, IPTC, maker data) and comments.</summary>
internal static class JpegSegments
{
    /// <summary>The JPEG without metadata segments, or null when it does not parse as a JPEG (then it is left alone:
    /// a viewer could not decode it either).</summary>
    public static byte[]? StripMetadata(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return null;
        using var output = new MemoryStream(jpeg.Length);
        output.Write([0xFF, 0xD8]);
        var i = 2;
        while (i + 4 <= jpeg.Length)
        {
            if (jpeg[i] != 0xFF) return null;
            var marker = jpeg[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker == 0xDA)
            {
                // Start of scan: the entropy-coded data and everything after it (further scans of a progressive JPEG
                // are interleaved with tables, never with metadata in practice) are copied as they are, up to EOI.
                var end = jpeg[i..].LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]);
                output.Write(end < 0 ? jpeg[i..] : jpeg.Slice(i, end + 2));
                return output.ToArray();
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(i + 2)..]);
            if (length < 2 || i + 2 + length > jpeg.Length) return null;
            var segment = jpeg.Slice(i, 2 + length);
            var keep = marker switch
            {
                >= 0xE0 and <= 0xEF => marker == 0xEE && segment[4..].StartsWith("Adobe"u8),
                0xFE => false,
                _ => true,
            };
            if (keep) output.Write(segment);
            i += 2 + length;
        }
        return null;
    }
}
