using Nacars.Core.Contacts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Nacars.Core.Intake.Attachments;

/// <summary>
/// Cleans a PDF by copying its pages, and only its pages, into a new document (a whitelist: what is not reachable
/// from a page is never copied). Left behind with the old document: the Info dictionary (author, creator, producer,
/// title, subject, keywords, dates), the XMP metadata stream, document JavaScript and the open action, embedded files,
/// form definitions, bookmarks, and every earlier revision. Then, on what was copied: page and image XMP, private
/// application data (/PieceInfo: Illustrator and others keep the whole original file there), page thumbnails,
/// actions, and annotations (comments carry their author's name; links can carry scripts) are removed, and the
/// EXIF/XMP/comment segments of embedded JPEG photos are cut out (a scan made on a phone carries its GPS position).
/// The text and drawing of each page are copied unchanged, so the analyst can still read, search and quote them.
/// </summary>
internal static class PdfCleaner
{
    /// <summary>Keys removed from every dictionary of the copied pages (ISO 32000-1 names): metadata, private
    /// application data, actions and scripts, embedded and associated files, external file paths (OPI).</summary>
    private static readonly string[] Removed =
        ["/Metadata", "/PieceInfo", "/LastModified", "/AA", "/OpenAction", "/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/AF", "/OPI"];

    /// <summary>Removed from pages only: annotations (comments with their authors, links, form widgets), thumbnails
    /// (a picture of the page as it once was), article beads, separation data.</summary>
    private static readonly string[] RemovedFromPages = ["/Annots", "/Thumb", "/B", "/SeparationInfo", "/PZ"];

    public static CleanedAttachment Clean(ReadOnlySpan<byte> upload, AttachmentOptions options, Stream output)
    {
        // One budget for everything this file inflates or unpacks, the images inside it included.
        var budget = new PdfBudget(options);
        var normalised = PdfNormaliser.Normalise(upload, options, budget);
        PdfDocument source;
        try
        {
            source = PdfReader.Open(new MemoryStream(normalised, writable: false), PdfDocumentOpenMode.Import);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or AttachmentRejectedException))
        {
            throw new AttachmentRejectedException(AttachmentRejection.DamagedPdf, e);
        }

        using (source)
        {
            CheckPageTree(source, options);
            using var clean = new PdfDocument();
            try
            {
                foreach (var page in source.Pages) clean.AddPage(page);
                foreach (var item in clean.Internals.GetAllObjects()) Scrub(item, 0, options, budget);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or AttachmentRejectedException))
            {
                throw new AttachmentRejectedException(AttachmentRejection.DamagedPdf, e);
            }
            var pageCount = clean.PageCount; // PDFsharp refuses to be asked after saving
            if (pageCount == 0) throw PdfNormaliser.Damaged();

            // PDFsharp always adds an Info dictionary naming itself and an XMP packet with fresh UUIDs: one more pass
            // through the normaliser writes the file without either (and with a trailer naming only the root).
            clean.Info.Elements.Remove("/CreationDate");
            clean.Info.Elements.Remove("/ModDate");
            clean.Info.Creator = "";
            using var saved = new MemoryStream();
            clean.Save(saved, closeStream: false);
            output.Write(PdfNormaliser.Normalise(saved.GetBuffer().AsSpan(0, (int)saved.Length), options, new PdfBudget(options), dropMetadata: true));
            return new CleanedAttachment(AttachmentKind.Pdf, AttachmentFormat.Pdf, "application/pdf", ".pdf", 0, "", null, null, pageCount);
        }
    }

    /// <summary>Walks the page tree without recursion before PDFsharp does (its walk recurses, and a tree that loops or
    /// nests deeply overflows the stack). Counts the pages itself rather than trusting /Count.</summary>
    private static void CheckPageTree(PdfDocument document, AttachmentOptions options)
    {
        if (Resolve(document.Internals.Catalog.Elements["/Pages"]) is not PdfDictionary top) throw PdfNormaliser.Damaged();
        var seen = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(PdfDictionary Node, int Depth)>();
        pending.Push((top, 0));
        var pages = 0;
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (!seen.Add(node) || depth > options.MaxPdfNesting) throw PdfNormaliser.Unsafe();
            if (Resolve(node.Elements["/Kids"]) is not PdfArray kids)
            {
                if (++pages > options.MaxPdfPages)
                    throw new AttachmentRejectedException(AttachmentRejection.TooManyPages);
                continue;
            }
            if (seen.Count > 2 * options.MaxPdfPages + 64) throw PdfNormaliser.Unsafe();
            foreach (var kid in kids.Elements)
            {
                // Kids must be references to dictionaries (§7.7.3.2).
                if (kid is not PdfReference || Resolve(kid) is not PdfDictionary child) throw PdfNormaliser.Damaged();
                pending.Push((child, depth + 1));
            }
        }
        if (pages == 0) throw PdfNormaliser.Damaged();
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    /// <summary>Removes the keys above from a copied object and everything directly inside it, and strips embedded
    /// JPEGs. Depth is bounded by the normaliser's nesting limit.</summary>
    private static void Scrub(PdfItem item, int depth, AttachmentOptions options, PdfBudget budget)
    {
        if (depth > options.MaxPdfNesting) throw PdfNormaliser.Unsafe();
        switch (item)
        {
            case PdfDictionary dictionary:
                foreach (var key in Removed) dictionary.Elements.Remove(key);
                // Annotation objects themselves become unreachable once the pages lose /Annots, and PDFsharp drops
                // unreachable objects when it saves.
                if (dictionary.Elements.GetName("/Type") == "/Page")
                    foreach (var key in RemovedFromPages) dictionary.Elements.Remove(key);
                foreach (var value in dictionary.Elements.Values.ToList())
                    if (value is PdfDictionary or PdfArray) Scrub(value, depth + 1, options, budget);
                if (dictionary.Stream is { } stream && IsJpeg(dictionary) is { } filters)
                    StripJpeg(dictionary, stream, filters, budget);
                break;
            case PdfArray array:
                foreach (var value in array.Elements)
                    if (value is PdfDictionary or PdfArray) Scrub(value, depth + 1, options, budget);
                break;
        }
    }

    /// <summary>The filter chain of a JPEG image stream ([... /DCTDecode]), or null.</summary>
    private static string[]? IsJpeg(PdfDictionary dictionary)
    {
        var filter = Resolve(dictionary.Elements["/Filter"]);
        string[] names = filter switch
        {
            PdfName name => [name.Value],
            PdfArray array => array.Elements.Select(e => (Resolve(e) as PdfName)?.Value ?? "?").ToArray(),
            _ => [],
        };
        return names.Length > 0 && names[^1] is "/DCTDecode" or "/DCT" ? names : null;
    }

    private static void StripJpeg(PdfDictionary dictionary, PdfDictionary.PdfStream stream, string[] filters, PdfBudget budget)
    {
        byte[] jpeg;
        if (filters.Length == 1) jpeg = stream.Value;
        else if (filters is ["/FlateDecode" or "/Fl", _] && !dictionary.Elements.ContainsKey("/DecodeParms"))
            jpeg = budget.Inflate(stream.Value);
        else return; // an exotic chain: left as it is (see known limitations)
        // A picture that does not read as a JPEG cannot be shown by a viewer either, and cannot be checked for EXIF:
        // the file is refused rather than passed on as it came.
        var stripped = JpegSegments.StripMetadata(jpeg) ?? throw PdfNormaliser.Damaged();
        stream.Value = stripped;
        dictionary.Elements["/Filter"] = new PdfName("/DCTDecode");
        dictionary.Elements["/Length"] = new PdfInteger(stripped.Length);
    }
}
