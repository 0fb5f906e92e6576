using Nacars.Core.Contacts;
using System.Diagnostics;
using System.Text;
using MetadataExtractor;
using Nacars.Core.Dissemination;
using Nacars.Core.Intake.Attachments;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static Nacars.Tests.Intake.Attachments.TestFiles;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Nacars.Tests.Intake.Attachments;

/// <summary>PDFs come out as their pages only: proved by reading the cleaned file back with a different library
/// (PdfPig) than the one that wrote it.</summary>
public class PdfCleaningTests
{
    /// <summary>A two-page PDF as a reporter's word processor might leave it, and worse: Info (author, title, subject,
    /// keywords, creator), XMP, a JavaScript open action, an embedded file, a comment with its author's name, page actions,
    /// and a phone photo with its EXIF/GPS embedded as a JPEG.</summary>
    internal static byte[] DirtyPdf()
    {
        EmbeddedFonts.Register();
        var document = new PdfDocument();
        document.Info.Author = ReporterName;
        document.Info.Title = "Statement of " + ReporterName;
        document.Info.Subject = "PC 4471";
        document.Info.Keywords = "secret keywords";
        document.Info.Creator = "Word for Jane";
        var font = new XFont("DejaVu Sans", 12);
        var first = document.AddPage();
        using (var g = XGraphics.FromPdfPage(first))
        {
            g.DrawString("The officer took money on the third of November.", font, XBrushes.Black, 50, 80);
            g.DrawImage(XImage.FromStream(new MemoryStream(PhoneJpeg(64, 32))), 50, 100, 128, 64);
        }
        var second = document.AddPage();
        using (var g = XGraphics.FromPdfPage(second)) g.DrawString("Second page: where it happened.", font, XBrushes.Black, 50, 80);

        var xmp = new PdfDictionary(document);
        xmp.Elements["/Type"] = new PdfName("/Metadata");
        xmp.Elements["/Subtype"] = new PdfName("/XML");
        xmp.CreateStream(Encoding.UTF8.GetBytes("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>" +
            "<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator>XMP " + ReporterName + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"));
        document.Internals.AddObject(xmp);
        document.Internals.Catalog.Elements["/Metadata"] = xmp.Reference;
        var script = new PdfDictionary(document);
        script.Elements["/S"] = new PdfName("/JavaScript");
        script.Elements["/JS"] = new PdfString("app.alert('opened')");
        document.Internals.Catalog.Elements["/OpenAction"] = script;
        first.Elements["/AA"] = script.Clone();
        document.AddEmbeddedFile("evidence.txt", new MemoryStream("EMBEDDED PAYLOAD"u8.ToArray()));
        var comment = new PdfDictionary(document);
        comment.Elements["/Type"] = new PdfName("/Annot");
        comment.Elements["/Subtype"] = new PdfName("/Text");
        comment.Elements["/T"] = new PdfString("Comment by " + ReporterName);
        comment.Elements["/Contents"] = new PdfString("note to self");
        comment.Elements["/Rect"] = new PdfArray(document, new PdfInteger(0), new PdfInteger(0), new PdfInteger(10), new PdfInteger(10));
        document.Internals.AddObject(comment);
        first.Elements["/Annots"] = new PdfArray(document, comment.Reference!);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    [Fact]
    public async Task Author_title_XMP_scripts_embedded_files_comments_and_photo_GPS_are_gone_and_the_pages_and_text_remain()
    {
        var dirty = DirtyPdf();
        using (var before = PigDocument.Open(dirty))
        {
            Assert.Equal(ReporterName, before.Information.Author);
            Assert.True(before.TryGetXmpMetadata(out _));
            Assert.NotEmpty(before.GetPage(1).GetAnnotations());
            var photo = before.GetPage(1).GetImages().Single().RawBytes.ToArray();
            Assert.Contains(ImageMetadataReader.ReadMetadata(new MemoryStream(photo)), d => d.Name == "GPS");
        }

        var (cleaned, output) = await CleanAsync(dirty);

        using var after = PigDocument.Open(output);
        Assert.Equal(2, after.NumberOfPages);
        Assert.Equal(2, cleaned.PageCount);
        Assert.Equal(("application/pdf", ".pdf", AttachmentKind.Pdf), (cleaned.ContentType, cleaned.Extension, cleaned.Kind));
        Assert.Contains("The officer took money on the third of November.", after.GetPage(1).Text);
        Assert.Contains("Second page: where it happened.", after.GetPage(2).Text);
        var info = after.Information;
        Assert.True(string.IsNullOrEmpty(info.Author) && string.IsNullOrEmpty(info.Title) && string.IsNullOrEmpty(info.Subject) && string.IsNullOrEmpty(info.Keywords));
        Assert.True(string.IsNullOrEmpty(info.Creator));
        Assert.Null(info.CreationDate);
        Assert.Null(info.ModifiedDate);
        Assert.True(string.IsNullOrEmpty(info.Producer)); // no Info dictionary at all, not even PDFsharp's
        Assert.False(after.TryGetXmpMetadata(out _));
        Assert.Empty(after.GetPage(1).GetAnnotations());
        Assert.Null(after.GetPage(1).Dictionary.Data.GetValueOrDefault("AA"));

        // The photo is still on the page, but without its EXIF, GPS, XMP, IPTC or comment.
        var image = after.GetPage(1).GetImages().Single().RawBytes.ToArray();
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(image));
        Assert.Contains(metadata, d => d.Name == "JPEG");
        Assert.DoesNotContain(metadata, d => d.Name is "GPS" or "Exif IFD0" or "Exif SubIFD" or "XMP" or "IPTC" or "JpegComment");

        var raw = Encoding.Latin1.GetString(output);
        foreach (var leaked in new[] { ReporterName, "Word for Jane", "secret keywords", "JavaScript", "app.alert", "EMBEDDED PAYLOAD", "EmbeddedFile", Serial, Model, "PDFsharp", "CreationDate", "Producer", "xmpmeta" })
            Assert.DoesNotContain(leaked, raw);
    }

    [Fact]
    public async Task Earlier_revisions_and_anything_appended_after_the_PDF_are_left_behind()
    {
        var original = RawPdf([.. OnePage("Current text"), "<< /Author (Old Author From Revision One) >>"], "/Info 6 0 R");
        // An incremental update: a new Info in a later revision; then a ZIP appended (a PDF/ZIP polyglot).
        var update = Encoding.Latin1.GetBytes("7 0 obj\n<< /Author (Newer Author) >>\nendobj\ntrailer\n<< /Size 8 /Root 1 0 R /Info 7 0 R >>\n%%EOF\n");
        byte[] polyglot = [.. original, .. update, .. "PK\u0003\u0004 hidden.txt reporter's real name"u8];

        var (_, output) = await CleanAsync(polyglot);

        var raw = Encoding.Latin1.GetString(output);
        Assert.DoesNotContain("Author", raw);
        Assert.DoesNotContain("PK\u0003\u0004", raw);
        using var after = PigDocument.Open(output);
        Assert.Contains("Current text", after.GetPage(1).Text);
    }

    /// <summary>Catalog, page tree, page and font packed in a compressed object stream (as Word and browsers write),
    /// the content stream beside it, XMP, and a cross-reference stream (its table is not needed: the cleaner rebuilds one).</summary>
    internal static byte[] ObjectStreamPdf()
    {
        string[] packed =
        [
            "<< /Type /Catalog /Pages 2 0 R /Metadata 7 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var (header, body) = (new StringBuilder(), new StringBuilder());
        for (var i = 0; i < packed.Length; i++)
        {
            header.Append($"{(i < 3 ? i + 1 : 4)} {body.Length} ");
            body.Append(packed[i]).Append('\n');
        }
        var content = header + body.ToString();
        var objectStream = FlateStream(Encoding.Latin1.GetBytes(content), $"/Type /ObjStm /N 4 /First {header.Length}");
        return RawPdf(
        [
            "<< /Type /Placeholder >>", "<< >>", "<< >>", "<< >>", // replaced by the packed objects (the later definition wins)
            Stream("BT /F1 12 Tf 20 100 Td (Packed text) Tj ET"),
            objectStream,
            Stream("<x:xmpmeta>Reporter XMP</x:xmpmeta>"),
            FlateStream(new byte[30], "/Type /XRef /Size 9 /W [1 2 1] /Root 1 0 R"),
        ], trailer: xref => $"startxref\n{xref}\n%%EOF\n");
    }

    [Fact]
    public async Task A_modern_PDF_with_compressed_object_streams_is_unpacked_and_cleaned()
    {
        var pdf = ObjectStreamPdf();

        var (cleaned, output) = await CleanAsync(pdf);

        Assert.Equal(1, cleaned.PageCount);
        using var after = PigDocument.Open(output);
        Assert.Contains("Packed text", after.GetPage(1).Text);
        Assert.DoesNotContain("Reporter XMP", Encoding.Latin1.GetString(output));
    }

    [Fact]
    public async Task A_password_protected_PDF_is_refused_and_so_is_one_protected_only_against_changes()
    {
        foreach (var (user, owner) in new[] { ("open-me", "owner"), ("", "owner") })
        {
            var document = new PdfDocument();
            document.AddPage();
            if (user.Length > 0) document.SecuritySettings.UserPassword = user;
            document.SecuritySettings.OwnerPassword = owner;
            using var stream = new MemoryStream();
            document.Save(stream, false);

            var refused = await RejectedAsync(stream.ToArray());

            Assert.Equal(AttachmentRejection.PasswordProtectedPdf, refused.Reason);
            Assert.Contains("password", Said(refused));
        }
    }

    [Fact]
    public async Task A_truncated_or_garbled_PDF_is_refused_as_damaged()
    {
        var dirty = DirtyPdf();
        Assert.Equal(AttachmentRejection.DamagedPdf, (await RejectedAsync(dirty[..(dirty.Length / 3)])).Reason);
        Assert.Equal(AttachmentRejection.DamagedPdf, (await RejectedAsync("%PDF-1.7\n garbage and nothing else"u8.ToArray())).Reason);
        var noise = new byte[20_000];
        new Random(3).NextBytes(noise);
        Assert.Equal(AttachmentRejection.DamagedPdf, (await RejectedAsync([.. "%PDF-1.4\n"u8, .. noise])).Reason);
    }

    [Fact]
    public async Task More_pages_than_the_limit_are_refused_counted_from_the_tree_not_the_claimed_count()
    {
        var document = new PdfDocument();
        for (var i = 0; i < 5; i++) document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, false);

        var refused = await RejectedAsync(stream.ToArray(), o => o.MaxPdfPages = 4);

        Assert.Equal(AttachmentRejection.TooManyPages, refused.Reason);
        Assert.Equal("This PDF has too many pages: the limit is 4. Please send only the pages that matter.", Said(refused, o => o.MaxPdfPages = 4));
        await CleanAsync(stream.ToArray(), o => o.MaxPdfPages = 5);

        // /Count says 1; the tree has 5 leaves.
        var lying = RawPdf([
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R 6 0 R 7 0 R] /Count 1 >>",
            .. Enumerable.Repeat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>", 5)]);
        Assert.Equal(AttachmentRejection.TooManyPages, (await RejectedAsync(lying, o => o.MaxPdfPages = 4)).Reason);
    }

    // The next three would end the test process, not just fail, if they reached PDFsharp unguarded: it loops for ever on
    // a cross-reference that names itself as the previous one, and overflows the stack (uncatchable) on deep nesting or
    // a looping page tree. Each must be refused promptly.

    [Fact]
    public async Task A_cross_reference_chain_that_loops_is_cleaned_promptly_instead_of_hanging()
    {
        var looping = RawPdf(OnePage("Still readable"), trailer: xref => $"trailer\n<< /Size 6 /Root 1 0 R /Prev {xref} >>\nstartxref\n{xref}\n%%EOF\n");
        var clock = Stopwatch.StartNew();

        var (cleaned, output) = await CleanAsync(looping);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(1, cleaned.PageCount);
        using var after = PigDocument.Open(output);
        Assert.Contains("Still readable", after.GetPage(1).Text);
    }

    [Fact]
    public async Task Arrays_nested_thirty_thousand_deep_are_refused_in_the_file_and_inside_an_object_stream()
    {
        var deep = new string('[', 30_000) + new string(']', 30_000);
        var plain = RawPdf(OnePage("x", pageExtra: "/Junk " + deep));
        Assert.Equal(AttachmentRejection.UnsafePdfStructure, (await RejectedAsync(plain)).Reason);

        var packed = "5 0 " + deep;
        var hidden = RawPdf([.. OnePage("x"), FlateStream(Encoding.Latin1.GetBytes(packed), "/Type /ObjStm /N 1 /First 4")]);
        var refused = await RejectedAsync(hidden);
        Assert.Equal(AttachmentRejection.UnsafePdfStructure, refused.Reason);
        Assert.Equal("This PDF cannot be accepted because of the way it was made. Please try printing it to a new PDF and attaching that.", Said(refused));
    }

    [Fact]
    public async Task A_page_tree_that_loops_or_nests_too_deeply_is_refused()
    {
        var looping = RawPdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"]);
        Assert.Equal(AttachmentRejection.UnsafePdfStructure, (await RejectedAsync(looping)).Reason);

        const int levels = 5_000;
        var deep = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>" };
        for (var i = 0; i < levels; i++) deep.Add($"<< /Type /Pages /Kids [{i + 3} 0 R] /Count 1 >>");
        deep.Add($"<< /Type /Page /Parent {levels + 1} 0 R /MediaBox [0 0 10 10] >>");
        Assert.Equal(AttachmentRejection.UnsafePdfStructure, (await RejectedAsync(RawPdf(deep))).Reason);
    }

    [Fact]
    public async Task A_compressed_object_stream_that_expands_past_the_limit_is_refused()
    {
        // 129 MB of zeros compress to about 130 KB; the whole file may inflate to 128 MB.
        var bomb = RawPdf([.. OnePage("x"), FlateStream(new byte[129 * 1024 * 1024], "/Type /ObjStm /N 1 /First 4")]);
        Assert.True(bomb.Length < 1_000_000);

        Assert.Equal(AttachmentRejection.UnsafePdfStructure, (await RejectedAsync(bomb)).Reason);
    }

    [Fact]
    public async Task The_inflation_limit_is_for_the_whole_file_not_each_stream()
    {
        // Three streams of 4 MB, each well under an 8 MB budget, together over it.
        var stream = FlateStream(Encoding.Latin1.GetBytes("10 0 " + new string(' ', 4 * 1024 * 1024)), "/Type /ObjStm /N 1 /First 5");
        var (one, _) = await CleanAsync(RawPdf([.. OnePage("x"), stream]), o => o.MaxPdfInflatedBytes = 8 * 1024 * 1024);
        Assert.Equal(1, one.PageCount);
        var pdf = RawPdf([.. OnePage("x"), stream, stream, stream]);
        Assert.Equal(AttachmentRejection.UnsafePdfStructure, (await RejectedAsync(pdf, o => o.MaxPdfInflatedBytes = 8 * 1024 * 1024)).Reason);
    }

    [Fact]
    public async Task Entries_sharing_one_offset_are_charged_each_time_and_refused_past_the_budget()
    {
        var bomb = TestFiles.ObjectStreamBomb(entries: 20_000);
        Assert.Equal(AttachmentRejection.UnsafePdfStructure, (await RejectedAsync(bomb, o => o.MaxPdfUnpackedBytes = 16 * 1024 * 1024)).Reason);
    }

    [Fact]
    public async Task An_object_stream_listing_a_hundred_thousand_objects_is_unpacked_in_linear_time()
    {
        const int count = 100_000;
        var header = new StringBuilder();
        for (var i = 0; i < count; i++) header.Append(i + 10).Append(' ').Append(i * 2).Append(' ');
        var packed = header + string.Concat(Enumerable.Repeat("1 ", count)); // object i is "1", at offset 2i
        var pdf = RawPdf([.. OnePage("many small objects"), FlateStream(Encoding.Latin1.GetBytes(packed), $"/Type /ObjStm /N {count} /First {header.Length}")]);
        var clock = Stopwatch.StartNew();

        var (cleaned, _) = await CleanAsync(pdf);

        Assert.Equal(1, cleaned.PageCount);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), clock.Elapsed.ToString());
        Assert.Equal(AttachmentRejection.UnsafePdfStructure, (await RejectedAsync(pdf, o => o.MaxPdfObjects = count - 1)).Reason);
    }
}
