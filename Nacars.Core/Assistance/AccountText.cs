namespace Nacars.Core.Assistance;

/// <summary>An account split once into words, shared by every recogniser so none tokenises the text again.</summary>
public sealed class AccountText
{
    public string Text { get; }
    public IReadOnlyList<Token> Tokens => _tokens;
    private readonly Token[] _tokens;

    private (int Start, int End, int FirstToken, int LastToken)[]? _sentences;

    public AccountText(string text)
    {
        Text = text;
        _tokens = Tokenise(text);
    }

    /// <summary>The account's sentences (split at . ! ? and line breaks), with their first and last token.</summary>
    public IReadOnlyList<(int Start, int End, int FirstToken, int LastToken)> Sentences => _sentences ??= SplitSentences();

    private (int, int, int, int)[] SplitSentences()
    {
        var list = new List<(int, int, int, int)>();
        var first = 0;
        for (var t = 0; t < _tokens.Length; t++)
        {
            var last = t == _tokens.Length - 1;
            if (!last)
            {
                var stop = false;
                for (var i = _tokens[t].End; i < _tokens[t + 1].Start; i++)
                    if (Text[i] is '!' or '?' or '\n' || (Text[i] == '.' && i + 1 < Text.Length && char.IsWhiteSpace(Text[i + 1]))) { stop = true; break; }
                if (!stop) continue;
            }
            var start = _tokens[first].Start;
            var end = last ? Text.Length : _tokens[t + 1].Start;
            list.Add((first == 0 ? 0 : start, end, first, t));
            first = t + 1;
        }
        return [.. list];
    }

    /// <summary>
    /// Stretches of the account (runs of whole sentences) holding at least one word for which <paramref name="trigger"/>
    /// is true. A regex that can only match around such words need not read the rest: most of a long account is
    /// sentences without a date, a first-person phrase or a phone number.
    /// </summary>
    public List<(int Start, int Length)> Stretches(Func<string, bool> trigger)
    {
        var stretches = new List<(int Start, int Length)>();
        int runStart = -1, runEnd = -1;
        foreach (var (start, end, firstToken, lastToken) in Sentences)
        {
            var hit = false;
            for (var t = firstToken; t <= lastToken && !hit; t++) hit = trigger(_tokens[t].Folded);
            if (hit)
            {
                if (runStart < 0) runStart = start;
                runEnd = end;
            }
            else if (runStart >= 0)
            {
                stretches.Add((runStart, runEnd - runStart));
                runStart = -1;
            }
        }
        if (runStart >= 0) stretches.Add((runStart, runEnd - runStart));
        return stretches;
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

    /// <summary>The matches of <paramref name="regex"/> inside the given stretches, in order.</summary>
    public IEnumerable<System.Text.RegularExpressions.Match> MatchesIn(System.Text.RegularExpressions.Regex regex, List<(int Start, int Length)> stretches)
    {
        foreach (var (start, length) in stretches)
            for (var m = regex.Match(Text, start, length); m.Success; m = m.NextMatch())
                yield return m;
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

    /// <summary>The words of <paramref name="s"/> with one space between them, in lower case unless asked: how a
    /// matched phrase is quoted in a reason ("collar number", "works out of").</summary>
    internal static string OneSpaced(string s, bool lower = true)
    {
        var joined = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return lower ? joined.ToLowerInvariant() : joined;
    }

    public bool IsCapitalised(int token) => char.IsUpper(Text[_tokens[token].Start]);

    private bool? _lowerCase;

    /// <summary>True for an account written (almost) without capitals, as text-speak is: under 2% of its words start
    /// with one, "I" aside.</summary>
    public bool WrittenInLowerCase => _lowerCase ??= _tokens.Length >= 8
        && _tokens.Count(t => char.IsUpper(Text[t.Start]) && t.Folded != "i") * 50 < _tokens.Count(t => char.IsLetter(Text[t.Start]));

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
