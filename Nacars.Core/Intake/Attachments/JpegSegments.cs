using System.Buffers.Binary;

namespace Nacars.Core.Intake.Attachments;

/// <summary>Cuts the metadata segments out of a JPEG without touching the compressed picture: used for photos inside
/// PDFs, where the picture cannot be re-encoded without rewriting the page. Kept: the segments a decoder needs (tables,
/// frame and scan headers, restart intervals) and the Adobe APP14 colour-transform flag, before and between the scans
/// of a progressive JPEG. Dropped: APP0–APP13 and APP15 (JFIF and its thumbnail, EXIF with GPS and serial numbers, XMP,
/// ICC, IPTC, maker data, MPF) and comments wherever they stand, and everything after the first end-of-image: a phone's
/// second picture (MPF) with its own EXIF lives there.</summary>
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
        var scanned = false;
        while (i + 2 <= jpeg.Length)
        {
            if (jpeg[i] != 0xFF) return scanned ? Ended(output) : null;
            var marker = jpeg[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker == 0xD9)
            {
                // End of image: the picture is complete, and whatever follows (a second, MPF picture) is not kept.
                output.Write([0xFF, 0xD9]);
                return output.ToArray();
            }
            if (i + 4 > jpeg.Length) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(i + 2)..]);
            if (length < 2 || i + 2 + length > jpeg.Length) return scanned ? Ended(output) : null;
            var segment = jpeg.Slice(i, 2 + length);
            var keep = marker switch
            {
                >= 0xE0 and <= 0xEF => marker == 0xEE && segment[4..].StartsWith("Adobe"u8),
                0xFE => false,
                _ => true,
            };
            if (keep) output.Write(segment);
            i += 2 + length;
            if (marker != 0xDA) continue;
            // Start of scan: the entropy-coded data runs to the next marker that is not a stuffed byte (FF 00) or a
            // restart marker (FF D0–D7); it is copied as it is, and that marker is read like any other.
            scanned = true;
            var data = i;
            while (i + 1 < jpeg.Length && !(jpeg[i] == 0xFF && jpeg[i + 1] != 0x00 && jpeg[i + 1] is not (>= 0xD0 and <= 0xD7))) i++;
            if (i + 1 >= jpeg.Length) i = jpeg.Length;
            output.Write(jpeg[data..i]);
        }
        // Ended without an end-of-image marker: what was read is what a viewer would show.
        return scanned ? Ended(output) : null;
    }

    /// <summary>What was kept so far, closed with an end-of-image marker: once the picture has started, damage after it
    /// ends the copy there rather than leaving the original (and its metadata) in place.</summary>
    private static byte[] Ended(MemoryStream output)
    {
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }
}
