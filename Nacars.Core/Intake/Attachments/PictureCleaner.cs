using Nacars.Core.Contacts;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Nacars.Core.Intake.Attachments;

/// <summary>
/// Cleans a photo or screenshot by decoding it to pixels and encoding those pixels afresh. Nothing of the original
/// file is copied: EXIF (GPS position, camera make, model and serial number, times), XMP, IPTC, maker notes,
/// thumbnails, comments, the camera's colour profile and anything appended after the image (a ZIP, HTML, a PDF) are
/// all left behind, because only pixels cross over.
/// </summary>
/// <remarks>
/// The photo's EXIF orientation is applied to the pixels first, so a phone photo is not shown on its side once the tag
/// that said "rotate me" is gone. Colours are converted to sRGB and written with no colour profile (viewers assume
/// sRGB), so no camera-specific ICC profile survives either. JPEG stays JPEG. PNG stays PNG: screenshots of messages are
/// common evidence, and lossless keeps their text legible. WebP becomes JPEG (or PNG when it has transparency), which
/// every viewer shows. An animated image keeps its first frame only.
/// </remarks>
internal static class PictureCleaner
{
    public static CleanedAttachment Clean(ReadOnlySpan<byte> upload, AttachmentFormat format, AttachmentOptions options, Stream output)
    {
        // A progressive JPEG is decoded scan by scan over the whole picture, and a small file can hold a million
        // empty scans (hours of decoding). Real ones have about ten. Inside compressed data 0xFF is always followed by
        // 0x00 or a restart marker, so every FF DA is a scan.
        if (format == AttachmentFormat.Jpeg && upload.Count((ReadOnlySpan<byte>)[0xFF, 0xDA]) > options.MaxJpegScans) throw Damaged();
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Matches(codec.EncodedFormat, format))
            throw Damaged();

        // The header says how big the picture is: check that before allocating a single pixel (a 60-byte PNG can
        // declare 100,000 × 100,000 pixels, 40 GB once decoded).
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) throw Damaged();
        if ((long)width * height > options.MaxPixels || width > options.MaxImageSide || height > options.MaxImageSide)
            throw new AttachmentRejectedException(AttachmentRejection.TooManyPixels);

        var opaqueSource = codec.Info.AlphaType == SKAlphaType.Opaque;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, opaqueSource ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(info)) throw Damaged();
        // A truncated file decodes "incompletely" (grey below the cut): refuse it rather than keep half a picture.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success) throw Damaged();

        using var oriented = Orient(decoded, codec.EncodedOrigin);
        var picture = oriented ?? decoded;
        using var view = picture.PeekPixels();
        var asPng = format == AttachmentFormat.Png || (format == AttachmentFormat.WebP && !opaqueSource && !view.ComputeIsOpaque());

        // The pixels are sRGB now; drop the colour space so the encoder writes no ICC profile at all.
        using var pixels = view.WithColorSpace(null!);
        using var sink = new SKManagedWStream(output);
        var written = asPng
            ? pixels.Encode(sink, new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))
            : pixels.Encode(sink, new SKJpegEncoderOptions(Math.Clamp(options.JpegQuality, 1, 100), SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        if (!written) throw Damaged();
        sink.Flush();

        return new CleanedAttachment(AttachmentKind.Picture, format, asPng ? "image/png" : "image/jpeg", asPng ? ".png" : ".jpg",
            0, "", picture.Width, picture.Height, null);
    }

    private static bool Matches(SKEncodedImageFormat decoded, AttachmentFormat sniffed) => (decoded, sniffed) switch
    {
        (SKEncodedImageFormat.Jpeg, AttachmentFormat.Jpeg) or (SKEncodedImageFormat.Png, AttachmentFormat.Png) or (SKEncodedImageFormat.Webp, AttachmentFormat.WebP) => true,
        _ => false,
    };

    private static AttachmentRejectedException Damaged() => new(AttachmentRejection.DamagedImage);

    /// <summary>The picture as it should be seen, or null when it already is. Each of the eight EXIF orientations moves
    /// pixel (x, y) to (x', y'), both affine in x and y, so one loop serves all eight: the destination index is
    /// origin + x·stepX + y·stepY. Done in tiles so the column-wise writes of a rotation stay in cache.</summary>
    internal static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var outW = swaps ? h : w;
        // (x', y') = (ax·x + bx·y + cx, ay·x + by·y + cy)
        (int ax, int bx, int cx, int ay, int by, int cy) m = origin switch
        {
            SKEncodedOrigin.TopRight => (-1, 0, w - 1, 0, 1, 0),        // mirrored left-right
            SKEncodedOrigin.BottomRight => (-1, 0, w - 1, 0, -1, h - 1), // upside down
            SKEncodedOrigin.BottomLeft => (1, 0, 0, 0, -1, h - 1),       // mirrored top-bottom
            SKEncodedOrigin.LeftTop => (0, 1, 0, 1, 0, 0),               // transposed
            SKEncodedOrigin.RightTop => (0, -1, h - 1, 1, 0, 0),         // turned 90° clockwise to view (the usual phone portrait)
            SKEncodedOrigin.RightBottom => (0, -1, h - 1, -1, 0, w - 1), // transverse
            SKEncodedOrigin.LeftBottom => (0, 1, 0, -1, 0, w - 1),       // turned 90° anticlockwise to view
            _ => (1, 0, 0, 0, 1, 0),
        };
        if (m == (1, 0, 0, 0, 1, 0)) return null;

        var target = new SKBitmap(new SKImageInfo(outW, swaps ? w : h, source.ColorType, source.AlphaType, source.ColorSpace));
        var from = MemoryMarshal.Cast<byte, uint>(source.GetPixelSpan());
        var to = MemoryMarshal.Cast<byte, uint>(target.GetPixelSpan());
        long stepX = m.ax + (long)m.ay * outW, stepY = m.bx + (long)m.by * outW, start = m.cx + (long)m.cy * outW;
        const int Tile = 64;
        for (var ty = 0; ty < h; ty += Tile)
        for (var tx = 0; tx < w; tx += Tile)
        {
            var yEnd = Math.Min(ty + Tile, h);
            var xEnd = Math.Min(tx + Tile, w);
            for (var y = ty; y < yEnd; y++)
            {
                var row = from.Slice(y * w, w);
                var index = start + y * stepY + tx * stepX;
                for (var x = tx; x < xEnd; x++, index += stepX) to[(int)index] = row[x];
            }
        }
        return target;
    }
}
