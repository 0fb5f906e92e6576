using System.Text;

namespace Nacars.Core.Assistance;

/// <summary>The guard's reading of the text around a finding: where a clause starts and ends, whether it is in
/// quotes or names an officer, and where a reporter's own detail appears in a looser spelling.</summary>
public static partial class SanitisationGuard
{
    private static bool Specific(IReadOnlyList<AccountEntity> entities, int start, int end, string clause) =>
        entities.Any(e => e.Start >= start && e.Start < end && e.Kind is EntityKinds.Place or EntityKinds.Station)
        || ReporterPhrases.SpecificAddress().IsMatch(clause);

    private static bool OfficerWordIn(string clause)
    {
        foreach (var t in AccountText.Tokenise(clause))
            if (Lexicon.PoliceWords.Contains(t.Folded) && t.Folded is not ("warrant" or "response" or "patrol")) return true;
        return false;
    }

    /// <summary>The end of the clause that starts before <paramref name="from"/>: the next sentence stop, comma, bracket
    /// or a word that starts a new clause, at most about fifteen words on.</summary>
    private static int ClauseEnd(string text, int from)
    {
        var words = 0;
        var i = from;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or ';' or '\n' or ',' or '(' or ')' or '"' or '“' or '”') break;
            if (c == ' ')
            {
                words++;
                if (words > 16) break;
                var rest = text.AsSpan(i + 1);
                if (StartsWithWord(rest, "and I") || StartsWithWord(rest, "but") || StartsWithWord(rest, "because") || StartsWithWord(rest, "so") || StartsWithWord(rest, "which")
                    || StartsWithWord(rest, "who") || StartsWithWord(rest, "while") || StartsWithWord(rest, "whilst") || StartsWithWord(rest, "although") || StartsWithWord(rest, "though")
                    || StartsWithWord(rest, "and then") || StartsWithWord(rest, "and he") || StartsWithWord(rest, "and she") || StartsWithWord(rest, "when") || StartsWithWord(rest, "if"))
                    break;
            }
            i++;
        }
        return i;
    }

    /// <summary>The start of the clause that ends at <paramref name="before"/>: back to a sentence stop or comma, at
    /// most about eight words.</summary>
    private static int ClauseStart(string text, int before)
    {
        var i = before;
        var words = 0;
        while (i > 0)
        {
            var c = text[i - 1];
            if (c is '.' or '!' or '?' or ';' or '\n' or ',' or '(' or ')' or '"') break;
            if (c == ' ' && ++words > 8) break;
            i--;
        }
        return i;
    }

    private static bool StartsWithWord(ReadOnlySpan<char> s, string word) =>
        s.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (s.Length == word.Length || !char.IsLetter(s[word.Length]));

    private static bool InQuotes(string text, int position)
    {
        var quotes = 0;
        var lineStart = Math.Max(text.LastIndexOf('\n', Math.Max(0, position - 1)), text.LastIndexOfAny(['.', '!', '?'], Math.Max(0, position - 1)));
        for (var i = Math.Max(0, lineStart); i < position; i++)
            if (text[i] is '"' or '“' or '”' or '‘' || (text[i] == '\'' && (i == 0 || !char.IsLetter(text[i - 1])))) quotes++;
        return quotes % 2 == 1;
    }

    /// <summary>Where <paramref name="value"/> appears with any case and any run of spaces between its words
    /// ("Kerry  Ashdown", "KERRY ASHDOWN"), as whole words.</summary>
    private static IEnumerable<(int, int)> FindLoose(string text, string value)
    {
        var parts = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) yield break;
        foreach (var (start, firstLength) in FindWord(text, parts[0], wholeWordAfter: parts.Length == 1))
        {
            var at = start + firstLength;
            var ok = true;
            for (var i = 1; i < parts.Length && ok; i++)
            {
                var gap = at;
                while (gap < text.Length && char.IsWhiteSpace(text[gap])) gap++;
                ok = gap > at || parts[i - 1].Length == 0;
                ok = ok && string.Compare(text, gap, parts[i], 0, parts[i].Length, StringComparison.OrdinalIgnoreCase) == 0;
                at = gap + parts[i].Length;
            }
            if (ok && (at >= text.Length || !IsWordChar(text[at]))) yield return (start, at - start);
        }
    }

    /// <summary>Where <paramref name="word"/> appears with any case as a whole word (not inside an email or handle).</summary>
    private static IEnumerable<(int, int)> FindWord(string text, string word, bool wholeWordAfter = true)
    {
        if (word.Length == 0) yield break;
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (at > 0 && (IsWordChar(text[at - 1]) || text[at - 1] is '@' or '.')) continue;
            var end = at + word.Length;
            if (wholeWordAfter && end < text.Length && (IsWordChar(text[end]) || text[end] == '@')) continue;
            yield return (at, word.Length);
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static IEnumerable<(int Start, int End)> DigitRuns(string text, string digits)
    {
        // Walk the text collecting digits (skipping spaces, dots, hyphens and brackets) and report where the reporter's
        // national number appears.
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsDigit(text[i]) || (i > 0 && char.IsDigit(text[i - 1]))) continue;
            var j = i;
            var k = 0;
            while (j < text.Length && k < digits.Length)
            {
                if (char.IsDigit(text[j])) { if (text[j] != digits[k]) break; k++; }
                else if (text[j] is not (' ' or '-' or '.' or '(' or ')')) break;
                j++;
            }
            if (k == digits.Length && (j >= text.Length || !char.IsDigit(text[j]))) yield return (i, j);
        }
    }

    private static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c)) { if (space && sb.Length > 0) sb.Append(' '); sb.Append(char.ToLowerInvariant(c)); space = false; }
            else space = true;
        }
        return sb.ToString();
    }

}
