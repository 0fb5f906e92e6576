using System.Text;

namespace Nacars.Core.Intake.Attachments;

internal enum PdfTokenKind { End, Integer, Real, Name, String, ArrayOpen, ArrayClose, DictOpen, DictClose, Keyword, Other }

/// <summary>
/// A forgiving tokenizer for raw PDF syntax (ISO 32000-1 §7.2): it never throws and always moves forward, whatever the
/// bytes, so hostile files can be measured before any real PDF reader sees them. Strings and comments are skipped
/// whole, so brackets inside them are not mistaken for structure; names are decoded (#xx), so "/Obj#53tm" is ObjStm.
/// </summary>
internal ref struct PdfLexer(ReadOnlySpan<byte> source, int start = 0)
{
    private readonly ReadOnlySpan<byte> _s = source;

    public int Position { get; set; } = start;
    public PdfTokenKind Kind { get; private set; }
    public int TokenStart { get; private set; }
    public long Integer { get; private set; }
    /// <summary>Name (without the slash) or keyword; empty for other tokens.</summary>
    public string Text { get; private set; } = "";

    public static bool IsWhite(byte c) => c is 0 or 9 or 10 or 12 or 13 or 32;
    private static bool IsDelimiter(byte c) => c is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public PdfTokenKind Next()
    {
        Text = "";
        while (Position < _s.Length)
        {
            var c = _s[Position];
            if (IsWhite(c)) { Position++; continue; }
            if (c == '%')
            {
                while (Position < _s.Length && _s[Position] is not (10 or 13)) Position++;
                continue;
            }
            break;
        }
        TokenStart = Position;
        if (Position >= _s.Length) return Kind = PdfTokenKind.End;

        var b = _s[Position];
        switch (b)
        {
            case (byte)'[': Position++; return Kind = PdfTokenKind.ArrayOpen;
            case (byte)']': Position++; return Kind = PdfTokenKind.ArrayClose;
            case (byte)'<' when Position + 1 < _s.Length && _s[Position + 1] == '<': Position += 2; return Kind = PdfTokenKind.DictOpen;
            case (byte)'>' when Position + 1 < _s.Length && _s[Position + 1] == '>': Position += 2; return Kind = PdfTokenKind.DictClose;
            case (byte)'<':
                var close = _s[Position..].IndexOf((byte)'>');
                Position = close < 0 ? _s.Length : Position + close + 1;
                return Kind = PdfTokenKind.String;
            case (byte)'(':
                SkipLiteralString();
                return Kind = PdfTokenKind.String;
            case (byte)'/':
                Position++;
                Text = ReadName();
                return Kind = PdfTokenKind.Name;
            case (byte)')' or (byte)'>' or (byte)'{' or (byte)'}':
                Position++;
                return Kind = PdfTokenKind.Other;
        }

        var begin = Position;
        while (Position < _s.Length && !IsWhite(_s[Position]) && !IsDelimiter(_s[Position])) Position++;
        var token = _s[begin..Position];
        if (token.Length is > 0 and <= 18 && IsInteger(token, out var value))
        {
            Integer = value;
            return Kind = PdfTokenKind.Integer;
        }
        if (token.IndexOfAny((byte)'.', (byte)'-', (byte)'+') >= 0 && token.IndexOfAnyInRange((byte)'0', (byte)'9') >= 0) return Kind = PdfTokenKind.Real;
        Text = Encoding.Latin1.GetString(token[..Math.Min(token.Length, 64)]);
        return Kind = PdfTokenKind.Keyword;
    }

    private static bool IsInteger(ReadOnlySpan<byte> token, out long value)
    {
        value = 0;
        var i = token[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        if (i == token.Length) return false;
        for (var j = i; j < token.Length; j++)
        {
            if (token[j] is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (token[j] - '0');
        }
        if (token[0] == '-') value = -value;
        return true;
    }

    private void SkipLiteralString()
    {
        var depth = 0;
        while (Position < _s.Length)
        {
            var c = _s[Position++];
            if (c == '\\') { Position++; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return;
        }
        Position = Math.Min(Position, _s.Length);
    }

    private string ReadName()
    {
        var begin = Position;
        while (Position < _s.Length && !IsWhite(_s[Position]) && !IsDelimiter(_s[Position])) Position++;
        var raw = _s[begin..Position];
        if (raw.IndexOf((byte)'#') < 0) return Encoding.Latin1.GetString(raw[..Math.Min(raw.Length, 127)]);
        var decoded = new StringBuilder();
        for (var i = 0; i < raw.Length && decoded.Length < 127; i++)
        {
            if (raw[i] == '#' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
            {
                decoded.Append((char)Convert.ToByte(Encoding.Latin1.GetString(raw.Slice(i + 1, 2)), 16));
                i += 2;
            }
            else decoded.Append((char)raw[i]);
        }
        return decoded.ToString();
    }

    private static bool IsHex(byte c) => c is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
