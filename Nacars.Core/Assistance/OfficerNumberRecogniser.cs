using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Officers' collar, shoulder and warrant numbers, read from the words around them: after a rank, after a
/// rank and a name ("PC Rhys Bevan, 1126", "Sgt Lee Harland (1290)"), after "collar", "badge", "warrant card" or
/// "number" in an account about an officer, worn on the shoulder, or "his number was …".</summary>
internal static partial class OfficerNumberRecogniser
{
    // Beside the ranks: "P.C. 1270" (not "P.S.", a postscript), "PC/3317", "(PC) 3305", a special constable's "SC 5509", "Sarge 1652".
    [GeneratedRegex(@"\b(?<rank>" + OfficerRecogniser.Rank + @"|P\.\s?C\.?|SC|Sarge)s?\.?\s*[-#,/)]?\s*(?:no\.?\s*)?(?<num>\d{2,7}(?:[A-Z]{1,2})?)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RankAndNumber();

    [GeneratedRegex(@"\b(?<what>collar|shoulder|warrant|badge|epaulette|epaulet|force|id|identification|officer|police)\s+(?:number|no\.?|num|#)\s*(?:(?:was|is|of|:|-)\s*)?(?:(?:PC|PS|PCSO|DC|DS)\s*)?#?(?<num>\d{2,7})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NamedNumber();

    [GeneratedRegex(@"\b(?:his|her|their|the\s+officer'?s|the)\s+(?:collar\s+|shoulder\s+|badge\s+)?(?:number|no\.?)\s+(?:was|is|were)\s+(?<num>\d{3,7})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"\b(?<num>[A-Z]{0,3}\d{2,7}[A-Z]{0,2})\s+on\s+(?:his|her|their|the)\s+(?:shoulders?|epaulettes?|epaulets?|collar|uniform|lapel|hat|vest|badge|hi-?vis|coat|jacket|shirt|helmet)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NumberOnShoulder();

    [GeneratedRegex(@"\b(?<rank>" + OfficerRecogniser.Rank + @"|officer|copper|cop|polis|peeler|policeman|policewoman|detective|sergeant)\.?,?\s+(?:(?:called|named|name\s+of|known\s+as|(?<was>was|is))\s+)?(?<name>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}?)\s*(?:,|\(|\s-)?\s*(?:(?:collar|shoulder|badge|warrant(?:\s+card)?)\s*)?(?:(?:number|no\.?|num)\s*)?(?:(?:is|was|:)\s*)?#?(?<num>\d{3,7}[A-Z]{0,2})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RankNameNumber();

    [GeneratedRegex(@"(?<before>\b[\w'’]+\s+)?\b(?<what>collar|shoulder|badge|ID|numbers|c/n|epaulettes?|epaulets?|warrant\s+card|warrant|service|number|numbur|numba|nummer|no\.|num)(?:[\s-]+(?:number|numbers|numbur|numba|no\.?|nae|num|nr))?(?:\s+on\s+(?:his|her|their|the)\s+(?:officer'?s?\s+)?(?:shoulders?|jacket|vest|uniform|epaulettes?|collar|lapel|hat|badge|hi-?vis|coat|shirt|helmet))?\s*(?:I\s+)?(?:(?:something\s+like|showing|believe\s+to\s+be|think\s+(?:is|was)|its|it's|it’s|is|was|woz|wz|waz|wis|iz|were|of|:|-|=|said|says|read|reads|read\s+as|showed|shows|'s|’s|looked\s+like|looks\s+like|reading|like|as|may\s+be|might\s+be|could\s+be|maybe|probably|possibly|,)\s*){0,2}(?:(?:PC|PS|PCSO|DC|DS|CNC|BTP|MDP)\s*)?#?(?<num>[A-Z]{0,2}\d{3,7}[A-Z]{0,2}|(?:\d[ -]){2,6}\d|\d\d[ -]\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex CueAndNumber();

    /// <summary>Letters before the digits, as some forces and specials wear them: "epaulette number ER 1442", "his shoulder
    /// said ZT 45". The letters must be capitals, and only on what a police officer wears: a badge with letters is as
    /// often a parking or security warden's.</summary>
    [GeneratedRegex(@"\b(?<what>[Cc]ollar|[Ss]houlder|[Ee]paulettes?|[Ww]arrant\s+card)(?:\s+(?:number|no\.?))?\s+(?:(?:is|was|said|says|read|reads)\s+)?(?<num>(?:[A-Z]{1,3}\s?\d{2,7}|\d{3,7}\s?[A-Z]{2}))\b", RegexOptions.NonBacktracking)]
    private static partial Regex LettersAndNumber();

    /// <summary>A number written in words: "his number is one nine four two", "collar three-two-oh-eight", "forty-two
    /// eighteen", "three thousand two hundred and eight". At least three number words, so "number one" is not one.</summary>
    [GeneratedRegex(@"\b(?:number|numbur|no\.|num|collar|shoulder|epaulette|badge)(?:\s+(?:number|no\.?|num))?\s+(?:(?:is|was|were|wz|woz|wis|:|-)\s*)?(?<num>" + NumberWord + @"(?:[\s-]+(?:and\s+)?" + NumberWord + @"){2,7})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NumberInWords();

    private const string NumberWord = @"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)";

    /// <summary>Part of a number, which the force can still search on: "his number started with 47", "it ended in 21", "a
    /// four digit number beginning 32", "his number's 47-something".</summary>
    [GeneratedRegex(@"\b(?:number|no\.?|num)(?:'s|’s)?\b[^.\n]{0,40}?\b(?:(?:start(?:s|ed|ing)?|began|begins?|beginning|end(?:s|ed|ing)?)\s+(?:with|in)|began|begins?|beginning|ended|ending)(?:\s+an?)?\s+(?<num>\d{2,3})\b|\b(?:number|no\.?)(?:'s|’s|\s+(?:is|was))\s+(?<num>\d{2,3})-?something\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PartNumber();

    /// <summary>"A PC at Durranhill, no 1718", "his no wz 5832": "no" without its full stop, only after a comma or a
    /// possessive.</summary>
    [GeneratedRegex(@"(?:,|\b(?:his|her|their))\s+no\s+(?:(?:is|was|wz|woz)\s+)?(?<num>\d{3,7})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BareNo();

    [GeneratedRegex(@"\b(?<noun>copper|cop|officer|policeman|policewoman|polis|peeler|police)\s+#?(?<num>\d{3,7}(?-i:[A-Z]{0,2}))\b|\b(?<noun>wears|wearing|wore)\s+(?:(?:a|the)\s+number\s+)?#?(?<num>\d{3,7})\b|\b(?<num>\d{3,7})\s+(?:is|was|wis)\s+(?:his|her|their|the\s+officer'?s)\s+(?:collar\s+|shoulder\s+|badge\s+|warrant\s+)?(?:number|no\.?)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NounOrTrailingNumber();

    // A number read off a card or a uniform in words around it ("a warrant card with 16654 on it", "his shoulder number
    // starts 27", "an epaulette that looks like 6217"): two digits are enough where it is only the start of one.
    [GeneratedRegex(@"\b(?<what>warrant\s+card|lanyard|badge|ID\s+card|epaulettes?|epaulets?|shoulder|collar|jacket|vest|hi-?vis|uniform)(?:\s+number)?(?:\s+(?:that|which))?\s+(?:with|had|has|says|said|showed|shows|showing|written|printed|reads|read|looks?\s+like|looked\s+like|starts?|started|starting|begins?|began|beginning|ends?|ended|ending)(?:\s+(?:with|in))?\s+#?(?<num>\d{2,7})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NumberReadOff();

    [GeneratedRegex(@"[?!]?\s*(?:[-,]\s*)?(?:I\s+think\s*)?\(?(?:or|/|and|&|or\s+maybe|or\s+possibly|or\s+it\s+might\s+be|maybe|or\s+was\s+it|no,?\s+sorry,?|sorry,?\s+(?:it\s+)?(?:might|may|could)\s+be|actually|I\s+mean)\s+#?(?<num>\d{3,7}[A-Z]{0,2})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OrAnotherNumber();

    /// <summary>Words before "number" that make it some other number: the reporter's own (a crime reference, a phone,
    /// a house) is not an officer's.</summary>
    private static readonly HashSet<string> NotOfficerNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        "my", "our", "reference", "ref", "crime", "incident", "case", "log", "house", "flat", "door", "phone", "mobile", "contact", "tel",
        "telephone", "room", "bus", "route", "plate", "cell", "account", "sort", "card", "tracking", "order", "booking", "claim", "policy",
        "court", "custody", "licence", "license", "private", "hire", "taxi", "payroll", "national", "insurance", "pin", "unit", "seat", "table",
        "cad", "serial", "ticket", "receipt",
    };

    /// <summary>Words that cannot be a name between a rank and a number ("PC at 1930", "PS on 0800").</summary>
    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "at", "on", "in", "by", "from", "for", "about", "around", "was", "is", "the", "a", "an", "and", "or", "to", "of", "with", "said", "says",
        "called", "came", "come", "number", "no", "took", "gave", "had", "has", "who", "that", "since", "until", "after", "before", "till",
        "between", "during",
    };

    public static void FindNumbers(string text, List<Candidate> into)
    {
        var first = into.Count;
        foreach (Match m in RankNameNumber().Matches(text))
        {
            var g = m.Groups["num"];
            var rank = m.Groups["rank"].Value;
            if (rank.All(char.IsLower) && rank.Length <= 2 && rank != "pc") continue;
            var name = m.Groups["name"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (name.Any(NotNameWords.Contains)) continue;
            // "the officer was Kevin Oduya, 5218": after "was" only a written name, not "the officer was rude, 999".
            if (m.Groups["was"].Success && !name.All(w => char.IsUpper(w[0]))) continue;
            // "DC Tennant between June 2023": a month and its year, not a name and a number.
            if (LooksLikeAYear(g.Value) && Lexicon.Months.Contains(name[^1].ToLowerInvariant())) continue;
            if (!NumberStandsAlone(text, g.Index, g.Index + g.Length)) continue;
            into.Add(new Candidate(EntityKinds.OfficerNumber, g.Index, g.Length, $"a number after '{rank}' and a name", Candidate.PriorityOf(EntityKinds.OfficerNumber) - 1));
        }
        foreach (Match m in CueAndNumber().Matches(text))
        {
            var g = m.Groups["num"];
            var before = m.Groups["before"].Value.Trim();
            if (before.Length > 0 && NotOfficerNumbers.Contains(before)) continue;
            // The cue words are common, so the account must be about an officer near them; a possessive ("his number
            // is …") is read against a wider stretch, as the officer is often named a few sentences before.
            var window = before.ToLowerInvariant() is "his" or "her" or "their" or "the" ? 600 : 200;
            if (!NumberStandsAlone(text, g.Index, g.Index + g.Length) || !OfficerRecogniser.PoliceNear(text, m.Index, window)) continue;
            if (g.Index > 0 && text[g.Index - 1] == '£') continue;
            // Two pairs of digits ("22-41", "38 16") only on a collar or shoulder: after "number" they are as often a date or a score.
            if (g.Value.Length == 5 && g.Value[2] is ' ' or '-' && m.Groups["what"].Value.ToLowerInvariant() is not ("collar" or "shoulder" or "badge" or "epaulette" or "epaulettes" or "epaulet" or "epaulets")) continue;
            into.Add(new Candidate(EntityKinds.OfficerNumber, g.Index, g.Length, $"a number after '{m.Groups["what"].Value.ToLowerInvariant()}' in an account about an officer", Candidate.PriorityOf(EntityKinds.OfficerNumber) - 2));
        }
        foreach (Match m in RankAndNumber().Matches(text))
        {
            if (!NumberStandsAlone(text, m.Index, m.Index + m.Length)) continue;
            // "lodged under reference PC/88120": a complaint's reference, not an officer.
            if (NotOfficerNumbers.Contains(WordBefore(text, m.Index))) continue;
            var rank = m.Groups["rank"].Value;
            // Short ranks in lower case ("ds 12") are too often something else; "pc 2317" is common enough to keep.
            if (rank.All(char.IsLower) && rank.Length <= 2 && rank != "pc" && (m.Groups["num"].Length < 3 || !OfficerRecogniser.PoliceNear(text, m.Index, 200))) continue;
            // "(PC) 3305": the rank's bracket closes before the number, which is the span.
            var (start, length) = m.Value.Contains(')') ? (m.Groups["num"].Index, m.Groups["num"].Length) : (m.Index, m.Length);
            into.Add(new Candidate(EntityKinds.OfficerNumber, start, length, $"rank '{rank}' followed by a number", Candidate.PriorityOf(EntityKinds.OfficerNumber)));
        }
        foreach (Match m in NumberReadOff().Matches(text))
        {
            var g = m.Groups["num"];
            if (!NumberStandsAlone(text, g.Index, g.Index + g.Length) || Owned(text, m.Index) || !OfficerRecogniser.PoliceNear(text, m.Index, 300)) continue;
            into.Add(new Candidate(EntityKinds.OfficerNumber, g.Index, g.Length, $"a number read off the {m.Groups["what"].Value.ToLowerInvariant()}", Candidate.PriorityOf(EntityKinds.OfficerNumber) - 2));
        }
        foreach (Match m in NamedNumber().Matches(text))
            if (NumberStandsAlone(text, m.Index, m.Index + m.Length) && !Owned(text, m.Index)) into.Add(new Candidate(EntityKinds.OfficerNumber, m.Index, m.Length, $"'{m.Groups["what"].Value.ToLowerInvariant()} number' followed by digits", Candidate.PriorityOf(EntityKinds.OfficerNumber)));
        foreach (var (regex, why) in new[] { (LettersAndNumber(), "letters and digits after '{0}'"), (NumberInWords(), "a number in words"), (PartNumber(), "part of a number"), (BareNo(), "a number after 'no'") })
            foreach (Match m in regex.Matches(text))
            {
                var g = m.Groups["num"];
                if (!NumberStandsAlone(text, g.Index, g.Index + g.Length) || Owned(text, m.Index) || !OfficerRecogniser.PoliceNear(text, m.Index, 300)) continue;
                // "a number of officers … started with 12 of them" counts, it does not identify.
                if (AccountText.OneSpaced(m.Value).StartsWith("number of ", StringComparison.Ordinal)) continue;
                into.Add(new Candidate(EntityKinds.OfficerNumber, g.Index, g.Length, string.Format(System.Globalization.CultureInfo.InvariantCulture, why, m.Groups["what"].Value.ToLowerInvariant()),
                    Candidate.PriorityOf(EntityKinds.OfficerNumber) - 2));
            }
        foreach (Match m in NumberOnShoulder().Matches(text))
        {
            var g = m.Groups["num"];
            if (NumberStandsAlone(text, g.Index, g.Index + g.Length))
                into.Add(new Candidate(EntityKinds.OfficerNumber, g.Index, g.Length, "a number worn on the shoulder or uniform", Candidate.PriorityOf(EntityKinds.OfficerNumber) - 2));
        }
        foreach (Match m in BareNumber().Matches(text))
        {
            var g = m.Groups["num"];
            if (!NumberStandsAlone(text, m.Index, m.Index + m.Length) || !OfficerRecogniser.PoliceNear(text, m.Index, 200)) continue;
            into.Add(new Candidate(EntityKinds.OfficerNumber, g.Index, g.Length, "'his number was …' in an account about an officer", Candidate.PriorityOf(EntityKinds.OfficerNumber) - 2));
        }
        foreach (Match m in NounOrTrailingNumber().Matches(text))
        {
            var g = m.Groups["num"];
            if (!NumberStandsAlone(text, g.Index, g.Index + g.Length) || (g.Index > 0 && text[g.Index - 1] == '£')) continue;
            if (m.Groups["noun"].Success && !OfficerRecogniser.PoliceNear(text, m.Index, 200)) continue;
            into.Add(new Candidate(EntityKinds.OfficerNumber, g.Index, g.Length, m.Groups["noun"].Success ? $"a number after '{m.Groups["noun"].Value.ToLowerInvariant()}'" : "'… is his number'", Candidate.PriorityOf(EntityKinds.OfficerNumber) - 2));
        }
        FindPlaced(text, into);
        FindAlternatives(text, into, first);
        DropOtherRoles(text, into, first);
    }

    /// <summary>"my badge number", "our ID number": the reporter's own, not an officer's.</summary>
    private static bool Owned(string text, int cueStart) => WordBefore(text, cueStart).ToLowerInvariant() is "my" or "our";

    private static string WordBefore(string text, int at)
    {
        var before = text.AsSpan(0, at).TrimEnd();
        var space = before.LastIndexOfAny(' ', '\n');
        return before[(space + 1)..].ToString();
    }

    /// <summary>"collar 3871 or maybe 3817": a reporter unsure of the number gives another, which the force needs too.</summary>
    private static void FindAlternatives(string text, List<Candidate> into, int from)
    {
        for (var i = from; i < into.Count; i++)
        {
            if (into[i].Kind != EntityKinds.OfficerNumber) continue;
            var m = OrAnotherNumber().Match(text, into[i].End);
            if (!m.Success || m.Index != into[i].End) m = NextInList().Match(text, into[i].End);
            if (!m.Success || m.Index != into[i].End) continue;
            var g = m.Groups["num"];
            if (NumberStandsAlone(text, g.Index, g.Index + g.Length))
                into.Add(new Candidate(EntityKinds.OfficerNumber, g.Index, g.Length, "a second number offered for the same officer", Candidate.PriorityOf(EntityKinds.OfficerNumber) - 2));
        }
    }

    /// <summary>Not part of a handle or email ("@pc2317"), a clock time ("PS 10:30", "DS 10 pm") or a longer number
    /// ("PC 07700 900123").</summary>
    private static bool NumberStandsAlone(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] is '@' or '.' or '_') return false;
        if (end < text.Length && text[end] is ':' or '@') return false;
        var rest = text.AsSpan(end);
        var trimmed = rest.TrimStart(' ');
        if (trimmed.Length > 0 && rest.Length - trimmed.Length <= 1 && char.IsDigit(trimmed[0])) return false;
        if (trimmed.StartsWith("am", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("pm", StringComparison.OrdinalIgnoreCase))
            return trimmed.Length > 2 && char.IsLetter(trimmed[2]);
        return true;
    }

    /// <summary>Officer names. Needs the account's tokens; <paramref name="reporterName"/> is never an officer.</summary>
}
