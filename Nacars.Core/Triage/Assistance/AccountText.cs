namespace Nacars.Core.Triage.Assistance;

/// <summary>One word of an account: where it is and its folded form (lower case, apostrophes dropped, "saint" as
/// "st") so "King's Lynn", "kings lynn" and "St. Helens" all meet the gazetteer's spelling.</summary>
public readonly record struct Token(int Start, int Length, string Folded)
{
    public int End => Start + Length;
}

/// <summary>An account split once into words, shared by every recogniser so none tokenises the text again.</summary>
public sealed class AccountText
{
    public string Text { get; }
    public IReadOnlyList<Token> Tokens => _tokens;
    private readonly Token[] _tokens;

    public AccountText(string text)
    {
        Text = text;
        _tokens = Tokenise(text);
    }

    public static Token[] Tokenise(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            var hasApostrophe = false;
            var hasUpper = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c)) { hasUpper |= char.IsUpper(c); i++; continue; }
                // An apostrophe inside a word belongs to it (King's, don't); at its edge it is punctuation.
                if ((c == '\'' || c == '\u2019') && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start) { hasApostrophe = true; i++; continue; }
                break;
            }
            tokens.Add(new Token(start, i - start, Fold(text.AsSpan(start, i - start), hasApostrophe, hasUpper)));
        }
        return [.. tokens];
    }

    private static string Fold(ReadOnlySpan<char> word, bool hasApostrophe, bool hasUpper)
    {
        if (!hasApostrophe && !hasUpper) return word.Length == 5 && word.SequenceEqual("saint") ? "st" : word.ToString();
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        var n = 0;
        foreach (var c in word)
        {
            if (c is '\'' or '\u2019') continue;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        var folded = buffer[..n];
        return folded.SequenceEqual("saint") ? "st" : folded.ToString();
    }

    /// <summary>The index of the first token that starts at or after <paramref name="position"/>.</summary>
    public int TokenAt(int position)
    {
        int lo = 0, hi = _tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_tokens[mid].Start < position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public string Surface(int firstToken, int lastToken) =>
        Text[_tokens[firstToken].Start.._tokens[lastToken].End];

    public bool IsCapitalised(int token) => char.IsUpper(Text[_tokens[token].Start]);

    public bool IsAllCaps(int token)
    {
        var t = _tokens[token];
        var letters = 0;
        for (var i = t.Start; i < t.End; i++)
        {
            if (char.IsLower(Text[i])) return false;
            if (char.IsLetter(Text[i])) letters++;
        }
        return letters > 0;
    }

    /// <summary>True when the token opens a sentence, so its capital says nothing about it being a name.</summary>
    public bool StartsSentence(int token)
    {
        var i = _tokens[token].Start - 1;
        while (i >= 0 && (char.IsWhiteSpace(Text[i]) || Text[i] is '"' or '\'' or '\u2018' or '\u201C' or '(')) i--;
        return i < 0 || Text[i] is '.' or '!' or '?' or '\n' or ':';
    }

    /// <summary>Only white space or a hyphen between two neighbouring tokens (the words read as one phrase); a full
    /// stop only after a short abbreviation such as "St.".</summary>
    public bool Adjacent(int left, int right)
    {
        var shortLeft = _tokens[left].Length <= 2;
        for (var i = _tokens[left].End; i < _tokens[right].Start; i++)
        {
            var c = Text[i];
            if (char.IsWhiteSpace(c) || c == '-' || (c == '.' && shortLeft && i == _tokens[left].End)) continue;
            return false;
        }
        return true;
    }
}
