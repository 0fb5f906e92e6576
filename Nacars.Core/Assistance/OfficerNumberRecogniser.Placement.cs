using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Numbers an account sets apart rather than introduces: "The PC who comes when they call, 2684, takes a cut",
/// "Reporting PCSO Tina Marsh [5127]", "I got his number as he passed: 4507.", "His shoulder number, as recorded on her
/// incident log, was 1609."</summary>
internal static partial class OfficerNumberRecogniser
{
    /// <summary>"his number … was 1296", "the number on him was 6604", "I see number on him: 1462": "number", then in
    /// the same sentence "was", "is" or a colon and the digits.</summary>
    [GeneratedRegex(@"(?<before>\b[\w'’]+\s+)?\b(?:number|no\.)(?:'s|’s)?(?<gap>\b[^.\n!?]{0,70}?)(?:\b(?:was|is|were|wer|its|it's|it’s)\b|:|,)\s*#?(?<num>\d{3,7}[A-Z]{0,2})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NumberThenDigits();

    [GeneratedRegex(@"#?\b\d{3,6}(?:[A-Z]{2})?\b", RegexOptions.NonBacktracking)]
    private static partial Regex Digits();

    /// <summary>"PCs 3017, 3071 and 3170", "[2281] & [2218]": the next number of a list after one already found.</summary>
    [GeneratedRegex(@"[\])]?\s*(?:,|,?\s*and|&)\s*[\[(]?#?(?<num>\d{3,7}[A-Z]{0,2})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NextInList();

    /// <summary>People who wear numbers and are not police: "a prison officer at HMP Altcourse, officer number 4471",
    /// "the store detective (badge 3390)", "a CCTV operator, badge number 112", "Housing officer from the council, ID
    /// 40117".</summary>
    [GeneratedRegex(@"\b(?:prison\s+officers?|screws?|store\s+detectives?|security(?:\s+guards?)?|guards?|(?:traffic|parking|civil\s+enforcement)\s+wardens?|wardens?|CCTV\s+operators?|council|housing\s+officers?|border\s+force|immigration\s+officers?|taxi|cab|bouncers?|door\s+staff|nurses?|paramedics?|not\s+police)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OtherRole();

    /// <summary>Drops a number when, in its sentence before it (or just after it, "badge 3390, not police"), someone
    /// other than the police is named and no police word comes between.</summary>
    private static void DropOtherRoles(string text, List<Candidate> into, int from)
    {
        for (var i = into.Count - 1; i >= from; i--)
        {
            var c = into[i];
            if (c.Kind != EntityKinds.OfficerNumber) continue;
            var start = c.Start;
            while (start > 0 && text[start - 1] is not ('.' or '!' or '?' or '\n')) start--;
            var before = text.AsSpan(start, c.Start - start).ToString();
            var after = text.AsSpan(c.End, Math.Min(20, text.Length - c.End)).ToString();
            var role = OtherRole().Matches(before).LastOrDefault();
            var otherAfter = after.Contains("not police", StringComparison.OrdinalIgnoreCase);
            if (role is null && !otherAfter) continue;
            // The police word may be the number's own rank: "the security guard saw PC 4410".
            var between = (role is null ? "" : before[(role.Index + role.Length)..]) + " " + text.Substring(c.Start, c.Length);
            if (!otherAfter && AccountText.Tokenise(between).Any(t => Lexicon.PoliceWords.Contains(t.Folded) && t.Folded is not ("officer" or "officers" or "collar" or "shoulder" or "warrant" or "uniform"))) continue;
            into.RemoveAt(i);
        }
    }

    /// <summary>Things between "number" and the digits that make it theirs: "the number on the bus was 1234".</summary>
    private static readonly HashSet<string> OtherThings = new(StringComparer.OrdinalIgnoreCase)
    {
        "bus", "route", "phone", "mobile", "door", "house", "flat", "room", "plate", "reference", "ref", "crime", "account", "cad", "ticket", "receipt",
    };

    private static readonly string[] Hedges = ["I think", "I believe", "maybe", "possibly", "probably", "I'm sure"];

    /// <summary>Words after a set-apart number that make it something else: "2,000 people", "1930 hours".</summary>
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "hours", "hrs", "people", "times", "miles", "quid", "pounds", "mph", "calls", "followers", "now", "tonight", "today",
    };

    private static void FindPlaced(string text, List<Candidate> into)
    {
        foreach (Match m in NumberThenDigits().Matches(text))
        {
            var g = m.Groups["num"];
            var before = m.Groups["before"].Value.Trim();
            var gap = m.Groups["gap"].Value;
            if (NotOfficerNumbers.Contains(before) || Owned(text, m.Index) || gap.TrimStart().StartsWith("of ", StringComparison.OrdinalIgnoreCase)) continue;
            if (gap.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries).Any(OtherThings.Contains)) continue;
            // "the number on him was 6604": a number a person wears, which needs no police word beside it.
            var worn = gap.TrimStart().StartsWith("on him", StringComparison.OrdinalIgnoreCase) || gap.TrimStart().StartsWith("on her", StringComparison.OrdinalIgnoreCase);
            if (!NumberStandsAlone(text, g.Index, g.Index + g.Length) || !(worn || PoliceAround(text, m.Index, g.Index + g.Length))) continue;
            into.Add(new Candidate(EntityKinds.OfficerNumber, g.Index, g.Length, "'number', then the digits in the same sentence", Candidate.PriorityOf(EntityKinds.OfficerNumber) - 3));
        }
        foreach (Match m in Digits().Matches(text))
        {
            var (start, end) = (m.Value[0] == '#' ? m.Index + 1 : m.Index, m.Index + m.Length);
            if (!SetApart(text, m.Index, end) || LooksLikeAYear(text.AsSpan(start, end - start)) || !NumberStandsAlone(text, start, end)) continue;
            if (!PoliceAround(text, start, end)) continue;
            into.Add(new Candidate(EntityKinds.OfficerNumber, start, end - start, "a number set apart beside an officer", Candidate.PriorityOf(EntityKinds.OfficerNumber) - 3));
        }
    }

    /// <summary>The police before the number, or after it: "1187 is the one you want. Sits in the custody at Perry Barr".</summary>
    private static bool PoliceAround(string text, int start, int end) =>
        OfficerRecogniser.PoliceNear(text, start, 200) || OfficerRecogniser.PoliceNear(text, Math.Min(text.Length, end + 80), 80);

    /// <summary>Punctuation, a bracket or the start of a line before; punctuation, a bracket, "'s" or "is the one"
    /// after. A word on either side ("at 2217", "June 2023 and") makes it part of a phrase instead.</summary>
    private static bool SetApart(string text, int start, int end)
    {
        // "[5127]", "(4481)": in brackets of its own.
        if (start > 0 && end < text.Length && text[start - 1] is '[' or '(' && text[end] is ']' or ')') return true;
        var left = start - 1;
        while (left >= 0 && text[left] is ' ' or '[' or '(') left--;
        // "(I think 1721)", ", maybe 2290,": a hedge is not a word of the sentence around it.
        foreach (var hedge in Hedges)
            if (left + 1 >= hedge.Length && text.AsSpan(left + 1 - hedge.Length, hedge.Length).Equals(hedge, StringComparison.OrdinalIgnoreCase)
                && (left + 1 == hedge.Length || !char.IsLetter(text[left - hedge.Length])))
            {
                left -= hedge.Length;
                while (left >= 0 && text[left] == ' ') left--;
                break;
            }
        if (left >= 0 && text[left] is not (',' or ':' or ';' or '-' or '–' or '—' or '.' or '\n' or '(' or '[')) return false;
        if (left >= 0 && text[left] == '.' && left + 1 < text.Length && text[left + 1] != ' ' && text[left + 1] != '\n') return false;
        // "£1,000", "1930-2045", "10:45": the end of a larger number, a range or a time.
        if (left >= 1 && text[left] is ',' or '-' or ':' or '.' && char.IsDigit(text[left - 1])) return false;
        var right = end;
        if (right >= text.Length || text[right] is ']' or ')') return true;
        if (text[right] is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']') return right + 1 >= text.Length || !char.IsDigit(text[right + 1]);
        var rest = text.AsSpan(right);
        if (rest.StartsWith("'s ", StringComparison.Ordinal) || rest.StartsWith("’s ", StringComparison.Ordinal) || rest.StartsWith(" - ", StringComparison.Ordinal)) return true;
        var next = rest.TrimStart();
        // "4417 and 4471": the first of a list.
        if ((next.StartsWith("and ", StringComparison.OrdinalIgnoreCase) || next.StartsWith("& ", StringComparison.Ordinal))
            && next[(next.IndexOf(' ') + 1)..].TrimStart(['[', '(', '#', ' ']) is { Length: > 0 } after && char.IsDigit(after[0])) return true;
        var word = next[..Math.Max(0, next.IndexOfAny(' ', ',', '.') is var i and >= 0 ? i : next.Length)].ToString();
        if (Units.Contains(word)) return false;
        return next.StartsWith("is the one", StringComparison.OrdinalIgnoreCase) || next.StartsWith("was the one", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>1950–2035: more often the year than an officer.</summary>
    private static bool LooksLikeAYear(ReadOnlySpan<char> digits) =>
        digits.Length == 4 && int.TryParse(digits, out var n) && n is >= 1950 and <= 2035;
}
