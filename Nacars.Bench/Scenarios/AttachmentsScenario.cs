using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nacars.Core.Intake.Attachments;
using SkiaSharp;

namespace Nacars.Bench.Scenarios;

/// <summary>A reporter's 12-megapixel phone photo (portrait, so it must be turned; EXIF with GPS and a serial number)
/// cleaned and stored encrypted, against plain SkiaSharp decoding and re-encoding the same file with none of the checks,
/// the turn, the hashing or the encryption.</summary>
public sealed class AttachmentsScenario : IScenario
{
    public string Name => "attachments";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var size = context.Size;
        var photo = SamplePhoto.Jpeg(size.AttachmentWidth, size.AttachmentHeight);
        var folder = Path.Combine(Path.GetTempPath(), "nacars-bench-attachments-" + Guid.NewGuid().ToString("N"));
        using var cleaner = new AttachmentCleaner(Options.Create(new AttachmentOptions()));
        var store = new FileSystemAttachmentStore(folder, context.Host.Services.GetRequiredService<IDataProtectionProvider>());
        var intake = new AttachmentIntake(cleaner, store);
        try
        {
            // Warm both paths (JIT, native library load), then alternate them so each sees the same machine.
            var first = await intake.AcceptAsync(new MemoryStream(photo), ct);
            Check(first, await ReadAllAsync(store, first.Key, ct), size);
            Baseline(photo);
            var (ours, plain) = (new List<double>(), new List<double>());
            for (var i = 0; i < size.AttachmentIterations; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var stored = await intake.AcceptAsync(new MemoryStream(photo), ct);
                ours.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
                await store.DeleteAsync(stored.Key, ct);

                start = Stopwatch.GetTimestamp();
                Baseline(photo);
                plain.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
            }
            var p95 = Stats.Percentile(ours, 0.95);
            var baseP95 = Stats.Percentile(plain, 0.95);
            return new ScenarioResult(Name, $"upload cleaned and stored encrypted: {size.AttachmentWidth}x{size.AttachmentHeight} JPEG of {photo.Length / 1024} KB (ms)",
                new() { ["p50_ms"] = Stats.Percentile(ours, 0.5), ["p95_ms"] = p95, ["input_kb"] = photo.Length / 1024, ["cleaned_kb"] = first.Length / 1024 },
                new() { ["decode_encode_p50_ms"] = Stats.Percentile(plain, 0.5), ["decode_encode_p95_ms"] = baseP95 },
                Math.Round(p95 / baseP95, 2), "12 MP photo p95 <= 500 ms", p95 <= 500,
                "baseline: SKBitmap.Decode + Encode(JPEG 85) of the same bytes, no checks, no orientation, no hashing, no encryption");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static void Baseline(byte[] photo)
    {
        using var bitmap = SKBitmap.Decode(photo);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        GC.KeepAlive(data.Size);
    }

    private static async Task<byte[]> ReadAllAsync(IAttachmentStore store, string key, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(key, ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    /// <summary>The benchmark measures the real work only if the work was done: turned, and no EXIF left.</summary>
    private static void Check(StoredAttachment stored, byte[] cleaned, BenchSize size)
    {
        if (stored.Cleaned.Width != size.AttachmentHeight || stored.Cleaned.Height != size.AttachmentWidth)
            throw new InvalidOperationException("The portrait photo was not turned upright.");
        if (cleaned.AsSpan().IndexOf("Exif\0\0"u8) >= 0 || cleaned.AsSpan().IndexOf(Encoding.ASCII.GetBytes(SamplePhoto.Serial)) >= 0)
            throw new InvalidOperationException("The cleaned photo still carries EXIF.");
    }
}

/// <summary>A photo that compresses like a real one (smooth scene plus sensor noise, about 0.2 bytes a pixel at JPEG
/// quality 92) with the EXIF a phone writes: make, model, orientation 6 (held upright), body serial number, GPS.</summary>
public static class SamplePhoto
{
    public const string Serial = "SN-BENCH-0042";

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var random = new Random(12);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var i = (y * width + x) * 4;
            var (u, v) = ((double)x / width, (double)y / height);
            var shade = 60 * Math.Sin(u * 9 + v * 4) + 40 * Math.Cos(v * 13 - u * 3);
            pixels[i] = Clamp(110 + shade + random.Next(-10, 11));
            pixels[i + 1] = Clamp(120 + shade * 0.6 + 50 * v + random.Next(-10, 11));
            pixels[i + 2] = Clamp(100 - shade * 0.4 + 60 * u + random.Next(-10, 11));
            pixels[i + 3] = 255;
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 92);
        var jpeg = data.ToArray();
        return [.. jpeg[..2], .. Exif(), .. jpeg[2..]];
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(value, 0, 255);

    /// <summary>APP1: big-endian TIFF, IFD0 (Make, Model, Orientation=6, Exif and GPS pointers), Exif IFD (serial),
    /// GPS IFD (51°30'N 0°7'W).</summary>
    private static byte[] Exif()
    {
        var tiff = new MemoryStream();
        void U16(int v) { Span<byte> b = stackalloc byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); tiff.Write(b); }
        void U32(long v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, (uint)v); tiff.Write(b); }
        void Entry(int tag, int type, int count, long valueOrOffset, bool shortValue = false)
        {
            U16(tag); U16(type); U32(count);
            if (shortValue) { U16((int)valueOrOffset); U16(0); } else U32(valueOrOffset);
        }
        // Layout: header 8 | IFD0 (5 entries) 66 | Exif IFD (1) 18 | GPS IFD (4) 54 | data
        const int ifd0 = 8, exif = ifd0 + 2 + 5 * 12 + 4, gps = exif + 2 + 12 + 4, data = gps + 2 + 4 * 12 + 4;
        byte[] make = "Apple\0"u8.ToArray(), model = "iPhone 15 Pro\0"u8.ToArray(), serial = Encoding.ASCII.GetBytes(Serial + "\0");
        int makeAt = data, modelAt = makeAt + make.Length, serialAt = modelAt + model.Length, latAt = serialAt + serial.Length, lonAt = latAt + 24;
        tiff.Write("MM\0*"u8); U32(ifd0);
        U16(5); Entry(0x010F, 2, make.Length, makeAt); Entry(0x0110, 2, model.Length, modelAt); Entry(0x0112, 3, 1, 6, shortValue: true);
        Entry(0x8769, 4, 1, exif); Entry(0x8825, 4, 1, gps); U32(0);
        U16(1); Entry(0xA431, 2, serial.Length, serialAt); U32(0);
        U16(4); Entry(1, 2, 2, 'N' << 24); Entry(2, 5, 3, latAt); Entry(3, 2, 2, 'W' << 24); Entry(4, 5, 3, lonAt); U32(0);
        tiff.Write(make); tiff.Write(model); tiff.Write(serial);
        foreach (var (n, d) in new[] { (51L, 1L), (30L, 1L), (2592L, 100L), (0L, 1L), (7L, 1L), (3936L, 100L) }) { U32(n); U32(d); }
        var payload = new byte[6 + tiff.Length];
        "Exif\0\0"u8.CopyTo(payload);
        tiff.ToArray().CopyTo(payload, 6);
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }
}
