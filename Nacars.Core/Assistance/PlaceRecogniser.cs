using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Police stations and custody suites, and places named in the gazetteer (towns, districts, railway and
/// defence sites); places known by their shape rather than their name are <see cref="PlaceShapes"/>'s.</summary>
internal static partial class PlaceRecogniser
{
    [GeneratedRegex(@"\b(?:police\s+(?:station|stn|office|hq|headquarters|investigation\s+centre|custody(?:\s+suite)?|centre|post|base|building)|custody\s+(?:suite|centre|block|unit)|custody|criminal\s+justice\s+centre|investigation\s+centre|nick|cop\s+shop|station|pic)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex StationSuffix();

    [GeneratedRegex(@"\b(?:train|trains|platform|platforms|railway|rail|tube|underground|overground|concourse|ticket\s+barriers?|ticket\s+office|carriage|tram|metrolink|merseyrail|network\s+rail|transport\s+police|btp)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    public static partial Regex RailWords();

    /// <summary>"held at Thorpe Wood", "taken to Trinity Road", "booked in at Parkside": what happens at a station.</summary>
    private static readonly HashSet<string> CustodyVerbs = new(StringComparer.Ordinal) { "held", "kept", "detained", "booked", "taken", "interviewed", "bailed", "charged", "released", "locked", "processed" };

    internal static readonly HashSet<string> ForceWords = new(StringComparer.Ordinal) { "police", "constabulary", "lot", "force", "cops", "coppers", "plod", "polis", "feds" };
    internal static readonly HashSet<string> BuildingWords = new(StringComparer.Ordinal) { "house", "court", "tower", "towers", "lodge", "heights", "mansions", "buildings", "point", "hall", "chambers" };

    public static void FindStations(AccountText account, PoliceContext context, List<Candidate> into)
    {
        var text = account.Text;
        var gazetteer = Gazetteer.Instance;
        foreach (Match m in StationSuffix().Matches(text))
        {
            var suffix = m.Value.ToLowerInvariant();
            if (suffix == "pic" && m.Value != "PIC") continue;
            var suffixToken = account.TokenAt(m.Index);
            var head = HeadBefore(account, suffixToken, gazetteer);
            if (head is null)
            {
                // "the Criminal Justice Centre" names the place on its own when capitalised.
                if (suffix.StartsWith("criminal", StringComparison.Ordinal) && char.IsUpper(m.Value[0]))
                    into.Add(new Candidate(EntityKinds.Station, m.Index, m.Length, "a criminal justice centre (custody)", Candidate.PriorityOf(EntityKinds.Station)));
                continue;
            }
            var (headFirst, headLast, entries) = head.Value;
            var headText = account.Surface(headFirst, headLast);
            var plainStation = suffix == "station";
            if (plainStation)
            {
                // "Ardmore station" is a police station only when the sentence is about police and not about trains.
                if (entries.Any(e => e.Kind == PlaceKind.Rail) && !entries.Any(e => e.Kind == PlaceKind.Station)) continue;
                var sentence = SentenceAround(text, m.Index);
                if (RailWords().IsMatch(sentence) && !entries.Any(e => e.Kind == PlaceKind.Station)) continue;
                if (!context.SentenceIsAboutPolice(suffixToken) && !entries.Any(e => e.Kind == PlaceKind.Station)) continue;
            }
            if (suffix == "nick" && entries.Count == 0 && !account.IsCapitalised(headFirst)) continue;
            var start = account.Tokens[headFirst].Start;
            var whole = gazetteer.Lookup(headText + " " + AccountText.OneSpaced(m.Value)).Where(e => e.Kind == PlaceKind.Station).ToList();
            var forces = whole.Count > 0 ? Forces(whole) : StationForces(entries, headText, gazetteer);
            into.Add(new Candidate(EntityKinds.Station, start, m.Index + m.Length - start, $"'{headText}' followed by '{AccountText.OneSpaced(m.Value)}'",
                Candidate.PriorityOf(EntityKinds.Station), forces, PlaceKind.Station, headText));
        }
    }

    public static void FindPlaces(AccountText account, PoliceContext context, List<Candidate> into)
    {
        var text = account.Text;
        var gazetteer = Gazetteer.Instance;
        var tokens = account.Tokens;

        foreach (var g in gazetteer.FindAll(account))
        {
            var stationEntries = g.Entries.Where(e => e.Kind == PlaceKind.Station).ToList();
            var placeEntries = g.Entries.Where(e => e.Kind is not (PlaceKind.Station or PlaceKind.Postcode)).ToList();
            var next = g.Last + 1 < tokens.Count && account.Adjacent(g.Last, g.Last + 1) ? tokens[g.Last + 1].Folded : null;
            var name = text[g.Start..g.End];

            // "Sgt Barr from Beaumont Leys": the place has a police station of its name and an officer is 'from' it.
            // Only for a suburb: "a copper from Walsall" means the town.
            if (stationEntries.Count == 0 && g.First >= 2 && tokens[g.First - 1].Folded is "from" or "at" or "fae" && placeEntries.All(e => e.Kind == PlaceKind.Area)
                && gazetteer.Lookup(name + " police station").Any(e => e.Kind == PlaceKind.Station) && OfficerJustBefore(account, context, g.First - 1))
            {
                into.Add(new Candidate(EntityKinds.Station, g.Start, g.Length, $"an officer 'from {name}', which has a police station of that name",
                    Candidate.PriorityOf(EntityKinds.Station), Forces(gazetteer.Lookup(name + " police station")), PlaceKind.Station, name));
                continue;
            }
            if (stationEntries.Count > 0 && StationByName(account, context, g))
            {
                into.Add(new Candidate(EntityKinds.Station, g.Start, g.Length, $"'{name}' is a police station in the gazetteer",
                    Candidate.PriorityOf(EntityKinds.Station), Forces(stationEntries), PlaceKind.Station, name));
                continue;
            }
            if (placeEntries.Count == 0 && stationEntries.Count == 0) continue;
            if (placeEntries.Count == 0)
            {
                // A station name without police context reads as the street or place it is named after.
                if (Lexicon.StreetSuffixes.Contains(tokens[g.Last].Folded))
                    into.Add(new Candidate(EntityKinds.Place, g.Start, g.Length, "a street (also a police station's name)", Candidate.PriorityOf(EntityKinds.Place),
                        stationEntries.SelectMany(e => e.Forces).Select(f => f with { Weight = f.Weight * 0.3 }).ToList(), PlaceKind.Area, name));
                continue;
            }
            // "Leek Road", "Bentilee estate": the street or estate rule takes the whole name.
            if (next is not null && (Lexicon.StreetSuffixes.Contains(next) || next == "estate") && !Lexicon.StreetSuffixes.Contains(tokens[g.Last].Folded)) continue;
            if (IsPersonHere(account, g)) continue;
            // "West Yorkshire Police", "the Staffordshire lot": a force's name, counted by the force suggester.
            // A town's police ("Guildford police are corrupt") is the town, and counts for its force.
            if (next is not null && ForceWords.Contains(next) && placeEntries.Any(e => e.Kind == PlaceKind.County)) continue;
            // "a dark blue Ford Focus": a car make, not Ford on Merseyside.
            if (g.First == g.Last && VehicleWords.Vehicle().IsMatch(name) && g.Last + 1 < tokens.Count && (account.IsCapitalised(g.Last + 1) || char.IsDigit(tokens[g.Last + 1].Folded[0]))) continue;
            // "Hatfield House", "Jubilee Court": a building named after the place, taken whole by the venue rule.
            if (next is not null && BuildingWords.Contains(next)) continue;
            var kind = placeEntries[0].Kind;
            if (placeEntries.Any(e => e.CapitalOnly) && account.StartsSentence(g.First) && g.First == g.Last && !Lexicon.NotPlaces.Contains(tokens[g.First].Folded)
                && !(next is null || text[tokens[g.Last].End] is ',' )) continue;
            into.Add(new Candidate(EntityKinds.Place, g.Start, g.Length, WhyPlace(placeEntries), Candidate.PriorityOf(EntityKinds.Place),
                Forces(placeEntries), kind, name));
        }

        PlaceShapes.Find(account, into);
    }

    internal static bool IsKnownVenueWord(Token[] words) => words.Any(w => Lexicon.VenueSuffixes.Contains(w.Folded));

    /// <summary>A gazetteer station name counts as the station when the words around it are about police.</summary>
    private static bool StationByName(AccountText account, PoliceContext context, GazetteerMatch g)
    {
        var tokens = account.Tokens;
        var streetLike = Lexicon.StreetSuffixes.Contains(tokens[g.Last].Folded) || g.Entries.Any(e => e.Kind != PlaceKind.Station);
        if (!streetLike) return context.AboutPoliceOverall;
        // "fae Helen Street", "a sergeant at Trafalgar House", "works at Malinsgate": a police word shortly before.
        for (var j = g.First - 1; j >= 0 && g.First - j <= 8; j--)
            if (context.IsPolice(j) || (g.First - j <= 3 && CustodyVerbs.Contains(tokens[j].Folded))) return true;
        var next = g.Last + 1;
        return next < tokens.Count && (tokens[next].Folded is "station" or "nick" or "custody" || context.IsPolice(next));
    }

    private static bool OfficerJustBefore(AccountText account, PoliceContext context, int before)
    {
        for (var j = before - 1; j >= 0 && before - j <= 4; j--)
            if (Lexicon.RankWords.Contains(account.Tokens[j].Folded) || (context.IsPolice(j) && account.Tokens[j].Folded is not ("police" or "uniform"))) return true;
        return false;
    }

    /// <summary>"Mr Preston", "Jamie Preston", "PC Pickering": the place name is someone's surname here.</summary>
    private static bool IsPersonHere(AccountText account, GazetteerMatch g)
    {
        if (g.First == 0) return false;
        var prevIndex = g.First - 1;
        if (!account.Adjacent(prevIndex, g.First)) return false;
        var prev = account.Tokens[prevIndex].Folded;
        if (prev is "mr" or "mrs" or "ms" or "miss" or "dr" or "called" or "named" or "calls" || Lexicon.RankWords.Contains(prev)) return true;
        return account.IsCapitalised(prevIndex) && account.IsCapitalised(g.First) && Lexicon.FirstNames.Contains(prev) && !account.StartsSentence(g.First);
    }

    private static (int First, int Last, IReadOnlyList<GazetteerEntry> Entries)? HeadBefore(AccountText account, int suffixToken, Gazetteer gazetteer)
    {
        if (suffixToken == 0) return null;
        var tokens = account.Tokens;
        // The gazetteer name ending just before the suffix ("hanley nick", "Southampton Central police station").
        (int, int, IReadOnlyList<GazetteerEntry>)? best = null;
        for (var first = Math.Max(0, suffixToken - 4); first < suffixToken; first++)
        {
            if (gazetteer.LongestAt(account, first) is { } g && g.Last == suffixToken - 1 && account.Adjacent(g.Last, suffixToken))
            {
                best = (g.First, g.Last, g.Entries);
                break;
            }
        }
        // Otherwise (or if longer) the run of capitalised words before it ("Loddon Valley police station").
        var capFirst = suffixToken;
        for (var j = suffixToken - 1; j >= 0 && suffixToken - j <= 4 && account.Adjacent(j, j + 1) && account.IsCapitalised(j); j--)
        {
            var f = tokens[j].Folded;
            if (Lexicon.NotPlaces.Contains(f) || (Lexicon.Stop.Contains(f) && !PlaceShapes.StreetHeadFillers.Contains(f)) || Lexicon.RankWords.Contains(f) || Lexicon.PoliceWords.Contains(f)) break;
            capFirst = j;
            if (account.StartsSentence(j)) break;
        }
        if (capFirst < suffixToken && (best is null || capFirst < best.Value.Item1))
        {
            var entries = gazetteer.Lookup(account, capFirst, suffixToken - 1);
            if (entries.Count == 0 && best is { } b) entries = b.Item3;
            return (capFirst, suffixToken - 1, entries);
        }
        // "at slough police station": a town that is also an everyday word, written in lower case, is the town when
        // the words for a police station follow it.
        if (best is null && tokens[suffixToken].Folded is "police" or "polis" or "nick" or "custody")
            for (var first = Math.Max(0, suffixToken - 3); first < suffixToken; first++)
                if (Enumerable.Range(first, suffixToken - first).All(t => account.Adjacent(t, t + 1))
                    && gazetteer.Lookup(account, first, suffixToken - 1) is { Count: > 0 } named && named.Any(e => e.Kind is PlaceKind.Town or PlaceKind.District or PlaceKind.Station))
                    return (first, suffixToken - 1, named);
        return best;
    }

    private static IReadOnlyList<ForceWeight> StationForces(IReadOnlyList<GazetteerEntry> entries, string head, Gazetteer gazetteer)
    {
        if (entries.Count == 0)
        {
            // "Southampton Central police station": the town inside the name (weaker: "Strand" is not the Strand).
            foreach (var word in head.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var inner = gazetteer.Lookup(word).Where(e => e.Kind is PlaceKind.Town or PlaceKind.District).ToList();
                if (inner.Count > 0) return inner.SelectMany(e => e.Forces).Select(f => f with { Weight = f.Weight * 0.5 }).ToList();
            }
        }
        var stations = entries.Where(e => e.Kind == PlaceKind.Station).ToList();
        var chosen = stations.Count > 0 ? stations : entries.Where(e => e.Kind is not (PlaceKind.Abroad or PlaceKind.Rail or PlaceKind.Defence or PlaceKind.Nuclear)).ToList();
        if (chosen.Count == 0) chosen = [.. entries];
        // A police station named after a railway or defence site is the territorial force's.
        return chosen.SelectMany(e => e.Forces).Where(f => stations.Count > 0 || f.Code is not ("btp" or "mod" or "cnc")).ToList();
    }

    internal static IReadOnlyList<ForceWeight> Forces(IEnumerable<GazetteerEntry> entries) => entries.SelectMany(e => e.Forces).ToList();

    internal static string WhyPlace(IReadOnlyList<GazetteerEntry> entries) => entries[0].Kind switch
    {
        PlaceKind.Rail => "a railway station in the gazetteer",
        PlaceKind.Defence => "a defence site in the gazetteer",
        PlaceKind.Nuclear => "a nuclear site in the gazetteer",
        PlaceKind.Abroad => "a place abroad in the gazetteer",
        PlaceKind.Venue => "a known venue in the gazetteer",
        PlaceKind.County => "a county in the gazetteer",
        PlaceKind.District => "a local authority district in the gazetteer",
        PlaceKind.Postcode => "a postcode area",
        _ => "a town or district in the gazetteer",
    };

    private static string SentenceAround(string text, int position)
    {
        var start = position;
        while (start > 0 && text[start - 1] is not ('.' or '!' or '?' or '\n')) start--;
        var end = position;
        while (end < text.Length && text[end] is not ('.' or '!' or '?' or '\n')) end++;
        return text[start..end];
    }

}
