using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Nacars.Bench.Fuzz;

/// <summary>Small valid files of every kind the public form takes, made here (nothing downloaded), for the fuzzer to
/// mutate: a JPEG with EXIF, a PNG with text chunks, a WebP, a PDF with an image and a PDF with an object stream.</summary>
public static class FuzzSeeds
{
    public static IReadOnlyList<byte[]> Files()
    {
        using var bitmap = new SKBitmap(48, 32);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(8, 8, 20, 12, paint);
        }
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        byte[] exif = [0xFF, 0xE1, 0x00, 0x1A, .. "Exif\0\0MM\0\u002A\0\0\0\u0008SERIAL-1234"u8, 0x00];
        var jpegWithExif = (byte[])[.. jpeg[..2], .. exif, .. jpeg[2..]];
        var png = Encode(bitmap, SKEncodedImageFormat.Png);
        var webp = Encode(bitmap, SKEncodedImageFormat.Webp);
        return [jpegWithExif, png, webp, PdfWithImage(jpegWithExif), PdfWithObjectStream()];
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] PdfWithImage(byte[] jpeg) => RawPdf(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> /Contents 4 0 R >>",
        Stream("q 96 0 0 64 20 20 cm /Im1 Do Q BT /F1 12 Tf 20 120 Td (Statement) Tj ET"),
        $"<< /Type /XObject /Subtype /Image /Width 48 /Height 32 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>\nstream\n{Encoding.Latin1.GetString(jpeg)}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);

    private static byte[] PdfWithObjectStream()
    {
        const string packed = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> << /Author (Someone) >>";
        const string header = "5 0 6 54 ";
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(Encoding.Latin1.GetBytes(header + packed));
        return RawPdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            Stream("BT /F1 12 Tf 20 100 Td (Packed) Tj ET"),
        ], $"<< /Type /ObjStm /N 2 /First {header.Length} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n{Encoding.Latin1.GetString(compressed.ToArray())}\nendstream");
    }

    /// <summary>A public-form post as a browser sends it: token, fields, then a file.</summary>
    public static byte[] MultipartSeed(byte[] file) => Encoding.Latin1.GetBytes(
        "--" + Boundary + "\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\ntoken\r\n" +
        "--" + Boundary + "\r\nContent-Disposition: form-data; name=\"Report.Account\"\r\n\r\nA PC at Dover took cash.\r\n" +
        "--" + Boundary + "\r\nContent-Disposition: form-data; name=\"Report.Files\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" +
        Encoding.Latin1.GetString(file) + "\r\n--" + Boundary + "--\r\n");

    public const string Boundary = "----nacarsfuzzboundary";

    private static string Stream(string content) => $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream";

    private static byte[] RawPdf(IReadOnlyList<string> objects, string? extra = null)
    {
        var all = extra is null ? objects : [.. objects, extra];
        var text = new StringBuilder("%PDF-1.5\n");
        var offsets = new List<int>();
        for (var i = 0; i < all.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(text.ToString()));
            text.Append($"{i + 1} 0 obj\n{all[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(text.ToString());
        text.Append($"xref\n0 {all.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) text.Append($"{o:D10} 00000 n \n");
        text.Append($"trailer\n<< /Size {all.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }
}
