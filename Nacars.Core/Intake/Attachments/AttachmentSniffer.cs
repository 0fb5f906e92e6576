namespace Nacars.Core.Intake.Attachments;

public static class AttachmentSniffer
{
    /// <summary>Bytes needed to tell every accepted format apart.</summary>
    public const int HeaderBytes = 32;

    public static AttachmentFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return AttachmentFormat.Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return AttachmentFormat.Png;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return AttachmentFormat.WebP;
        // The PDF header is required at the very start: readers tolerate it anywhere in the first kilobyte, which is how
        // PDF polyglots begin with something else. Such files are refused here rather than guessed at.
        if (head.StartsWith("%PDF-"u8)) return AttachmentFormat.Pdf;
        if (IsHeif(head)) return AttachmentFormat.Heif;
        return AttachmentFormat.Unknown;
    }

    /// <summary>An ISO-BMFF "ftyp" box naming a HEIF/HEIC/AVIF brand (iPhone photos).</summary>
    private static bool IsHeif(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12 || !head[4..8].SequenceEqual("ftyp"u8)) return false;
        var brand = head[8..12];
        ReadOnlySpan<string> brands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"];
        foreach (var b in brands)
            if (brand.SequenceEqual(System.Text.Encoding.ASCII.GetBytes(b))) return true;
        return false;
    }
}
