namespace Nacars.Core.Assistance;

/// <summary>
/// A set of short phrases matched word by word against an account's tokens ("send someone", "hands round my throat",
/// "strangl*" for any word starting so). One pass over the tokens with dictionary look-ups, where a regex alternation
/// of the same phrases read every character.
/// </summary>
internal sealed class PhraseSet
{
    private readonly Dictionary<string, List<string[]>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<(string Stem, string[] Tail)> _stems = [];

    public PhraseSet(params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            var words = AccountText.Tokenise(phrase.Replace("*", "", StringComparison.Ordinal)).Select(t => t.Folded).ToArray();
            if (words.Length == 0) continue;
            if (phrase.Split(' ')[0].EndsWith('*')) _stems.Add((words[0], words[1..]));
            else
            {
                if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
                list.Add(words);
            }
        }
    }

    /// <summary>The distinct phrases found, as written in the account (lower case).</summary>
    public List<string> Find(AccountText account)
    {
        var found = new List<string>();
        var tokens = account.Tokens;
        for (var t = 0; t < tokens.Count; t++)
        {
            var w = tokens[t].Folded;
            if (_byFirstWord.TryGetValue(w, out var candidates))
                foreach (var words in candidates)
                    if (WordsAt(account, t + 1, words.AsSpan(1))) Add(t, t + words.Length - 1);
            foreach (var (stem, tail) in _stems)
                if (w.StartsWith(stem, StringComparison.Ordinal) && WordsAt(account, t + 1, tail)) Add(t, t + tail.Length);
        }
        return found;

        void Add(int first, int last)
        {
            var text = account.Text[tokens[first].Start..tokens[last].End].ToLowerInvariant();
            if (!found.Contains(text)) found.Add(text);
        }
    }

    public bool Any(AccountText account) => Find(account).Count > 0;

    /// <summary>The words follow one another from token <paramref name="at"/>, with only spaces between.</summary>
    private static bool WordsAt(AccountText account, int at, ReadOnlySpan<string> words)
    {
        var tokens = account.Tokens;
        for (var i = 0; i < words.Length; i++)
        {
            var t = at + i;
            if (t >= tokens.Count || tokens[t].Folded != words[i] || !account.Adjacent(t - 1, t)) return false;
        }
        return true;
    }
}
