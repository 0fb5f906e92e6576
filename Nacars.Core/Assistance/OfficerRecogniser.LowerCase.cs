namespace Nacars.Core.Assistance;

internal static partial class OfficerRecogniser
{
    /// <summary>Words after which a lower-case name is an officer's: ranks, and (a known first name only) police nouns.</summary>
    private static readonly HashSet<string> LowerRanks = new(StringComparer.Ordinal) { "pc", "pcso", "sgt", "sarge", "sergeant", "constable", "detective", "dc", "ds", "di", "inspector" };

    private static readonly HashSet<string> LowerCues = new(StringComparer.Ordinal) { "officer", "copper", "cop", "peeler", "polis", "policeman", "policewoman", "called", "named", "names" };

    private static readonly HashSet<string> NotLowerSurnames = new(StringComparer.Ordinal)
    {
        "keeps", "says", "said", "has", "had", "was", "who", "came", "comes", "told", "tells", "took", "takes", "gets", "got", "goes", "went",
        "does", "did", "lives", "works", "texts", "messages", "sends", "sent", "asks", "asked", "hes", "shes", "tho", "though", "also", "again",
        "innit", "lol", "like", "just", "then", "now", "still", "always", "never", "ever", "even", "only", "really", "proper", "well", "number",
        "because", "known", "whod", "searches", "stops", "arrests", "nicks", "picks", "pulls", "grabs", "drives", "walks", "parks", "sits",
        "stands", "wears", "uses", "sells", "buys", "deals", "makes", "knows", "thinks", "wants", "needs", "turns", "shows", "calls", "collar", "badge", "car", "van", "mate", "mates", "lad", "bloke", "guy", "fella", "woman", "man", "girl", "boy", "there", "here",
    };

    /// <summary>Names written in lower case, as in text-speak ("pc dan whitmore", "a copper called marc dunne", "pc
    /// hardcastle"): after a rank, a first name and a surname or a surname alone; after "called" or a police noun, only
    /// a known first name (with the surname after it).</summary>
    private static void LowerCaseNames(AccountText account, PoliceContext context, List<(int Start, int Length, string Why)> found)
    {
        var tokens = account.Tokens;
        var text = account.Text;
        for (var t = 0; t + 1 < tokens.Count; t++)
        {
            var cue = tokens[t].Folded;
            var rank = LowerRanks.Contains(cue);
            if (!rank && !LowerCues.Contains(cue)) continue;
            var n = t + 1;
            if (tokens[n].Folded is "called" or "named" && n + 1 < tokens.Count) n++;
            if (n + 1 < tokens.Count && tokens[n].Folded == "is" && cue == "names") n++;
            if (!char.IsLower(text[tokens[n].Start]) || !Spaced(text, tokens[n - 1].End, tokens[n].Start)) continue;
            if (tokens[t].Start > 0 && !char.IsWhiteSpace(text[tokens[t].Start - 1]) && text[tokens[t].Start - 1] is not ('(' or '"' or '\'')) continue;
            if (IsNonName(account, n)) continue;
            var firstName = Lexicon.FirstNames.Contains(tokens[n].Folded);
            if (!firstName && !(rank && LowerSurname(account, n))) continue;
            if (cue == "names" && t > 0 && tokens[t - 1].Folded == "my") continue;
            if (!rank && (IsReporterIntroduction(text, tokens[t].Start) || !context.AboutOfficer(tokens[n].Start, tokens[n].End))) continue;
            var last = firstName && n + 1 < tokens.Count && account.Adjacent(n, n + 1) && char.IsLower(text[tokens[n + 1].Start]) && LowerSurname(account, n + 1) ? n + 1 : n;
            var start = tokens[n].Start;
            if (found.Any(f => f.Start <= start && start < f.Start + f.Length)) continue;
            found.Add((start, tokens[last].End - start, $"a lower-case name after '{cue}'"));
        }
    }

    private static bool Spaced(string text, int from, int to)
    {
        if (to <= from) return false;
        for (var i = from; i < to; i++) if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    private static bool LowerSurname(AccountText account, int t)
    {
        var w = account.Tokens[t].Folded;
        if (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal) || NotLowerSurnames.Contains(w)) return false;
        return w.Length >= 3 && w.All(char.IsLetter) && !Lexicon.Stop.Contains(w) && !Lexicon.PoliceWords.Contains(w) && !Lexicon.RankWords.Contains(w)
            && !NotNames.Contains(w) && !Lexicon.Relations.Contains(w) && !Lexicon.Occupations.Contains(w) && Gazetteer.Instance.Lookup(w).Count == 0;
    }
}
