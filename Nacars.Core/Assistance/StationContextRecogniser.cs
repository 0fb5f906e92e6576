using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>
/// Stations named without "police station" after them, read from the words before: "works out of Queens Road", "based
/// at Castle Street", "in the cells at Stewart Street", "a PC at Longsight". The name must be a station the gazetteer
/// knows (alone or with "police station"), or a capitalised street-like name ("Main Street") after such a cue.
/// </summary>
internal static partial class StationContextRecogniser
{
    [GeneratedRegex(@"\b(?:(?<out>(?:works?|working|worked)\s+(?:out\s+of|outta|oot\s+o|from))|(?<work>(?:works?|working|worked|based|posted|stationed|attached|transferred)\s+(?:out\s+of|at|from|to))|(?<held>(?:cells|custody(?:\s+suite)?|banged\s+up|locked\s+up|held|detained|kept|relief|nick|front\s+counter)(?:\s+overnight)?\s+(?:at|in)|(?:colleagues|mates|pals|response\s+teams?)\s+at)|(?:pcs?|pcsos?|officers?|sergeant|sgt|coppers?|cops?|constable|detective|ds|dc|di|inspector|peelers?|polis|policem[ae]n|policewom[ae]n|detectives?)\s+(?:from|at|out\s+of|based\s+at|down\s+at|up\s+at))\s+(?:the\s+)?", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Cue();

    /// <summary>An officer named before where they work: "DC Nigel Amos of Castle Street", "PC Jamie Vowles from Manvers
    /// Street", "DC Fraser Lennie fae London Road", "PC Steve Kirkham, Bolton Central".</summary>
    [GeneratedRegex(@"\b(?i:pcs?o?|dc|ds|di|dci|sgt|sergeant|constable|inspector|detective(?:\s+(?:constable|sergeant|inspector))?)\s+(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+(?:\s+(?:from|of|fae|at|out\s+of|based\s+at)|,)\s+(?:the\s+)?", RegexOptions.NonBacktracking)]
    private static partial Regex NamedOfficerCue();

    /// <summary>A force's headquarters by its own name: "Police HQ at Hutton", "the Police Headquarters in Chelmsford".</summary>
    [GeneratedRegex(@"\b(?:Police|Force)\s+(?:HQ|Headquarters)\b", RegexOptions.NonBacktracking)]
    private static partial Regex Headquarters();

    /// <summary>"Maryhill office", "London Road cells": a station the gazetteer knows, named by a word for part of it.</summary>
    [GeneratedRegex(@"\b(?<name>(?:[A-Z][\w'’]+\s+){0,2}[A-Z][\w'’]+)\s+(?:office|cells|polis\s+(?:station|office))\b", RegexOptions.NonBacktracking)]
    private static partial Regex NamedPart();

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
        foreach (Match m in NamedOfficerCue().Matches(account.Text)) After(account, m, strong: true, into);
        foreach (Match m in Headquarters().Matches(account.Text))
            into.Add(new Candidate(EntityKinds.Station, m.Index, m.Length, $"'{m.Value}' is a force's headquarters", Candidate.PriorityOf(EntityKinds.Station), null, PlaceKind.Station));
        foreach (Match m in NamedPart().Matches(account.Text))
        {
            var name = m.Groups["name"].Value;
            var stations = Gazetteer.Instance.Lookup(name + " police office").Concat(Gazetteer.Instance.Lookup(name + " police station")).Where(e => e.Kind == PlaceKind.Station).ToList();
            if (stations.Count > 0)
                into.Add(new Candidate(EntityKinds.Station, m.Index, m.Length, $"'{name}' is a police station in the gazetteer", Candidate.PriorityOf(EntityKinds.Station),
                    PlaceRecogniser.Forces(stations), PlaceKind.Station, name));
        }
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
            var after = TownAfter(account, last);
            // Scotland's are police offices ("London Road police office"), and after a plain "at" or "from" a name as
            // common as London Road counts as one only when the town after it is in the office's force.
            var offices = gazetteer.Lookup(surface + " police office").Where(e => strong || (after is not null && Shares(after, [e])));
            var named = gazetteer.Lookup(surface + " police station").Concat(offices).Where(e => e.Kind == PlaceKind.Station).ToList();
            // "based at St Leonard's in Edinburgh": the town after it belongs to the station's force, not the town's.
            if (town && named.Count > 0 && after is not null && Shares(after, named) && !Shares(after, alone)) town = false;
            var stations = alone.Concat(town && !m.Groups["held"].Success && !m.Groups["out"].Success ? [] : named)
                .Where(e => e.Kind == PlaceKind.Station && (capitalised || !e.CapitalOnly || strong)).ToList();
            // "says hes from bolton central": a town's central station (not "Bolton Central station", where the trains go).
            if (stations.Count == 0 && !strong && last > first && tokens[last].Folded == "central" && CentralStation(account, first, last) is { } central)
                stations = central;
            if (!strong && (town || stations.Count == 0)) continue;
            if (RailwayStation(account, first, last)) return;
            // After a strong cue a street-like name counts in any case ("works out of hesters way").
            var streetLike = strong && last > first && StationLike.Contains(tokens[last].Folded) && (capitalised || m.Groups["work"].Success || m.Groups["out"].Success || m.Groups["held"].Success);
            if (stations.Count == 0 && !streetLike) continue;
            var start = tokens[first].Start;
            // "queens road in peckham" is not the Queens Road station of another force: the town after it decides.
            var forces = after is not null && !Shares(after, stations) ? null : PlaceRecogniser.Forces(stations);
            into.Add(new Candidate(EntityKinds.Station, start, tokens[last].End - start, $"'{surface}' after '{AccountText.OneSpaced(m.Value)}'",
                Candidate.PriorityOf(EntityKinds.Station), forces, PlaceKind.Station, surface));
            return;
        }
    }

    private static bool Shares(IReadOnlyList<ForceWeight> forces, IEnumerable<GazetteerEntry> entries) =>
        forces.Any(f => entries.Any(e => e.Forces.Any(n => n.Code == f.Code)));

    /// <summary>The forces of a town named just after a station: "St Leonard's in Edinburgh", "Bridewell, Bristol".</summary>
    private static IReadOnlyList<ForceWeight>? TownAfter(AccountText account, int last)
    {
        var tokens = account.Tokens;
        var at = last + 1;
        if (at < tokens.Count && tokens[at].Folded == "in") at++;
        else if (at >= tokens.Count || account.Text[tokens[last].End] != ',') return null;
        for (var end = Math.Min(at + 2, tokens.Count - 1); end >= at; end--)
            if (TownForces(account, at, end) is { Count: > 0 } found) return found;
        return null;

        static List<ForceWeight> TownForces(AccountText account, int first, int last) =>
            [.. Gazetteer.Instance.Lookup(account, first, last).Where(e => e.Kind is PlaceKind.Town or PlaceKind.District or PlaceKind.County).SelectMany(e => e.Forces)];
    }

    /// <summary>"Bolton Central" as a station: a town before "Central", not followed by "station" (Bolton Central
    /// station is where the trains go).</summary>
    private static List<GazetteerEntry>? CentralStation(AccountText account, int first, int last)
    {
        var tokens = account.Tokens;
        if (last + 1 < tokens.Count && tokens[last + 1].Folded == "station") return null;
        var town = Gazetteer.Instance.Lookup(account, first, last - 1).Where(e => e.Kind is PlaceKind.Town or PlaceKind.District).ToList();
        return town.Count == 0 ? null : [.. town.Select(e => e with { Kind = PlaceKind.Station })];
    }

    /// <summary>"the platform at Cardiff Central station": a name followed by "station" in a sentence about trains is
    /// the railway station, though a police station shares the name.</summary>
    private static bool RailwayStation(AccountText account, int first, int last)
    {
        if (last + 1 >= account.Tokens.Count || account.Tokens[last + 1].Folded != "station") return false;
        var sentence = account.Sentences.FirstOrDefault(s => s.FirstToken <= first && first <= s.LastToken);
        return PlaceRecogniser.RailWords().IsMatch(account.Text.AsSpan(sentence.Start, sentence.End - sentence.Start));
    }
}
