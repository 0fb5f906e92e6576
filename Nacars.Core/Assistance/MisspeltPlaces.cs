using F23.StringSimilarity;

namespace Nacars.Core.Assistance;

/// <summary>
/// Towns written as they sound or as fingers slip ("middlesbruogh", "darlinton", "hudersfeild"): a lower-case word of
/// nine letters or more, not a name the gazetteer knows, one letter from exactly one town's name (two letters for names
/// of eleven or more; a swap of two letters counts as one), with the same first two letters. Shorter words and capitalised
/// words are left alone: "watched" is one letter from Watchet, and a capitalised near-miss is usually a surname
/// (Wadsworth, Tattersall). Every such place says which town it was read as.
/// </summary>
internal static class MisspeltPlaces
{
    private const int MinimumLength = 9;

    private static readonly OptimalStringAlignment Distance = new();

    /// <summary>The towns, districts and counties of one word that are never everyday words, by their first two letters and length.</summary>
    private static readonly Lazy<Dictionary<(char, char, int), List<(string Name, IReadOnlyList<GazetteerEntry> Entries)>>> Towns = new(() =>
        Gazetteer.Instance.OneWordNames()
            .Select(n => (n.Word, Entries: (IReadOnlyList<GazetteerEntry>)n.Entries.Where(e => e.Kind is PlaceKind.Town or PlaceKind.District or PlaceKind.County && !e.CapitalOnly).ToList()))
            .Where(n => n.Word.Length >= MinimumLength - 1 && n.Entries.Count > 0 && n.Word.All(char.IsLetter))
            .GroupBy(n => (n.Word[0], n.Word[1], n.Word.Length)).ToDictionary(g => g.Key, g => g.ToList()), LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Find(AccountText account, List<Candidate> into)
    {
        var tokens = account.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Folded;
            if (word.Length < MinimumLength || account.IsCapitalised(i) || !word.All(char.IsLetter)) continue;
            if (Gazetteer.Instance.Lookup(account, i, i).Count > 0) continue;
            (string Name, IReadOnlyList<GazetteerEntry> Entries)? best = null;
            var bestDistance = double.MaxValue;
            var tie = false;
            // Each edit changes the length by one at most, so only names within the allowed edits' length are compared.
            for (var length = word.Length - 2; length <= word.Length + 2; length++)
            foreach (var town in Towns.Value.GetValueOrDefault((word[0], word[1], length)) ?? [])
            {
                var allowed = town.Name.Length >= 11 ? 2 : 1;
                if (Math.Abs(town.Name.Length - word.Length) > allowed) continue;
                if (!WithinLetters(word, town.Name, allowed)) continue;
                var d = Distance.Distance(word, town.Name);
                if (d > allowed) continue;
                if (d < bestDistance) { best = town; bestDistance = d; tie = false; }
                else if (d == bestDistance) tie = true;
            }
            if (best is not { } found || tie) continue;
            into.Add(new Candidate(EntityKinds.Place, tokens[i].Start, tokens[i].Length, $"read as '{found.Entries[0].Name}', misspelt",
                Candidate.PriorityOf(EntityKinds.Place) - 1, PlaceRecogniser.Forces(found.Entries), found.Entries[0].Kind, found.Entries[0].Name));
        }
    }

    /// <summary>A cheap bound before the edit distance: one edit changes at most two letters' counts, so words whose
    /// letters differ by more than twice the allowed edits cannot be that close.</summary>
    private static bool WithinLetters(string a, string b, int allowed)
    {
        Span<int> counts = stackalloc int[26];
        foreach (var c in a) if (c is >= 'a' and <= 'z') counts[c - 'a']++;
        foreach (var c in b) if (c is >= 'a' and <= 'z') counts[c - 'a']--;
        var differ = 0;
        foreach (var n in counts) differ += Math.Abs(n);
        return differ <= 2 * allowed;
    }
}
