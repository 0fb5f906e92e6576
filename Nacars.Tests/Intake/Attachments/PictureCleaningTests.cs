using Nacars.Core.Contacts;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jpeg;
using Nacars.Core.Intake.Attachments;
using SkiaSharp;
using static Nacars.Tests.Intake.Attachments.TestFiles;

namespace Nacars.Tests.Intake.Attachments;

/// <summary>Photos and screenshots come out as fresh pixels: proved by reading the metadata back with
/// MetadataExtractor, before (it is there) and after (it is gone).</summary>
public class PictureCleaningTests
{
    /// <summary>Directories that would carry anything about the reporter or their device.</summary>
    private static readonly string[] Identifying = ["Exif IFD0", "Exif SubIFD", "GPS", "XMP", "IPTC", "JpegComment", "Photoshop", "Exif Thumbnail", "ICC Profile", "PNG-tEXt", "PNG-iTXt", "PNG-zTXt"];

    private static IReadOnlyList<MetadataExtractor.Directory> Metadata(byte[] file) => ImageMetadataReader.ReadMetadata(new MemoryStream(file));

    [Fact]
    public async Task A_phone_photo_loses_its_GPS_position_serial_number_camera_XMP_IPTC_and_comment()
    {
        var photo = PhoneJpeg();
        var before = Metadata(photo);
        var gps = Assert.Single(before.OfType<GpsDirectory>());
        Assert.InRange(gps.GetGeoLocation()!.Latitude, 51.50, 51.51);
        Assert.Equal(Serial, before.OfType<ExifSubIfdDirectory>().Single().GetString(ExifDirectoryBase.TagBodySerialNumber));
        Assert.Equal(Make, before.OfType<ExifIfd0Directory>().Single().GetString(ExifDirectoryBase.TagMake));
        Assert.Contains(before, d => d.Name == "XMP");
        Assert.Contains(before, d => d.Name == "IPTC");
        Assert.Contains(before, d => d.Name == "JpegComment");

        var (cleaned, output) = await CleanAsync(photo);

        var after = Metadata(output);
        Assert.Empty(after.OfType<GpsDirectory>());
        Assert.Empty(after.OfType<ExifSubIfdDirectory>());
        Assert.Empty(after.OfType<ExifIfd0Directory>());
        Assert.DoesNotContain(after, d => Identifying.Contains(d.Name));
        var raw = Encoding.Latin1.GetString(output);
        Assert.DoesNotContain(Serial, raw);
        Assert.DoesNotContain(Model, raw);
        Assert.DoesNotContain(ReporterName, raw);
        Assert.Equal(("image/jpeg", ".jpg", AttachmentKind.Picture, AttachmentFormat.Jpeg), (cleaned.ContentType, cleaned.Extension, cleaned.Kind, cleaned.SourceFormat));
        Assert.Equal((64, 32), (cleaned.Width, cleaned.Height));
        Assert.Equal(output.Length, cleaned.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(output)), cleaned.Sha256);
        Assert.Single(after.OfType<JpegDirectory>()); // still a JPEG picture
    }

    [Theory]
    // Displayed corners (top-left, top-right, bottom-left, bottom-right) in terms of the stored picture's corners, per
    // the EXIF orientation's definition; the stored picture is red, green / blue, yellow.
    [InlineData(1, "RGBY")]
    [InlineData(2, "GRYB")] // mirrored left-right
    [InlineData(3, "YBGR")] // upside down
    [InlineData(4, "BYRG")] // mirrored top-bottom
    [InlineData(5, "RBGY")] // transposed
    [InlineData(6, "BRYG")] // turned 90° clockwise: the usual portrait photo
    [InlineData(7, "YGBR")] // transverse
    [InlineData(8, "GYRB")] // turned 90° anticlockwise
    public async Task The_photo_is_turned_the_way_it_was_taken_before_the_orientation_tag_is_dropped(ushort orientation, string corners)
    {
        var (cleaned, output) = await CleanAsync(PhoneJpeg(64, 32, orientation));

        using var picture = SKBitmap.Decode(output);
        var turned = orientation >= 5;
        Assert.Equal(turned ? (32, 64) : (64, 32), (picture.Width, picture.Height));
        Assert.Equal((picture.Width, picture.Height), (cleaned.Width!.Value, cleaned.Height!.Value));
        var (w, h) = (picture.Width, picture.Height);
        var seen = string.Concat(new[] { picture.GetPixel(w / 4, h / 4), picture.GetPixel(3 * w / 4, h / 4), picture.GetPixel(w / 4, 3 * h / 4), picture.GetPixel(3 * w / 4, 3 * h / 4) }.Select(Name));
        Assert.Equal(corners, seen);
        Assert.DoesNotContain(Metadata(output), d => d.Name == "Exif IFD0");
    }

    private static char Name(SKColor c) => (c.Red > 160, c.Green > 160, c.Blue > 160) switch
    {
        (true, false, false) => 'R',
        (false, true, false) => 'G',
        (false, false, true) => 'B',
        (true, true, false) => 'Y',
        _ => '?',
    };

    [Fact]
    public async Task A_PNG_screenshot_stays_a_lossless_PNG_without_its_text_chunks()
    {
        using var bitmap = Quarters(40, 20);
        var png = Encode(bitmap, SKEncodedImageFormat.Png);
        // Insert a tEXt chunk (Author) and an eXIf chunk after IHDR (8 + 25 bytes in).
        var text = Chunk("tEXt", Encoding.Latin1.GetBytes("Author\0" + ReporterName));
        var exif = Chunk("eXIf", ExifApp1(1)[10..]);
        byte[] dirty = [.. png[..33], .. text, .. exif, .. png[33..]];
        Assert.Contains(Metadata(dirty), d => d.Name == "PNG-tEXt");

        var (cleaned, output) = await CleanAsync(dirty);

        Assert.Equal(("image/png", ".png"), (cleaned.ContentType, cleaned.Extension));
        Assert.DoesNotContain(Metadata(output), d => Identifying.Contains(d.Name) || d.Name == "GPS");
        Assert.DoesNotContain(ReporterName, Encoding.Latin1.GetString(output));
        using var decoded = SKBitmap.Decode(output);
        Assert.Equal(SKColors.Red, decoded.GetPixel(5, 5)); // lossless: exactly red
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var one = Png(1, 1, (type, data));
        return one[33..^12]; // the chunk between IHDR and IEND
    }

    [Fact]
    public async Task A_WebP_becomes_a_JPEG_or_a_PNG_when_it_is_transparent()
    {
        using var opaque = Quarters(40, 20);
        using var see_through = Quarters(40, 20, transparent: true);

        var (photo, _) = await CleanAsync(Encode(opaque, SKEncodedImageFormat.Webp, 90));
        var (sticker, stickerBytes) = await CleanAsync(Encode(see_through, SKEncodedImageFormat.Webp, 100));

        Assert.Equal(("image/jpeg", AttachmentFormat.WebP), (photo.ContentType, photo.SourceFormat));
        Assert.Equal("image/png", sticker.ContentType);
        using var decoded = SKBitmap.Decode(stickerBytes);
        Assert.InRange(decoded.GetPixel(5, 5).Alpha, 100, 160);
    }

    [Fact]
    public async Task A_camera_colour_profile_does_not_survive_colours_are_converted_to_sRGB()
    {
        var p3 = SKColorSpace.CreateRgb(SKColorSpaceTransferFn.Srgb, SKColorSpaceXyz.DisplayP3);
        using var bitmap = new SKBitmap(new SKImageInfo(32, 32, SKColorType.Rgba8888, SKAlphaType.Opaque, p3));
        bitmap.Erase(SKColors.Red);
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        Assert.Contains(Metadata(jpeg), d => d.Name == "ICC Profile");

        var (_, output) = await CleanAsync(jpeg);

        Assert.DoesNotContain(Metadata(output), d => d.Name == "ICC Profile");
    }
}
