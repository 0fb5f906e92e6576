using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Officers' collar, shoulder and warrant numbers: after a rank, after "collar number" and its kin, worn on
/// the shoulder, or "his number was …" in an account about an officer.</summary>
internal static partial class OfficerNumberRecogniser
{
    [GeneratedRegex(@"\b(?<rank>" + OfficerRecogniser.Rank + @")\.?\s*[-#]?\s*(?:no\.?\s*)?(?<num>\d{2,7})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RankAndNumber();

    [GeneratedRegex(@"\b(?<what>collar|shoulder|warrant|badge|epaulette|epaulet|force|id|identification|officer|police)\s+(?:number|no\.?|num|#)\s*(?:(?:was|is|of|:|-)\s*)?(?:(?:PC|PS|PCSO|DC|DS)\s*)?#?(?<num>\d{2,7})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NamedNumber();

    [GeneratedRegex(@"\b(?:his|her|their|the\s+officer'?s|the)\s+(?:collar\s+|shoulder\s+|badge\s+)?(?:number|no\.?)\s+(?:was|is|were)\s+(?<num>\d{3,7})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"\b(?<num>\d{2,7})\s+on\s+(?:his|her|their|the)\s+(?:shoulders?|epaulettes?|epaulets?|collar|uniform|lapel|hat|vest|badge)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NumberOnShoulder();

    public static void FindNumbers(string text, List<Candidate> into)
    {
        foreach (Match m in RankAndNumber().Matches(text))
        {
            if (!NumberStandsAlone(text, m.Index, m.Index + m.Length)) continue;
            var rank = m.Groups["rank"].Value;
            // Short ranks in lower case ("ds 12") are too often something else; "pc 2317" is common enough to keep.
            if (rank.All(char.IsLower) && rank.Length <= 2 && rank != "pc") continue;
            into.Add(new Candidate(EntityKinds.OfficerNumber, m.Index, m.Length, $"rank '{rank}' followed by a number", Candidate.PriorityOf(EntityKinds.OfficerNumber)));
        }
        foreach (Match m in NamedNumber().Matches(text))
            if (NumberStandsAlone(text, m.Index, m.Index + m.Length)) into.Add(new Candidate(EntityKinds.OfficerNumber, m.Index, m.Length, $"'{m.Groups["what"].Value.ToLowerInvariant()} number' followed by digits", Candidate.PriorityOf(EntityKinds.OfficerNumber)));
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
