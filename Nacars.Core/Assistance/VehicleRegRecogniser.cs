using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>UK registration marks: current (AB12 CDE), prefix (A123 BCD), suffix (ABC 123D), Northern Ireland
/// (ABZ 1234) and dateless marks (with a vehicle word nearby).</summary>
internal static partial class VehicleRegRecogniser
{
    // Current format since 2001: area letters (no I, Q, Z first), age digits (0x-2x March, 5x-7x September), three
    // random letters (no I, Q). Either case, since people type regs in lower case too.
    [GeneratedRegex(@"\b(?:[A-HJ-PR-Ya-hj-pr-y][A-HJ-PR-Ya-hj-pr-y]\s?[0-25-7][0-9]\s?[A-HJ-PR-Za-hj-pr-z]{3})\b", RegexOptions.NonBacktracking)]
    private static partial Regex Current();

    [GeneratedRegex(@"\b(?:[A-HJ-NP-Y]\s?[0-9]{1,3}\s?[A-HJ-PR-Y][A-HJ-PR-Z]{2})\b", RegexOptions.NonBacktracking)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\b(?:[A-HJ-PR-Z][A-HJ-PR-Y][A-HJ-PR-Z]\s?[0-9]{1,3}\s?[A-HJ-NP-Y])\b", RegexOptions.NonBacktracking)]
    private static partial Regex Suffix();

    // Northern Ireland: a letter and one of the county codes (each has an I or a Z), then up to four digits.
    [GeneratedRegex(@"\b(?:[A-Z](?:[A-HJ-PR-Y]Z|I[ABGJLW]|[JOUX]I)\s?[0-9]{1,4})\b", RegexOptions.NonBacktracking)]
    private static partial Regex NorthernIreland();

    [GeneratedRegex(@"\b(?:(?:[A-Z]{1,3}\s?[0-9]{1,4}|[0-9]{1,4}\s?[A-Z]{1,3}))\b", RegexOptions.NonBacktracking)]
    private static partial Regex Dateless();

    [GeneratedRegex(@"\b(?:reg|registration|number\s?plate|plate|plates|private\s+plate|reg\s+number|vrm)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PlateWord();

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "AND", "THE", "FOR", "WAS", "NOT", "HIS", "HER", "YOU", "ARE", "BUT", "HAD", "HAS", "WHO", "OFF", "OUT", "ALL", "NOW", "GOT", "ONE", "TWO",
        "PCS", "PSI", "CCTV", "ABH", "GBH", "RTC", "DUI", "ASB", "MPH", "KPH",
    };

    public static void Find(string text, List<Candidate> into)
    {
        Add(Current().Matches(text), "current-format registration (two letters, age digits, three letters)", lowerOk: true);
        Add(Prefix().Matches(text), "prefix-format registration (letter, digits, three letters)", lowerOk: false);
        Add(Suffix().Matches(text), "suffix-format registration (three letters, digits, letter)", lowerOk: false);
        Add(NorthernIreland().Matches(text), "Northern Ireland registration (letters with I or Z, digits)", lowerOk: false);
        foreach (Match m in Dateless().Matches(text))
        {
            var r = m;
            // Dateless marks look like too many other things (PC 2317, M6, EC3, Audi A3): only after a plate word.
            var before = text[Math.Max(0, r.Index - 40)..r.Index];
            if (!PlateWord().IsMatch(before)) continue;
            if (IsRankOrWord(r.Value) || VehicleWords.Vehicle().IsMatch(r.Value)) continue;
            into.Add(new Candidate(EntityKinds.VehicleReg, r.Index, r.Length, "a dateless registration beside a vehicle or plate word", Candidate.PriorityOf(EntityKinds.VehicleReg) - 5));
        }

        void Add(MatchCollection matches, string why, bool lowerOk)
        {
            foreach (Match m in matches)
            {
                var r = m;
                var value = r.Value;
                var anyLower = value.Any(char.IsLower);
                if (anyLower && (!lowerOk || value.Any(char.IsUpper))) continue; // mixed case is a word, not a plate
                if (IsRankOrWord(value)) continue;
                if (anyLower && !PlateWord().IsMatch(text[Math.Max(0, r.Index - 60)..r.Index]) && !VehicleWords.NearVehicle(text, r.Index)) continue;
                into.Add(new Candidate(EntityKinds.VehicleReg, r.Index, r.Length, why, Candidate.PriorityOf(EntityKinds.VehicleReg)));
            }
        }
    }

    /// <summary>"A3 AND", "DCI 4402": a letter group that is a word or a rank.</summary>
    private static bool IsRankOrWord(string value)
    {
        var upper = value.ToUpperInvariant();
        var i = 0;
        while (i < upper.Length)
        {
            if (!char.IsLetter(upper[i])) { i++; continue; }
            var start = i;
            while (i < upper.Length && char.IsLetter(upper[i])) i++;
            var group = upper[start..i];
            if (group.Length >= 2 && (Words.Contains(group) || Lexicon.RankWords.Contains(group.ToLowerInvariant()))) return true;
        }
        return false;
    }

    /// <summary>The registration folded for comparison: upper case, no spaces.</summary>
    public static string Normalise(string reg) => new string(reg.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
}
