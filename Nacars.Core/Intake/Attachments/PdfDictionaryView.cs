namespace Nacars.Core.Intake.Attachments;

/// <summary>The top-level entries of one raw PDF dictionary: enough to read /Type, /Length, /Filter, /Root.</summary>
internal sealed class PdfDictionaryView
{
    public static readonly PdfDictionaryView Empty = new([]);
    private readonly Dictionary<string, (PdfTokenKind Kind, long Integer, long Generation, bool IsReference, string Text, string[]? Names)> _entries;

    private PdfDictionaryView(Dictionary<string, (PdfTokenKind, long, long, bool, string, string[]?)> entries) => _entries = entries;

    public bool IsEmpty => _entries.Count == 0;
    public bool TryGet(string key, out PdfTokenKind kind)
    {
        var found = _entries.TryGetValue(key, out var entry);
        kind = entry.Kind;
        return found;
    }
    public string? Name(string key) => _entries.TryGetValue(key, out var e) && e.Kind == PdfTokenKind.Name ? e.Text : null;
    public string[]? Names(string key) => _entries.TryGetValue(key, out var e) ? e.Names : null;
    public long? Integer(string key) => _entries.TryGetValue(key, out var e) && e.Kind == PdfTokenKind.Integer && !e.IsReference ? e.Integer : null;
    public (int, int)? Reference(string key) => _entries.TryGetValue(key, out var e) && e.IsReference && e.Integer is >= 1 and <= int.MaxValue && e.Generation is >= 0 and <= 65535
        ? ((int)e.Integer, (int)e.Generation) : null;

    /// <summary>Parses "&lt;&lt; … &gt;&gt;"; nested values other than arrays of names are skipped.</summary>
    public static PdfDictionaryView Parse(ReadOnlySpan<byte> text)
    {
        var entries = new Dictionary<string, (PdfTokenKind, long, long, bool, string, string[]?)>();
        var lexer = new PdfLexer(text);
        if (lexer.Next() != PdfTokenKind.DictOpen) return Empty;
        while (true)
        {
            if (lexer.Next() != PdfTokenKind.Name) break; // ">>" or junk ends it
            var key = lexer.Text;
            var kind = lexer.Next();
            switch (kind)
            {
                case PdfTokenKind.Integer:
                    var value = lexer.Integer;
                    var mark = lexer.Position;
                    if (lexer.Next() == PdfTokenKind.Integer)
                    {
                        var generation = lexer.Integer;
                        if (lexer.Next() == PdfTokenKind.Keyword && lexer.Text == "R")
                        {
                            entries[key] = (kind, value, generation, true, "", null);
                            continue;
                        }
                    }
                    lexer.Position = mark;
                    entries[key] = (kind, value, 0, false, "", null);
                    break;
                case PdfTokenKind.ArrayOpen:
                    var names = new List<string>();
                    var depth = 1;
                    while (depth > 0 && lexer.Next() != PdfTokenKind.End)
                    {
                        if (lexer.Kind is PdfTokenKind.ArrayOpen or PdfTokenKind.DictOpen) depth++;
                        else if (lexer.Kind is PdfTokenKind.ArrayClose or PdfTokenKind.DictClose) depth--;
                        else if (lexer.Kind == PdfTokenKind.Name && depth == 1) names.Add(lexer.Text);
                    }
                    entries[key] = (kind, 0, 0, false, "", [.. names]);
                    break;
                case PdfTokenKind.DictOpen:
                    var nested = 1;
                    while (nested > 0 && lexer.Next() != PdfTokenKind.End)
                    {
                        if (lexer.Kind is PdfTokenKind.ArrayOpen or PdfTokenKind.DictOpen) nested++;
                        else if (lexer.Kind is PdfTokenKind.ArrayClose or PdfTokenKind.DictClose) nested--;
                    }
                    entries[key] = (kind, 0, 0, false, "", null);
                    break;
                case PdfTokenKind.End:
                    return new PdfDictionaryView(entries);
                default:
                    entries[key] = (kind, 0, 0, false, lexer.Text, null);
                    break;
            }
        }
        return new PdfDictionaryView(entries);
    }
}
