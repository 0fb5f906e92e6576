using System.Buffers.Binary;
using System.IO.Compression;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Nacars.Core.Intake;
using Nacars.Core.Intake.Attachments;
using SkiaSharp;

namespace Nacars.Tests.Intake.Attachments;

/// <summary>Files made in code for the attachment tests: photos carrying hand-built EXIF (GPS, camera serial number),
/// XMP, IPTC and comments; hostile PNGs and PDFs written byte by byte.</summary>
internal static class TestFiles
{
    public const string Serial = "SN-C02XYZ123";
    public const string Make = "Apple", Model = "iPhone 15 Pro";
    public const string ReporterName = "Jane Reporter";

    public static AttachmentCleaner Cleaner(Action<AttachmentOptions>? configure = null)
    {
        var options = new AttachmentOptions();
        configure?.Invoke(options);
        return new AttachmentCleaner(Options.Create(options));
    }

    public static async Task<(CleanedAttachment Cleaned, byte[] Bytes)> CleanAsync(byte[] upload, Action<AttachmentOptions>? configure = null)
    {
        using var cleaner = Cleaner(configure);
        using var output = new MemoryStream();
        var cleaned = await cleaner.CleanAsync(new MemoryStream(upload), output, TestContext.Current.CancellationToken);
        return (cleaned, output.ToArray());
    }

    public static async Task<AttachmentRejectedException> RejectedAsync(byte[] upload, Action<AttachmentOptions>? configure = null)
    {
        using var cleaner = Cleaner(configure);
        return await Assert.ThrowsAsync<AttachmentRejectedException>(() => cleaner.CleanAsync(new MemoryStream(upload), new MemoryStream(), TestContext.Current.CancellationToken));
    }

    /// <summary>What the reporter reads for this refusal, in English, with the limits the cleaner had.</summary>
    public static string Said(AttachmentRejectedException refused, Action<AttachmentOptions>? configure = null)
    {
        var limits = new AttachmentOptions();
        configure?.Invoke(limits);
        var was = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        try { return ReportText.Refusal(refused, limits); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = was; }
    }

    /// <summary>A picture in four coloured quarters (red, green / blue, yellow), so a turn or a mirror shows.</summary>
    public static SKBitmap Quarters(int width, int height, bool transparent = false)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
        void Fill(SKColor colour, float x, float y)
        {
            using var paint = new SKPaint { Color = transparent ? colour.WithAlpha(128) : colour };
            canvas.DrawRect(x, y, width / 2f, height / 2f, paint);
        }
        Fill(SKColors.Red, 0, 0);
        Fill(SKColors.Lime, width / 2f, 0);
        Fill(SKColors.Blue, 0, height / 2f);
        Fill(SKColors.Yellow, width / 2f, height / 2f);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 95)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A phone photo as it leaves the phone: EXIF (make, model, orientation, serial number, GPS), XMP, IPTC
    /// by-line, a comment, all in front of the picture.</summary>
    public static byte[] PhoneJpeg(int width = 64, int height = 32, ushort orientation = 1)
    {
        using var bitmap = Quarters(width, height);
        return InsertSegments(Encode(bitmap, SKEncodedImageFormat.Jpeg),
            ExifApp1(orientation), XmpApp1(), IptcApp13(), Segment(0xFE, Encoding.ASCII.GetBytes("Taken by " + ReporterName)));
    }

    public static byte[] InsertSegments(byte[] jpeg, params byte[][] segments) => [.. jpeg[..2], .. segments.SelectMany(s => s), .. jpeg[2..]];

    public static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    public static byte[] XmpApp1() => Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8,
        .. Encoding.UTF8.GetBytes("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>" +
            "<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/' dc:creator='" + ReporterName + "'/></rdf:RDF></x:xmpmeta>")]);

    /// <summary>Photoshop APP13 holding an IPTC by-line (2:80).</summary>
    public static byte[] IptcApp13()
    {
        var name = Encoding.ASCII.GetBytes(ReporterName);
        byte[] iptc = [0x1C, 2, 80, 0, (byte)name.Length, .. name];
        var block = new List<byte>("8BIM"u8.ToArray()) { 0x04, 0x04, 0, 0 };
        block.AddRange(BitConverter.IsLittleEndian ? BitConverter.GetBytes(iptc.Length).Reverse() : BitConverter.GetBytes(iptc.Length));
        block.AddRange(iptc);
        if (iptc.Length % 2 == 1) block.Add(0);
        return Segment(0xED, [.. "Photoshop 3.0\0"u8, .. block]);
    }

    /// <summary>A big-endian TIFF/EXIF block: IFD0 (make, model, orientation), the Exif sub-IFD (date taken, body serial
    /// number 0xA431) and the GPS IFD (central London).</summary>
    public static byte[] ExifApp1(ushort orientation, double latitude = 51.5072, double longitude = -0.1276)
    {
        var gps = new List<Entry> { Ascii(1, latitude >= 0 ? "N" : "S"), Rationals(2, Dms(latitude)), Ascii(3, longitude >= 0 ? "E" : "W"), Rationals(4, Dms(longitude)) };
        var exif = new List<Entry> { Ascii(0x9003, "2026:11:28 21:47:00"), Ascii(0xA431, Serial) };
        var ifd0 = new List<Entry> { Ascii(0x010F, Make), Ascii(0x0110, Model), Short(0x0112, orientation), Long(0x8769, 0), Long(0x8825, 0) };
        uint ifd0At = 8, exifAt = ifd0At + (uint)IfdSize(ifd0), gpsAt = exifAt + (uint)IfdSize(exif);
        ifd0[3] = Long(0x8769, exifAt);
        ifd0[4] = Long(0x8825, gpsAt);
        var tiff = new MemoryStream();
        tiff.Write("MM\0*"u8);
        tiff.Write([0, 0, 0, 8]);
        WriteIfd(tiff, ifd0, ifd0At);
        WriteIfd(tiff, exif, exifAt);
        WriteIfd(tiff, gps, gpsAt);
        return Segment(0xE1, [.. "Exif\0\0"u8, .. tiff.ToArray()]);
    }

    private sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Value);
    private static Entry Ascii(ushort tag, string s) { var b = Encoding.ASCII.GetBytes(s + "\0"); return new(tag, 2, (uint)b.Length, b); }
    private static Entry Short(ushort tag, ushort v) { var b = new byte[4]; BinaryPrimitives.WriteUInt16BigEndian(b, v); return new(tag, 3, 1, b); }
    private static Entry Long(ushort tag, uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, v); return new(tag, 4, 1, b); }
    private static Entry Rationals(ushort tag, (uint N, uint D)[] r)
    {
        var b = new byte[8 * r.Length];
        for (var i = 0; i < r.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8 * i), r[i].N);
            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8 * i + 4), r[i].D);
        }
        return new(tag, 5, (uint)r.Length, b);
    }
    private static (uint, uint)[] Dms(double degrees)
    {
        degrees = Math.Abs(degrees);
        var d = (uint)degrees;
        var m = (uint)((degrees - d) * 60);
        var s = (uint)Math.Round(((degrees - d) * 60 - m) * 60 * 100);
        return [(d, 1), (m, 1), (s, 100)];
    }
    private static int IfdSize(List<Entry> entries) => 2 + 12 * entries.Count + 4 + entries.Where(e => e.Value.Length > 4).Sum(e => e.Value.Length + (e.Value.Length & 1));
    private static void WriteIfd(MemoryStream s, List<Entry> entries, uint at)
    {
        var extra = at + 2 + 12u * (uint)entries.Count + 4;
        var tail = new MemoryStream();
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)entries.Count);
        s.Write(b[..2]);
        foreach (var e in entries.OrderBy(e => e.Tag))
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, e.Tag); s.Write(b[..2]);
            BinaryPrimitives.WriteUInt16BigEndian(b, e.Type); s.Write(b[..2]);
            BinaryPrimitives.WriteUInt32BigEndian(b, e.Count); s.Write(b);
            if (e.Value.Length <= 4)
            {
                var v = new byte[4];
                e.Value.CopyTo(v, 0);
                s.Write(v);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(b, extra + (uint)tail.Length);
                s.Write(b);
                tail.Write(e.Value);
                if ((e.Value.Length & 1) == 1) tail.WriteByte(0);
            }
        }
        s.Write([0, 0, 0, 0]);
        tail.WriteTo(s);
    }

    /// <summary>A PNG written chunk by chunk: IHDR with any declared size, then whatever chunks are given, then IEND.</summary>
    public static byte[] Png(int width, int height, params (string Type, byte[] Data)[] chunks)
    {
        var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        WriteChunk(output, "IHDR", header);
        foreach (var (type, data) in chunks) WriteChunk(output, type, data);
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>The classic decompression bomb: 100,000 × 100,000 pixels declared (40 GB decoded) in a few hundred bytes.</summary>
    public static byte[] PngBomb()
    {
        var zeros = new MemoryStream();
        using (var z = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[300_001]);
        return Png(100_000, 100_000, ("IDAT", zeros.ToArray()));
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, data.Length);
        output.Write(b);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(b, Crc32(typed));
        output.Write(b);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var d in data)
        {
            crc ^= d;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A PDF written by hand (classic cross-reference table), for structures no library would write.</summary>
    public static byte[] RawPdf(IReadOnlyList<string> objects, string trailerExtra = "", int rootNumber = 1, Func<long, string>? trailer = null)
    {
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(text.ToString()));
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(text.ToString());
        text.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) text.Append($"{o:D10} 00000 n \n");
        text.Append(trailer?.Invoke(xref) ?? $"trailer\n<< /Size {objects.Count + 1} /Root {rootNumber} 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// <summary>Catalog, one-page tree and a page showing <paramref name="text"/> in Helvetica; more objects may follow.</summary>
    public static List<string> OnePage(string text, string pageExtra = "") =>
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R {pageExtra} >>",
        Stream($"BT /F1 12 Tf 20 100 Td ({text}) Tj ET"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ];

    public static string Stream(string content) => $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream";

    /// <summary>A Flate stream object with the given dictionary entries (binary-safe through Latin-1).</summary>
    public static string FlateStream(byte[] content, string entries)
    {
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(content);
        return $"<< /Filter /FlateDecode /Length {compressed.Length} {entries} >>\nstream\n{Encoding.Latin1.GetString(compressed.ToArray())}\nendstream";
    }

    /// <summary>The file an outside check used to take the server to 1.8 GB: a one-page PDF whose compressed object
    /// stream lists <paramref name="entries"/> objects all at one offset, each running to the end of an 8 KB body, so a
    /// reader that copies each entry writes entries × 8 KB. About 11 KB on disk.</summary>
    /// <param name="distinct">Each entry a different object number (so each is also written out once), rather than
    /// one number again and again.</param>
    public static byte[] ObjectStreamBomb(int entries = 200_000, bool distinct = false)
    {
        var header = new StringBuilder(entries * 4);
        for (var i = 0; i < entries; i++) header.Append(distinct ? 10 + i : 7).Append(" 0 ");
        var body = "<< /Filler (" + new string('A', 8000) + ") >>";
        var content = Encoding.Latin1.GetBytes(header + body);
        var objects = OnePage("Nothing to see");
        objects.Add(FlateStream(content, $"/Type /ObjStm /N {entries} /First {header.Length}"));
        return RawPdf(objects);
    }

    /// <summary>A phone's two-picture JPEG (MPF: the main picture, then a second one after its end-of-image, each with
    /// its own EXIF) drawn on a PDF page, as a phone's "save as PDF" writes it. The second picture's EXIF carries
    /// <paramref name="secondSerial"/> and GPS.</summary>
    public static byte[] TwoPicturePdf(string secondSerial)
    {
        var mpf = Segment(0xE2, [.. "MPF\0"u8, .. "MM\0\u002A\0\0\0\u0008"u8, .. new byte[16]]);
        var first = InsertSegments(PhoneJpeg(64, 32), mpf);
        var secondExif = Segment(0xE1, [.. "Exif\0\0"u8, .. Encoding.ASCII.GetBytes($"MM second picture serial {secondSerial} GPS 51.5072N 0.1276W")]);
        var second = InsertSegments(PhoneJpeg(32, 16), secondExif);
        var jpeg = Encoding.Latin1.GetString([.. first, .. second]);
        return RawPdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            Stream("q 128 0 0 64 50 100 cm /Im1 Do Q"),
            $"<< /Type /XObject /Subtype /Image /Width 64 /Height 32 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>\nstream\n{jpeg}\nendstream",
        ]);
    }

    /// <summary>An 849-byte HEIC (64 × 48, red) made with libheif's heif-enc: what an iPhone sends.</summary>
    public static readonly byte[] Heic = Convert.FromBase64String("AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAvxtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAGGlkYXQAAAAAAEAAMAAAAAAAQAAwAAAAYGlsb2MBAAAAREAABAABAAAAAAAAAyAAAQAAAAAAAAAeAAIAAQAAAAAAAAABAAAAAAAAAAgAAwAAAAAAAAM+AAEAAAAAAAAAEwAEAAEAAAAAAAAAAQAAAAgAAAAIAAAAYmlpbmYAAAAAAAQAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAAAVaW5mZQIAAAEAAwAAaHZjMQAAAAAVaW5mZQIAAAAABAAAZ3JpZAAAAAGxaXBycAAAAYRpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprm4EBAwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAcWh2Y0MBBAgAAAAAAAAAAAAe8AD8/Pj4AAAPAyAAAQAXQAEMAf//BAgAAAMAn/gAAAMAAB66AkAhAAEAJkIBAQQIAAADAJ/4AAADAAAewIIEFlurkprmwIAAAAMAgAAAAwCEIgABAAZEAcFzwIkAAAAUaXNwZQAAAAAAAABAAAAAQAAAABRpc3BlAAAAAAAAAEAAAAAwAAAADnBpeGkAAAAAAQgAAAAnYXV4QwAAAAB1cm46bXBlZzpoZXZjOjIwMTU6YXV4aWQ6MQAAAAAlaXBtYQAAAAAAAAAEAAECgQIAAgIDhAADAoUGAAQDB4iJAAAANmlyZWYAAAAAAAAADmRpbWcAAgABAAEAAAAOZGltZwAEAAEAAwAAAA5hdXhsAAQAAQACAAAAOW1kYXQAAAAaKAGvE4D4EOGn//xNKP/6dc8P08x786KQz4AAAAAPKAGuJ+fct9//mi95wCvg");

    public static IDataProtectionProvider DataProtection() => new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider();
}
