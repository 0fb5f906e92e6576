using System.Globalization;
using System.Text;

namespace Nacars.Core.Intake.Attachments;

/// <summary>
/// Rewrites an uploaded PDF into a plain, bounded form before the real PDF reader (PDFsharp) sees it: every object
/// found in the file (objects packed in compressed object streams unpacked), the last definition of each number
/// winning, written once with one fresh cross-reference table and a trailer that names only the document root.
/// </summary>
/// <remarks>
/// Why: PDFsharp trusts the file's structure, and a few hundred bytes can end or hang the whole server through it (a
/// cross-reference chain that points at itself loops for ever; arrays nested 20,000 deep overflow the stack, which no
/// catch survives). Rebuilding the structure here removes those paths, and on the way drops what the cleaned copy must
/// not keep anyway: earlier revisions' trailers and Info dictionaries, and anything appended after the last object (the
/// tail of a PDF/ZIP polyglot). Limits: nesting depth, object count, the size a compressed object stream may expand
/// to. Encrypted files are refused: their objects cannot be unpacked without the key.
/// </remarks>
internal static class PdfNormaliser
{
    private readonly record struct Definition(int Generation, int Start, int Length, byte[]? Unpacked);

    /// <param name="dropMetadata">Also drop XMP metadata streams and the root's reference to them: used on PDFsharp's
    /// own output, which always gains an (empty) XMP packet and an Info dictionary naming PDFsharp. The trailer written
    /// here names only the root, so the Info dictionary and the document ID go too.</param>
    public static byte[] Normalise(ReadOnlySpan<byte> pdf, AttachmentOptions options, PdfBudget budget, bool dropMetadata = false)
    {
        var objects = new Dictionary<int, Definition>();
        (int Number, int Generation)? root = null, info = null;
        var lexer = new PdfLexer(pdf);
        // The two tokens before the current one at the top level: "12 0 obj" starts object 12.
        (PdfTokenKind Kind, long Value, int Start) before1 = default, before2 = default;

        while (lexer.Next() != PdfTokenKind.End)
        {
            if (lexer.Kind == PdfTokenKind.Keyword && lexer.Text == "obj" && before1.Kind == PdfTokenKind.Integer && before2.Kind == PdfTokenKind.Integer
                && before2.Value is >= 1 and <= int.MaxValue && before1.Value is >= 0 and <= 65535)
            {
                var number = (int)before2.Value;
                var bodyStart = lexer.Position;
                var body = ReadObjectBody(pdf, ref lexer, options, out var dictionary);
                if (body is null) break; // truncated: keep what came before
                var span = pdf.Slice(bodyStart, body.Value - bodyStart);
                if (dictionary.TryGet("Encrypt", out _)) throw PasswordProtected();
                var type = dictionary.Name("Type");
                if (type == "XRef")
                {
                    // A cross-reference stream: replaced by our own table, but it carries the trailer's entries.
                    if (dictionary.Reference("Root") is { } r) root = r;
                    if (dictionary.Reference("Info") is { } i) info = i;
                }
                else if (type == "ObjStm")
                {
                    foreach (var (packedNumber, packed) in Unpack(span, dictionary, options, budget))
                        objects[packedNumber] = new Definition(0, 0, 0, packed);
                }
                else if (!(dropMetadata && type == "Metadata"))
                {
                    objects[number] = new Definition((int)before1.Value, bodyStart, body.Value - bodyStart, null);
                }
                if (objects.Count > options.MaxPdfObjects) throw Unsafe();
                before1 = before2 = default;
                continue;
            }
            if (lexer.Kind == PdfTokenKind.Keyword && lexer.Text == "trailer")
            {
                var dictStart = lexer.Position;
                if (lexer.Next() != PdfTokenKind.DictOpen) continue;
                SkipNested(ref lexer, 1, options);
                var trailer = PdfDictionaryView.Parse(pdf[dictStart..lexer.Position]);
                if (trailer.TryGet("Encrypt", out _)) throw PasswordProtected();
                if (trailer.Reference("Root") is { } r) root = r;
                if (trailer.Reference("Info") is { } i) info = i;
                before1 = before2 = default;
                continue;
            }
            before2 = before1;
            before1 = (lexer.Kind, lexer.Kind == PdfTokenKind.Integer ? lexer.Integer : 0, lexer.TokenStart);
        }

        if (root is null || !objects.TryGetValue(root.Value.Number, out var rootDefinition)) throw Damaged();
        // Unreferenced once the trailer names only the root, but still bytes in the file: leave PDFsharp's Info out.
        if (dropMetadata && info is { } infoReference && infoReference.Number != root.Value.Number) objects.Remove(infoReference.Number);
        if (dropMetadata)
            objects[root.Value.Number] = rootDefinition with { Unpacked = WithoutMetadataEntry(rootDefinition.Unpacked ?? pdf.Slice(rootDefinition.Start, rootDefinition.Length).ToArray()) };
        var highest = objects.Keys.Max();
        // Object numbers are dense in real files; a sparse one would make the cross-reference table huge.
        if (highest > 2L * options.MaxPdfObjects) throw Unsafe();
        return Write(pdf, objects, highest, root.Value);
    }

    /// <summary>The dictionary with its "/Metadata n g R" entry overwritten by spaces (same length, nothing else moves).</summary>
    private static byte[] WithoutMetadataEntry(byte[] body)
    {
        var lexer = new PdfLexer(body);
        var depth = 0;
        while (lexer.Next() != PdfTokenKind.End)
        {
            if (lexer.Kind is PdfTokenKind.ArrayOpen or PdfTokenKind.DictOpen) depth++;
            else if (lexer.Kind is PdfTokenKind.ArrayClose or PdfTokenKind.DictClose) depth--;
            else if (depth == 1 && lexer.Kind == PdfTokenKind.Name && lexer.Text == "Metadata")
            {
                var start = lexer.TokenStart;
                if (lexer.Next() == PdfTokenKind.Integer && lexer.Next() == PdfTokenKind.Integer && lexer.Next() == PdfTokenKind.Keyword && lexer.Text == "R")
                    body.AsSpan(start, lexer.Position - start).Fill((byte)' ');
                break;
            }
        }
        return body;
    }

    /// <summary>Reads from just after "obj" to "endobj", checking nesting and skipping stream data. Returns the position
    /// where "endobj" starts (the body ends there), or null when the file ends first.</summary>
    private static int? ReadObjectBody(ReadOnlySpan<byte> pdf, ref PdfLexer lexer, AttachmentOptions options, out PdfDictionaryView dictionary)
    {
        dictionary = PdfDictionaryView.Empty;
        var depth = 0;
        int dictStart = -1;
        while (true)
        {
            var kind = lexer.Next();
            switch (kind)
            {
                case PdfTokenKind.End:
                    return null;
                case PdfTokenKind.ArrayOpen or PdfTokenKind.DictOpen:
                    if (depth == 0 && kind == PdfTokenKind.DictOpen && dictStart < 0) dictStart = lexer.TokenStart;
                    if (++depth > options.MaxPdfNesting) throw Unsafe();
                    break;
                case PdfTokenKind.ArrayClose or PdfTokenKind.DictClose:
                    depth = Math.Max(0, depth - 1);
                    if (depth == 0 && kind == PdfTokenKind.DictClose && dictStart >= 0 && dictionary.IsEmpty)
                        dictionary = PdfDictionaryView.Parse(pdf[dictStart..lexer.Position]);
                    break;
                case PdfTokenKind.Keyword when lexer.Text == "stream" && depth == 0:
                    lexer.Position = SkipStreamData(pdf, lexer.Position, dictionary);
                    break;
                case PdfTokenKind.Keyword when lexer.Text == "endobj":
                    return lexer.TokenStart;
                case PdfTokenKind.Keyword when lexer.Text == "obj":
                    return null; // a new object began before this one ended: the file is broken here
            }
        }
    }

    /// <summary>Stream data is opaque bytes: skip it by its direct /Length when that lands on "endstream", else by
    /// searching for "endstream". Returns the position after "endstream".</summary>
    private static int SkipStreamData(ReadOnlySpan<byte> pdf, int afterKeyword, PdfDictionaryView dictionary)
    {
        var start = afterKeyword;
        if (start < pdf.Length && pdf[start] == '\r') start++;
        if (start < pdf.Length && pdf[start] == '\n') start++;
        if (dictionary.Integer("Length") is { } length && length >= 0 && start + length <= pdf.Length)
        {
            var after = start + (int)length;
            while (after < pdf.Length && PdfLexer.IsWhite(pdf[after])) after++;
            if (pdf[after..].StartsWith("endstream"u8)) return after + "endstream".Length;
        }
        var end = pdf[start..].IndexOf("endstream"u8);
        return end < 0 ? pdf.Length : start + end + "endstream".Length;
    }

    /// <summary>Stream data of an object body (from "stream" to "endstream").</summary>
    private static ReadOnlySpan<byte> StreamData(ReadOnlySpan<byte> body, PdfDictionaryView dictionary)
    {
        var keyword = body.IndexOf("stream"u8);
        if (keyword < 0) return [];
        var start = keyword + "stream".Length;
        if (start < body.Length && body[start] == '\r') start++;
        if (start < body.Length && body[start] == '\n') start++;
        if (dictionary.Integer("Length") is { } length && length >= 0 && start + length <= body.Length) return body.Slice(start, (int)length);
        var end = body[start..].IndexOf("endstream"u8);
        return end < 0 ? body[start..] : body.Slice(start, end);
    }

    /// <summary>The objects packed in a compressed object stream (§7.5.7), each checked for nesting like any other.</summary>
    private static List<(int Number, byte[] Body)> Unpack(ReadOnlySpan<byte> body, PdfDictionaryView dictionary, AttachmentOptions options, PdfBudget budget)
    {
        var filter = dictionary.Name("Filter") ?? dictionary.Names("Filter") switch { ["FlateDecode"] => "FlateDecode", null => null, _ => "?" };
        if (filter is not (null or "FlateDecode") || dictionary.TryGet("DecodeParms", out _)) throw Unsafe();
        if (dictionary.Integer("N") is not { } count || dictionary.Integer("First") is not { } first || count < 0 || first < 0) throw Damaged();
        var raw = StreamData(body, dictionary);
        var content = filter is null ? raw.ToArray() : budget.Inflate(raw);
        if (first > content.Length || count > content.Length) throw Damaged();
        if (count > options.MaxPdfObjects) throw Unsafe();

        var header = new PdfLexer(content.AsSpan(0, (int)first));
        var entries = new List<(int Number, int Offset)>();
        for (var i = 0; i < count; i++)
        {
            if (header.Next() != PdfTokenKind.Integer) throw Damaged();
            var number = header.Integer;
            if (header.Next() != PdfTokenKind.Integer) throw Damaged();
            var offset = header.Integer;
            if (number is < 1 or > int.MaxValue || offset < 0 || first + offset > content.Length) throw Damaged();
            entries.Add(((int)number, (int)(first + offset)));
        }
        var unpacked = new List<(int, byte[])>(entries.Count);
        // Each object runs to the next one's offset: found by binary search, since a hostile stream can list millions.
        // Entries that share an offset share one copy; each still counts against the budget, as each is written out.
        var order = entries.Select(e => e.Offset).Distinct().Order().ToArray();
        var copies = new Dictionary<int, byte[]>();
        foreach (var (number, offset) in entries)
        {
            var at = Array.BinarySearch(order, offset);
            var next = at + 1 < order.Length ? order[at + 1] : content.Length;
            budget.Unpacked(next - offset);
            if (!copies.TryGetValue(offset, out var copy))
            {
                var text = content.AsSpan(offset, next - offset);
                CheckNesting(text, options);
                copies[offset] = copy = text.ToArray();
            }
            unpacked.Add((number, copy));
        }
        return unpacked;
    }

    private static void CheckNesting(ReadOnlySpan<byte> text, AttachmentOptions options)
    {
        var lexer = new PdfLexer(text);
        var depth = 0;
        while (lexer.Next() != PdfTokenKind.End)
        {
            if (lexer.Kind is PdfTokenKind.ArrayOpen or PdfTokenKind.DictOpen && ++depth > options.MaxPdfNesting) throw Unsafe();
            if (lexer.Kind is PdfTokenKind.ArrayClose or PdfTokenKind.DictClose) depth = Math.Max(0, depth - 1);
        }
    }

    private static void SkipNested(ref PdfLexer lexer, int depth, AttachmentOptions options)
    {
        while (depth > 0 && lexer.Next() != PdfTokenKind.End)
        {
            if (lexer.Kind is PdfTokenKind.ArrayOpen or PdfTokenKind.DictOpen && ++depth > options.MaxPdfNesting) throw Unsafe();
            if (lexer.Kind is PdfTokenKind.ArrayClose or PdfTokenKind.DictClose) depth--;
        }
    }

    private static byte[] Write(ReadOnlySpan<byte> pdf, Dictionary<int, Definition> objects, int highest, (int Number, int Generation) root)
    {
        using var output = new MemoryStream(pdf.Length + 64 * 1024);
        output.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new long[highest + 1];
        var generations = new int[highest + 1];
        foreach (var number in objects.Keys.Order())
        {
            var definition = objects[number];
            offsets[number] = output.Position;
            generations[number] = definition.Generation;
            output.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{number} {definition.Generation} obj\n")));
            output.Write(definition.Unpacked ?? pdf.Slice(definition.Start, definition.Length));
            output.Write("\nendobj\n"u8);
        }
        var xref = output.Position;
        var table = new StringBuilder(32 + 20 * (highest + 1));
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {highest + 1}\n");
        for (var i = 0; i <= highest; i++)
            table.Append(offsets[i] == 0 ? "0000000000 65535 f\r\n" : string.Create(CultureInfo.InvariantCulture, $"{offsets[i]:D10} {generations[i]:D5} n\r\n"));
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {highest + 1} /Root {root.Number} {root.Generation} R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return output.ToArray();
    }

    internal static AttachmentRejectedException Damaged() => new(AttachmentRejection.DamagedPdf);
    internal static AttachmentRejectedException Unsafe() => new(AttachmentRejection.UnsafePdfStructure);
    private static AttachmentRejectedException PasswordProtected() => new(AttachmentRejection.PasswordProtectedPdf);
}
