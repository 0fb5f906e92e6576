using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>
/// Stations named without "police station" after them, read from the words before: "works out of Queens Road", "based
/// at Castle Street", "in the cells at Stewart Street", "a PC at Longsight". The name must be a station the gazetteer
/// knows (alone or with "police station"), or a capitalised street-like name ("Main Street") after such a cue.
/// </summary>
internal static partial class StationContextRecogniser
{
    [GeneratedRegex(@"\b(?:(?<out>(?:works?|working|worked)\s+(?:out\s+of|outta|oot\s+o|from))|(?<work>(?:works?|working|worked|based|posted|stationed|attached|transferred)\s+(?:out\s+of|at|from|to))|(?<held>(?:cells|custody(?:\s+suite)?|banged\s+up|locked\s+up|held|detained|kept|relief|nick|front\s+counter)\s+(?:at|in)|(?:colleagues|mates|pals|response\s+teams?)\s+at)|(?:pcs?|pcsos?|officers?|sergeant|sgt|coppers?|cops?|constable|detective|ds|dc|di|inspector|peelers?|polis|policem[ae]n|policewom[ae]n|detectives?)\s+(?:from|at|out\s+of|based\s+at|down\s+at|up\s+at))\s+(?:the\s+)?", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Cue();

    /// <summary>"the nick on Harrogate Street", "the cop shop on Manor Road", "the station at Peterlee": the building by
    /// where it stands, taken whole.</summary>
    [GeneratedRegex(@"\b(?:the\s+)?(?:nick|cop\s+shop|police\s+station|polis\s+station|police\s+office|station)\s+(?:on|at|in)\s+(?<where>(?:[A-Z][\w'’]+\s+){0,2}(?:[A-Z][\w'’]+))\b", RegexOptions.NonBacktracking)]
    private static partial Regex BuildingOn();

    /// <summary>The word before "station" that makes it another kind: "the bus station in Newport".</summary>
    [GeneratedRegex(@"\b(?:bus|petrol|train|railway|rail|tube|coach|fire|power|service|filling|police\s+HQ|tram|underground)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NotPolice();

    /// <summary>Plain prepositions: after these only a name the gazetteer lists as a station (and not as a town) counts.</summary>
    [GeneratedRegex(@"\b(?:from|at|out\s+of|oot\s+o|around|outside)\s+(?:the\s+)?", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex WeakCue();

    /// <summary>Last words that make a capitalised name after a station cue read as a station's.</summary>
    internal static readonly HashSet<string> StationLike = new(StringComparer.Ordinal)
    {
        "road", "street", "lane", "central", "way", "avenue", "wood", "park", "house", "square", "gate", "hill", "place", "row", "bridge", "hq",
        "headquarters",
    };

    public static void Find(AccountText account, List<Candidate> into)
    {
        foreach (Match m in Cue().Matches(account.Text)) After(account, m, strong: true, into);
        foreach (Match m in WeakCue().Matches(account.Text)) After(account, m, strong: false, into);
        foreach (Match m in BuildingOn().Matches(account.Text))
            if (!NotPolice().IsMatch(account.Text.AsSpan(Math.Max(0, m.Index - 12), Math.Min(12, m.Index))))
                into.Add(new Candidate(EntityKinds.Station, m.Index, m.Length, "a police building by the street or town it stands in", Candidate.PriorityOf(EntityKinds.Station) - 1,
                PlaceRecogniser.Forces(Gazetteer.Instance.Lookup(m.Groups["where"].Value)), PlaceKind.Station));
    }

    private static void After(AccountText account, Match m, bool strong, List<Candidate> into)
    {
        var gazetteer = Gazetteer.Instance;
        var tokens = account.Tokens;
        var first = account.TokenAt(m.Index + m.Length);
        if (first >= tokens.Count || tokens[first].Start != m.Index + m.Length) return;
        for (var last = Math.Min(first + 2, tokens.Count - 1); last >= first; last--)
        {
            if (Enumerable.Range(first, last - first).Any(t => !account.Adjacent(t, t + 1))) continue;
            if (Enumerable.Range(first, last - first + 1).Any(t => Lexicon.Stop.Contains(tokens[t].Folded))) continue;
            var capitalised = Enumerable.Range(first, last - first + 1).All(account.IsCapitalised);
            var surface = account.Surface(first, last);
            var alone = gazetteer.Lookup(account, first, last);
            // A town with a station of its name ("based at Maidstone") reads as the town, except after cells or custody.
            var town = alone.Any(e => e.Kind is PlaceKind.Town or PlaceKind.District);
            // "works out of Sittingbourne" means the station there.
            var stations = alone.Concat(town && !m.Groups["held"].Success && !m.Groups["out"].Success ? [] : gazetteer.Lookup(surface + " police station"))
                .Where(e => e.Kind == PlaceKind.Station && (capitalised || !e.CapitalOnly)).ToList();
            if (!strong && (town || stations.Count == 0)) continue;
            // After a strong cue a street-like name counts in any case ("works out of hesters way").
            var streetLike = strong && last > first && StationLike.Contains(tokens[last].Folded) && (capitalised || m.Groups["work"].Success || m.Groups["out"].Success || m.Groups["held"].Success);
            if (stations.Count == 0 && !streetLike) continue;
            var start = tokens[first].Start;
            into.Add(new Candidate(EntityKinds.Station, start, tokens[last].End - start, $"'{surface}' after '{AccountText.OneSpaced(m.Value)}'",
                Candidate.PriorityOf(EntityKinds.Station), PlaceRecogniser.Forces(stations), PlaceKind.Station, surface));
            return;
        }
    }

}
