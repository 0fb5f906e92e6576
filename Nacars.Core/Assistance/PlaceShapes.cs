using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Places known by their shape rather than by a name in the gazetteer: streets and estates by their suffix,
/// venues (pubs, centres, shops, "at the …"), a capitalised name after a place preposition, clubs, road numbers and
/// postcodes. The gazetteer, where it knows the name, says which forces the place is in.</summary>
internal static partial class PlaceShapes
{
    [GeneratedRegex(@"\b(?:at|in|inside|outside|behind|near|by|from|opposite|into|out\s+of|round|down|up|to)\s+the\s+(?<n>[A-Z][\w'&-]*(?:\s+(?:of\s+)?[A-Z][\w'&-]*){0,2})", RegexOptions.NonBacktracking)]
    private static partial Regex TheVenue();

    // "lives in Galliagh", "an address in Southdene", "trains at the gym on Hillgate": a capitalised word after a place
    // preposition, mid-sentence. Low priority: any gazetteer, street or venue reading wins.
    [GeneratedRegex(@"(?<=[a-z,]\s)(?<p>in|at|near|around|outside|round|across|off|on)\s+(?<n>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)(?![\w'’-])")]
    private static partial Regex InPlace();

    private static readonly HashSet<string> NotPlaceWords = new(StringComparer.Ordinal)
    {
        "english", "welsh", "scottish", "irish", "polish", "urdu", "punjabi", "arabic", "romanian", "spanish", "french", "portuguese", "somali",
        "kurdish", "bengali", "gujarati", "hindi", "turkish", "albanian", "lithuanian", "russian", "italian", "german", "chinese", "islam",
        "christianity", "uniform", "court", "custody", "prison", "hospital", "school", "college", "university", "town", "city", "uk", "britain",
        "snap", "insta", "tiktok", "twitter", "facebook", "messenger", "youtube", "whatsapp", "telegram", "signal", "google", "god", "jesus",
        "allah", "bail", "remand", "duty", "shift", "nights", "days", "earths", "earth", "heaven", "hell", "holiday", "leave", "time", "it",
        "flat", "apartment", "unit", "room", "number", "block", "floor", "page", "level", "work",
    };

    [GeneratedRegex(@"\bClub\s+(?<n>[A-Z][\w'&-]*)")]
    private static partial Regex ClubName();

    [GeneratedRegex(@"(?<![\w/])(?<r>[AMB][0-9]{1,4}(?:\([MT]\))?)(?![\w/])")]
    private static partial Regex RoadNumber();

    [GeneratedRegex(@"\b(?<pc>[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2})\b", RegexOptions.NonBacktracking)]
    private static partial Regex FullPostcode();

    /// <summary>A postcode district where an address or a sign-off puts one: "…, LS9", "in the NN3 area", "Park Lane
    /// N17", or a sentence of its own ("PL1 if it helps.").</summary>
    [GeneratedRegex(@"(?:,\s*|(?:^|[.!?]\s+)|\b(?:in|postcode|area|the|[Rr]oad|[Ss]treet|[Ll]ane|[Aa]venue|[Ww]ay|[Cc]lose|[Dd]rive)\s+)(?<pc>[A-Z]{1,2}[0-9]{1,2}[A-Z]?)\b", RegexOptions.NonBacktracking)]
    private static partial Regex PostcodeDistrict();

    internal static readonly HashSet<string> StreetHeadFillers = new(StringComparer.Ordinal) { "st", "upper", "lower", "old", "new", "great", "little", "north", "south", "east", "west", "high", "church", "station", "market", "mill", "park", "the" };
    private static readonly HashSet<string> Directions = new(StringComparer.Ordinal) { "west", "east", "north", "south", "upper", "lower" };
    private static readonly HashSet<string> NotEstateHeads = new(StringComparer.Ordinal) { "housing", "industrial", "council", "trading", "business", "retail", "new", "country", "real", "private", "car", "farm", "whole", "same", "big", "posh", "rough", "local", "our", "their", "his", "her", "my", "that", "this", "an", "a", "the", "on", "in", "at", "of", "round", "from" };
    /// <summary>Names that half the country's radial roads are named after: "London Road" says nothing about London.</summary>
    private static readonly HashSet<string> RoadDestinations = new(StringComparer.Ordinal)
    {
        "london", "manchester", "birmingham", "liverpool", "leeds", "bristol", "sheffield", "newcastle", "glasgow", "edinburgh", "cardiff",
        "nottingham", "leicester", "york", "oxford", "cambridge", "chester", "derby", "coventry", "bath", "carlisle", "norwich", "exeter",
        "gloucester", "worcester", "lincoln", "dover", "portsmouth", "southampton", "brighton", "windsor", "richmond", "kingston", "wellington",
        "victoria", "albert", "station", "church", "high", "park", "mill", "new", "old", "north", "south", "east", "west", "main", "market",
    };

    private static readonly HashSet<string> GroupWords = new(StringComparer.Ordinal) { "lot", "crew", "police", "force", "team", "gang", "family", "brothers", "boys", "lads", "girls", "firm", "mob", "constabulary", "officers", "way", "fact", "end", "one", "ones" };

    public static void Find(AccountText account, List<Candidate> into)
    {
        var text = account.Text;
        var gazetteer = Gazetteer.Instance;
        var tokens = account.Tokens;

        for (var t = 1; t < tokens.Count; t++)
        {
            var w = tokens[t].Folded;
            if (Lexicon.StreetSuffixes.Contains(w)) Street(t);
            else if (w == "estate") Estate(t);
            else if (Lexicon.VenueSuffixes.Contains(w) || (PlaceRecogniser.BuildingWords.Contains(w) && account.IsCapitalised(t))) Venue(t);
        }

        foreach (Match m in TheVenue().Matches(text))
        {
            var n = m.Groups["n"];
            var words = AccountText.Tokenise(n.Value);
            if (words.Length == 0) continue;
            var firstFolded = words[0].Folded;
            if (Lexicon.NotPlaces.Contains(firstFolded) || Lexicon.PoliceWords.Contains(firstFolded) || Lexicon.RankWords.Contains(firstFolded)
                || Lexicon.Months.Contains(firstFolded) || Lexicon.Weekdays.Contains(firstFolded) || Lexicon.Relations.Contains(firstFolded)) continue;
            if (words.All(w => n.Value.Substring(w.Start, w.Length).All(c => !char.IsLetter(c) || char.IsUpper(c)) && w.Length > 1) && !PlaceRecogniser.IsKnownVenueWord(words)) continue;
            var end = n.Index + n.Length;
            var afterToken = account.TokenAt(end);
            if (afterToken < tokens.Count && GroupWords.Contains(tokens[afterToken].Folded) && account.Adjacent(afterToken - 1, afterToken)) continue;
            if (end < text.Length && text[end] == '\'') continue;
            if (words.Any(w => PlaceRecogniser.ForceWords.Contains(w.Folded))) continue;
            var entries = gazetteer.Lookup(n.Value);
            into.Add(new Candidate(EntityKinds.Place, n.Index, n.Length, entries.Count > 0 ? PlaceRecogniser.WhyPlace(entries) : "a named venue ('at the …')",
                Candidate.PriorityOf(EntityKinds.Place) - 3, entries.Count > 0 ? PlaceRecogniser.Forces(entries) : null, entries.Count > 0 ? entries[0].Kind : PlaceKind.Venue, n.Value));
        }

        foreach (Match m in InPlace().Matches(text))
        {
            var n = m.Groups["n"];
            var words = AccountText.Tokenise(n.Value);
            if (words.Length == 0 || words.Any(w => Lexicon.NotPlaces.Contains(w.Folded) || Lexicon.Months.Contains(w.Folded) || Lexicon.Weekdays.Contains(w.Folded)
                || Lexicon.PoliceWords.Contains(w.Folded) || Lexicon.RankWords.Contains(w.Folded) || NotPlaceWords.Contains(w.Folded))) continue;
            if (Lexicon.FirstNames.Contains(words[0].Folded) || Lexicon.Nicknames.Contains(words[0].Folded)) continue;
            // "a tracker on Dean's car": a possessive is a person's.
            if (n.Value.EndsWith("'s", StringComparison.Ordinal) || n.Value.EndsWith("’s", StringComparison.Ordinal)
                || Lexicon.FirstNames.Contains(words[0].Folded.TrimEnd('s'))) continue;
            var end = n.Index + n.Length;
            var afterToken = account.TokenAt(end);
            if (afterToken < tokens.Count && account.Adjacent(afterToken - 1, afterToken) && (GroupWords.Contains(tokens[afterToken].Folded) || PlaceRecogniser.ForceWords.Contains(tokens[afterToken].Folded))) continue;
            into.Add(new Candidate(EntityKinds.Place, n.Index, n.Length, $"a capitalised name after '{m.Groups["p"].Value}'", Candidate.PriorityOf(EntityKinds.Place) - 4, null, PlaceKind.Area, n.Value));
        }

        foreach (Match m in ClubName().Matches(text))
        {
            if (Lexicon.NotPlaces.Contains(m.Groups["n"].Value.ToLowerInvariant())) continue;
            into.Add(new Candidate(EntityKinds.Place, m.Index, m.Length, "a club's name", Candidate.PriorityOf(EntityKinds.Place) - 3, null, PlaceKind.Venue, m.Value));
        }

        foreach (Match m in RoadNumber().Matches(text))
        {
            var t = account.TokenAt(m.Index);
            if (t == 0) continue;
            var prev = tokens[t - 1].Folded;
            if (prev is not ("the" or "on" or "off" or "along" or "onto" or "via" or "down" or "up" or "from" or "near" or "of")) continue;
            if (t >= 2 && VehicleWords.Vehicle().IsMatch(text.AsSpan(tokens[t - 2].Start, tokens[t - 2].Length))) continue;
            into.Add(new Candidate(EntityKinds.Place, m.Index, m.Length, "a road number", Candidate.PriorityOf(EntityKinds.Place), null, PlaceKind.Area, m.Value));
        }

        var postcodeLike = false;
        foreach (var tok in tokens)
            if (tok.Length is >= 2 and <= 4 && char.IsAsciiLetterUpper(text[tok.Start]) && char.IsDigit(text[tok.End - 1]) || tok.Length is >= 3 and <= 4 && char.IsAsciiLetterUpper(text[tok.Start]) && char.IsDigit(text[tok.Start + 1]))
            { postcodeLike = true; break; }
        if (postcodeLike) foreach (Match m in FullPostcode().Matches(text))
        {
            var area = new string(m.Value.TakeWhile(char.IsLetter).ToArray());
            var entries = gazetteer.Lookup(area).Where(e => e.Kind == PlaceKind.Postcode).ToList();
            if (entries.Count == 0) continue;
            into.Add(new Candidate(EntityKinds.Place, m.Index, m.Length, $"a postcode in the {area} area", Candidate.PriorityOf(EntityKinds.Place) + 2, PlaceRecogniser.Forces(entries), PlaceKind.Postcode, m.Value));
        }
        if (postcodeLike) foreach (Match m in PostcodeDistrict().Matches(text))
        {
            var pc = m.Groups["pc"];
            var area = new string(pc.Value.TakeWhile(char.IsLetter).ToArray());
            var entries = gazetteer.Lookup(area).Where(e => e.Kind == PlaceKind.Postcode).ToList();
            if (entries.Count == 0) continue;
            into.Add(new Candidate(EntityKinds.Place, pc.Index, pc.Length, $"a postcode district in the {area} area", Candidate.PriorityOf(EntityKinds.Place), PlaceRecogniser.Forces(entries), PlaceKind.Postcode, pc.Value));
        }

        void Street(int t)
        {
            var suffixCapital = account.IsCapitalised(t);
            var strong = Lexicon.StrongStreetSuffixes.Contains(tokens[t].Folded);
            if (!suffixCapital && !strong) return;
            // "St" before a capitalised name is Saint, not Street: "Bury St Edmunds", "Stoke St Gregory".
            if (tokens[t].Folded == "st" && t + 1 < tokens.Count && account.Adjacent(t, t + 1) && account.IsCapitalised(t + 1)) return;
            var first = t;
            var capitalHead = false;
            for (var j = t - 1; j >= 0 && t - j <= 4 && account.Adjacent(j, j + 1); j--)
            {
                var f = tokens[j].Folded;
                var cap = account.IsCapitalised(j);
                if (cap)
                {
                    if (Lexicon.NotPlaces.Contains(f) || Lexicon.RankWords.Contains(f) || (Lexicon.Stop.Contains(f) && !StreetHeadFillers.Contains(f))) break;
                    if (f == "the") break;
                    first = j;
                    capitalHead = true;
                    if (account.StartsSentence(j)) break;
                    continue;
                }
                // Lower-case heads only for lower-case streets ("birches head rd"), never filler words.
                if (suffixCapital || capitalHead || Lexicon.Stop.Contains(f) || Lexicon.PoliceWords.Contains(f) || f.Any(char.IsDigit)) break;
                first = j;
            }
            if (first == t) return;
            // A lone capitalised word at the start of a sentence ("Park outside…") is not a head.
            if (first == t - 1 && account.StartsSentence(first) && Lexicon.Stop.Contains(tokens[first].Folded)) return;
            var last = t;
            if (t + 1 < tokens.Count && Directions.Contains(tokens[t + 1].Folded) && account.IsCapitalised(t + 1) && account.Adjacent(t, t + 1)) last = t + 1;
            var surface = account.Surface(first, last);
            var entries = gazetteer.Lookup(account, first, last);
            IReadOnlyList<ForceWeight>? forces = entries.Count > 0 ? PlaceRecogniser.Forces(entries) : null;
            // "Lewisham Way", "Cowbridge Road West", "Dunstable Road": a road named after a nearby place is weak evidence
            // of the area (not so for the roads every town has to London or Manchester).
            if (forces is null && gazetteer.LongestAt(account, first) is { } inner && inner.Last == t - 1
                && !RoadDestinations.Contains(tokens[first].Folded) && inner.Entries.Any(e => e.Kind is PlaceKind.Area or PlaceKind.Town or PlaceKind.District))
                forces = inner.Entries.Where(e => e.Kind is PlaceKind.Area or PlaceKind.Town or PlaceKind.District)
                    .SelectMany(e => e.Forces).Select(f => f with { Weight = f.Weight * 0.35 }).ToList();
            into.Add(new Candidate(EntityKinds.Place, tokens[first].Start, tokens[last].End - tokens[first].Start, $"a street ('{text.Substring(tokens[t].Start, tokens[t].Length)}')",
                Candidate.PriorityOf(EntityKinds.Place) + 1, forces, PlaceKind.Area, surface));
        }

        void Estate(int t)
        {
            var first = t;
            for (var j = t - 1; j >= 0 && t - j <= 3 && account.Adjacent(j, j + 1); j--)
            {
                var f = tokens[j].Folded;
                if (NotEstateHeads.Contains(f) || Lexicon.Stop.Contains(f) || Lexicon.PoliceWords.Contains(f) || Lexicon.NotPlaces.Contains(f)) break;
                first = j;
                if (account.StartsSentence(j)) break;
            }
            if (first == t) return;
            var head = account.Surface(first, t - 1);
            var entries = gazetteer.Lookup(account, first, t - 1);
            into.Add(new Candidate(EntityKinds.Place, tokens[first].Start, tokens[t].End - tokens[first].Start, "a housing estate",
                Candidate.PriorityOf(EntityKinds.Place) + 1, entries.Count > 0 ? PlaceRecogniser.Forces(entries) : null, entries.Count > 0 ? entries[0].Kind : PlaceKind.Area, head));
        }

        void Venue(int t)
        {
            // "Foundry Arms", "Clock Tavern", "Eastgate Centre", "Shell garage": a capitalised name before the word.
            var first = t;
            for (var j = t - 1; j >= 0 && t - j <= 3 && account.Adjacent(j, j + 1) && account.IsCapitalised(j); j--)
            {
                var f = tokens[j].Folded;
                if (Lexicon.NotPlaces.Contains(f) || Lexicon.Stop.Contains(f) || Lexicon.RankWords.Contains(f) || Lexicon.PoliceWords.Contains(f)) break;
                first = j;
                if (account.StartsSentence(j)) break;
            }
            if (first == t) return;
            var suffixCapital = account.IsCapitalised(t);
            var surface = account.Surface(first, t);
            var entries = gazetteer.Lookup(account, first, t);
            IReadOnlyList<ForceWeight>? forces = entries.Count > 0 ? PlaceRecogniser.Forces(entries) : null;
            if (forces is null && gazetteer.LongestAt(account, first) is { } inner && inner.Last == t - 1)
                forces = inner.Entries.Where(e => e.Kind is PlaceKind.Area or PlaceKind.Town or PlaceKind.District)
                    .SelectMany(e => e.Forces).Select(f => f with { Weight = f.Weight * 0.3 }).ToList();
            into.Add(new Candidate(EntityKinds.Place, tokens[first].Start, tokens[t].End - tokens[first].Start, $"a venue or building ('{text.Substring(tokens[t].Start, tokens[t].Length)}')",
                Candidate.PriorityOf(EntityKinds.Place), forces, PlaceKind.Venue, surface));
        }
    }
}
