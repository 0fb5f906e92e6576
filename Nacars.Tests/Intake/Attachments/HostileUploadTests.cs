using System.Text;
using Nacars.Core.Intake.Attachments;
using SkiaSharp;
using static Nacars.Tests.Intake.Attachments.TestFiles;

namespace Nacars.Tests.Intake.Attachments;

/// <summary>Whatever arrives, the answer is a clean file or a plain refusal: never a crash, a hang, a huge allocation
/// or half a file.</summary>
public class HostileUploadTests
{
    [Fact]
    public async Task A_zero_byte_file_is_refused_as_empty()
    {
        var refused = await RejectedAsync([]);
        Assert.Equal(AttachmentRejection.Empty, refused.Reason);
        Assert.Equal("This file is empty. Please choose the file again.", Said(refused));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("PK\u0003\u0004 a zip file")]
    [InlineData("MZ an executable")]
    [InlineData("GIF89a a gif")]
    [InlineData("<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>")]
    public async Task Other_kinds_of_file_are_refused_in_plain_English(string content)
    {
        var refused = await RejectedAsync(Encoding.Latin1.GetBytes(content));
        Assert.Equal(AttachmentRejection.UnsupportedType, refused.Reason);
        Assert.Equal("This file type cannot be accepted. You can send photos (JPEG, PNG or WebP) or PDF documents.", Said(refused));
    }

    [Fact]
    public async Task Random_bytes_are_refused()
    {
        var noise = new byte[50_000];
        new Random(7).NextBytes(noise);
        noise[0] = 0x00;
        Assert.Equal(AttachmentRejection.UnsupportedType, (await RejectedAsync(noise)).Reason);
    }

    [Fact]
    public async Task Random_bytes_behind_a_JPEG_signature_are_refused_as_a_damaged_picture()
    {
        var noise = new byte[50_000];
        new Random(8).NextBytes(noise);
        byte[] fake = [0xFF, 0xD8, 0xFF, 0xE0, .. noise];
        Assert.Equal(AttachmentRejection.DamagedImage, (await RejectedAsync(fake)).Reason);
    }

    [Fact]
    public async Task A_HEIC_photo_is_refused_with_advice_to_send_a_JPEG()
    {
        var refused = await RejectedAsync(Heic);
        Assert.Equal(AttachmentRejection.HeicNotSupported, refused.Reason);
        Assert.Contains("JPEG", Said(refused));
        // Why: SkiaSharp's Linux build cannot decode HEIF at all (tried: SKCodec gives none).
        using var codec = SKCodec.Create(new MemoryStream(Heic));
        Assert.Null(codec);
    }

    [Fact]
    public async Task A_PNG_declaring_ten_billion_pixels_is_refused_from_its_header_without_decoding()
    {
        var bomb = PngBomb();
        Assert.True(bomb.Length < 2_000, $"{bomb.Length} bytes");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var refused = await RejectedAsync(bomb);

        Assert.Equal(AttachmentRejection.TooManyPixels, refused.Reason);
        Assert.Contains("too large", Said(refused));
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 50_000_000, "nothing like the decoded size was allocated");
    }

    [Fact]
    public async Task A_JPEG_with_thousands_of_scans_is_refused_before_decoding()
    {
        var jpeg = PhoneJpeg(64, 32);
        // Empty progressive scans (SOS for component 1, spectral 1..1, no data) before the end marker.
        byte[] scan = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x01, 0x00];
        byte[] many = [.. jpeg[..^2], .. Enumerable.Range(0, 5_000).SelectMany(_ => scan), 0xFF, 0xD9];

        Assert.Equal(AttachmentRejection.DamagedImage, (await RejectedAsync(many)).Reason);
        await CleanAsync(jpeg, o => o.MaxJpegScans = 1);
    }

    [Fact]
    public async Task The_pixel_limit_is_a_setting()
    {
        var photo = PhoneJpeg(64, 32);
        Assert.Equal(AttachmentRejection.TooManyPixels, (await RejectedAsync(photo, o => o.MaxPixels = 64 * 32 - 1)).Reason);
        Assert.Equal(AttachmentRejection.TooManyPixels, (await RejectedAsync(photo, o => o.MaxImageSide = 63)).Reason);
        await CleanAsync(photo, o => o.MaxPixels = 64 * 32);
    }

    [Fact]
    public async Task A_truncated_photo_is_refused_not_kept_half_grey()
    {
        using var bitmap = Quarters(400, 300);
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        var png = Encode(bitmap, SKEncodedImageFormat.Png);

        Assert.Equal(AttachmentRejection.DamagedImage, (await RejectedAsync(jpeg[..(jpeg.Length * 2 / 3)])).Reason);
        Assert.Equal(AttachmentRejection.DamagedImage, (await RejectedAsync(png[..(png.Length * 2 / 3)])).Reason);
        Assert.Equal(AttachmentRejection.DamagedImage, (await RejectedAsync(jpeg[..40])).Reason);
    }

    [Fact]
    public async Task A_JPEG_that_is_also_a_ZIP_HTML_and_PDF_comes_out_as_only_a_JPEG()
    {
        var zip = "PK\u0003\u0004\u0014\u0000secret.txt the reporter's real name"u8.ToArray();
        var html = "<html><script>fetch('//evil')</script></html>"u8.ToArray();
        var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj"u8.ToArray();
        // A PDF hidden in a comment segment at the front (readers look for %PDF in the first kilobyte), HTML and a ZIP
        // appended after the picture's end.
        var polyglot = InsertSegments(PhoneJpeg(), Segment(0xFE, pdf));
        polyglot = [.. polyglot, .. html, .. zip];

        var (cleaned, output) = await CleanAsync(polyglot);

        Assert.Equal("image/jpeg", cleaned.ContentType);
        var text = Encoding.Latin1.GetString(output);
        Assert.DoesNotContain("PK\u0003\u0004", text);
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("%PDF", text);
        Assert.DoesNotContain("secret", text);
        Assert.Equal(0xD9, output[^1]); // ends at the JPEG's end marker: nothing appended
    }

    [Fact]
    public async Task A_lying_name_or_Content_Type_cannot_matter_because_the_cleaner_never_takes_them()
    {
        // The API takes only bytes: a PDF "named" photo.jpg and a JPEG "named" report.pdf are judged by content.
        var (pdf, _) = await CleanAsync(RawPdf(OnePage("Named photo.jpg by the browser")));
        var (jpeg, _) = await CleanAsync(PhoneJpeg());
        Assert.Equal(("application/pdf", ".pdf"), (pdf.ContentType, pdf.Extension));
        Assert.Equal(("image/jpeg", ".jpg"), (jpeg.ContentType, jpeg.Extension));
        Assert.Equal(AttachmentFormat.Unknown, AttachmentSniffer.Sniff("<html>%PDF-1.4"u8));
        Assert.Equal(AttachmentFormat.Unknown, AttachmentSniffer.Sniff("   %PDF-1.4"u8)); // the header must come first
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_while_streaming_having_read_no_more_than_the_limit_plus_one_byte()
    {
        const int limit = 100_000;
        using var endless = new EndlessUpload();
        using var cleaner = Cleaner(o => o.MaxFileBytes = limit);

        var refused = await Assert.ThrowsAsync<AttachmentRejectedException>(() => cleaner.CleanAsync(endless, new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(AttachmentRejection.TooLarge, refused.Reason);
        Assert.Equal("This file is too large. Each file must be 97.7 KB or smaller.", Said(refused, o => o.MaxFileBytes = limit));
        Assert.Equal(limit + 1, endless.BytesRead);
    }

    [Fact]
    public async Task A_file_whose_length_is_known_is_refused_before_a_byte_is_read()
    {
        var big = new CountingStream(new MemoryStream(new byte[11 * 1024 * 1024]));
        using var cleaner = Cleaner();
        var refused = await Assert.ThrowsAsync<AttachmentRejectedException>(() => cleaner.CleanAsync(big, new MemoryStream(), TestContext.Current.CancellationToken));
        Assert.Equal("This file is too large. Each file must be 10 MB or smaller.", Said(refused));
        Assert.Equal(0, big.BytesRead);
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        var photo = PhoneJpeg();
        await CleanAsync(photo, o => o.MaxFileBytes = photo.Length);
        Assert.Equal(AttachmentRejection.TooLarge, (await RejectedAsync(photo, o => o.MaxFileBytes = photo.Length - 1)).Reason);
    }

    /// <summary>A never-ending, unseekable upload (a hostile client that keeps sending), counting what was taken.</summary>
    private sealed class EndlessUpload : Stream
    {
        public long BytesRead { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)0xFF, offset, count);
            BytesRead += count;
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Thousands of damaged variants of real files (bytes changed, PDF syntax characters sprinkled in, cut short):
/// each is cleaned or refused with a reporter's message, promptly, and nothing else happens (no other exception, no
/// hang, no crash of the process).</summary>
public class MutatedUploadTests
{
    [Fact]
    public async Task Every_mutated_photo_or_PDF_is_cleaned_or_refused_and_nothing_else()
    {
        using var webp = Quarters(64, 32);
        byte[][] seeds = [PdfCleaningTests.DirtyPdf(), PdfCleaningTests.ObjectStreamPdf(), RawPdf(OnePage("plain")), PhoneJpeg(), Encode(webp, SkiaSharp.SKEncodedImageFormat.Png), Encode(webp, SkiaSharp.SKEncodedImageFormat.Webp)];
        using var cleaner = Cleaner();
        var random = new Random(20261130);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 600; i++)
        {
            var file = seeds[i % seeds.Length].ToArray();
            var how = random.Next(4);
            for (var k = random.Next(1, 12); k > 0; k--)
            {
                var at = random.Next(file.Length);
                switch (how)
                {
                    case 0: file[at] = (byte)random.Next(256); break;
                    case 1: file[at] = (byte)"[]<>()/%R0123456789 "[random.Next(20)]; break;
                    case 2: file = file[..Math.Max(8, at)]; break;
                    default: file[at] ^= (byte)(1 << random.Next(8)); break;
                }
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            string outcome;
            try
            {
                await cleaner.CleanAsync(new MemoryStream(file), new MemoryStream(), TestContext.Current.CancellationToken);
                outcome = "cleaned";
            }
            catch (AttachmentRejectedException e)
            {
                outcome = e.Reason.ToString();
                Assert.False(string.IsNullOrWhiteSpace(Said(e)));
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"variant {i} took {clock.Elapsed}");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.True(outcomes.GetValueOrDefault("cleaned") > 0);
    }
}
