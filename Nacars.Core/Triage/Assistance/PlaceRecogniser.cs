using System.Text.RegularExpressions;

namespace Nacars.Core.Triage.Assistance;

/// <summary>Police stations and custody suites, and other places: gazetteer names (towns, districts, railway and
/// defence sites), streets and estates by their suffix, venues (pubs, centres, shops), road numbers and postcodes.</summary>
internal static partial class PlaceRecogniser
{
    [GeneratedRegex(@"\b(?:police\s+(?:station|stn|office|hq|headquarters|investigation\s+centre|custody(?:\s+suite)?|centre|post|base|building)|custody\s+(?:suite|centre|block|unit)|custody|criminal\s+justice\s+centre|investigation\s+centre|nick|cop\s+shop|station|pic)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex StationSuffix();

    [GeneratedRegex(@"\b(?:train|trains|platform|platforms|railway|rail|tube|underground|overground|concourse|ticket\s+barriers?|ticket\s+office|carriage|tram|metrolink|merseyrail|network\s+rail|transport\s+police|btp)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    public static partial Regex RailWords();

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

    [GeneratedRegex(@"(?:,\s*|\b(?:in|postcode|area)\s+)(?<pc>[A-Z]{1,2}[0-9]{1,2}[A-Z]?)\b", RegexOptions.NonBacktracking)]
    private static partial Regex PostcodeDistrict();

    private static readonly HashSet<string> StreetHeadFillers = new(StringComparer.Ordinal) { "st", "upper", "lower", "old", "new", "great", "little", "north", "south", "east", "west", "high", "church", "station", "market", "mill", "park", "the" };
    private static readonly HashSet<string> Directions = new(StringComparer.Ordinal) { "west", "east", "north", "south", "upper", "lower" };
    private static readonly HashSet<string> NotEstateHeads = new(StringComparer.Ordinal) { "housing", "industrial", "council", "trading", "business", "retail", "new", "country", "real", "private", "car", "farm", "whole", "same", "big", "posh", "rough", "local", "our", "their", "his", "her", "my", "that", "this", "an", "a", "the", "on", "in", "at", "of", "round", "from" };
    /// <summary>"held at Thorpe Wood", "taken to Trinity Road", "booked in at Parkside": what happens at a station.</summary>
    private static readonly HashSet<string> CustodyVerbs = new(StringComparer.Ordinal) { "held", "kept", "detained", "booked", "taken", "interviewed", "bailed", "charged", "released", "locked", "processed" };

    private static readonly HashSet<string> ForceWords = new(StringComparer.Ordinal) { "police", "constabulary", "lot", "force", "cops", "coppers", "plod", "polis", "feds" };
    private static readonly HashSet<string> BuildingWords = new(StringComparer.Ordinal) { "house", "court", "tower", "towers", "lodge", "heights", "mansions", "buildings", "point", "hall", "chambers" };

    /// <summary>Names that half the country's radial roads are named after: "London Road" says nothing about London.</summary>
    private static readonly HashSet<string> RoadDestinations = new(StringComparer.Ordinal)
    {
        "london", "manchester", "birmingham", "liverpool", "leeds", "bristol", "sheffield", "newcastle", "glasgow", "edinburgh", "cardiff",
        "nottingham", "leicester", "york", "oxford", "cambridge", "chester", "derby", "coventry", "bath", "carlisle", "norwich", "exeter",
        "gloucester", "worcester", "lincoln", "dover", "portsmouth", "southampton", "brighton", "windsor", "richmond", "kingston", "wellington",
        "victoria", "albert", "station", "church", "high", "park", "mill", "new", "old", "north", "south", "east", "west", "main", "market",
    };

    private static readonly HashSet<string> GroupWords = new(StringComparer.Ordinal) { "lot", "crew", "police", "force", "team", "gang", "family", "brothers", "boys", "lads", "girls", "firm", "mob", "constabulary", "officers", "way", "fact", "end", "one", "ones" };

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
            var whole = gazetteer.Lookup(headText + " " + Collapse(m.Value)).Where(e => e.Kind == PlaceKind.Station).ToList();
            var forces = whole.Count > 0 ? Forces(whole) : StationForces(entries, headText, gazetteer);
            into.Add(new Candidate(EntityKinds.Station, start, m.Index + m.Length - start, $"'{headText}' followed by '{Collapse(m.Value)}'",
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
            if (next is not null && ForceWords.Contains(next)) continue;
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

        for (var t = 1; t < tokens.Count; t++)
        {
            var w = tokens[t].Folded;
            if (Lexicon.StreetSuffixes.Contains(w)) Street(t);
            else if (w == "estate") Estate(t);
            else if (Lexicon.VenueSuffixes.Contains(w) || (BuildingWords.Contains(w) && account.IsCapitalised(t))) Venue(t);
        }

        foreach (Match m in TheVenue().Matches(text))
        {
            var n = m.Groups["n"];
            var words = AccountText.Tokenise(n.Value);
            if (words.Length == 0) continue;
            var firstFolded = words[0].Folded;
            if (Lexicon.NotPlaces.Contains(firstFolded) || Lexicon.PoliceWords.Contains(firstFolded) || Lexicon.RankWords.Contains(firstFolded)
                || Lexicon.Months.Contains(firstFolded) || Lexicon.Weekdays.Contains(firstFolded) || Lexicon.Relations.Contains(firstFolded)) continue;
            if (words.All(w => n.Value.Substring(w.Start, w.Length).All(c => !char.IsLetter(c) || char.IsUpper(c)) && w.Length > 1) && !IsKnownVenueWord(words)) continue;
            var end = n.Index + n.Length;
            var afterToken = account.TokenAt(end);
            if (afterToken < tokens.Count && GroupWords.Contains(tokens[afterToken].Folded) && account.Adjacent(afterToken - 1, afterToken)) continue;
            if (end < text.Length && text[end] == '\'') continue;
            if (words.Any(w => ForceWords.Contains(w.Folded))) continue;
            var entries = gazetteer.Lookup(n.Value);
            into.Add(new Candidate(EntityKinds.Place, n.Index, n.Length, entries.Count > 0 ? WhyPlace(entries) : "a named venue ('at the …')",
                Candidate.PriorityOf(EntityKinds.Place) - 3, entries.Count > 0 ? Forces(entries) : null, entries.Count > 0 ? entries[0].Kind : PlaceKind.Venue, n.Value));
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
            if (afterToken < tokens.Count && account.Adjacent(afterToken - 1, afterToken) && (GroupWords.Contains(tokens[afterToken].Folded) || ForceWords.Contains(tokens[afterToken].Folded))) continue;
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
            into.Add(new Candidate(EntityKinds.Place, m.Index, m.Length, $"a postcode in the {area} area", Candidate.PriorityOf(EntityKinds.Place) + 2, Forces(entries), PlaceKind.Postcode, m.Value));
        }
        if (postcodeLike) foreach (Match m in PostcodeDistrict().Matches(text))
        {
            var pc = m.Groups["pc"];
            var area = new string(pc.Value.TakeWhile(char.IsLetter).ToArray());
            var entries = gazetteer.Lookup(area).Where(e => e.Kind == PlaceKind.Postcode).ToList();
            if (entries.Count == 0) continue;
            into.Add(new Candidate(EntityKinds.Place, pc.Index, pc.Length, $"a postcode district in the {area} area", Candidate.PriorityOf(EntityKinds.Place), Forces(entries), PlaceKind.Postcode, pc.Value));
        }

        void Street(int t)
        {
            var suffixCapital = account.IsCapitalised(t);
            var strong = Lexicon.StrongStreetSuffixes.Contains(tokens[t].Folded);
            if (!suffixCapital && !strong) return;
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
            IReadOnlyList<ForceWeight>? forces = entries.Count > 0 ? Forces(entries) : null;
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
                Candidate.PriorityOf(EntityKinds.Place) + 1, entries.Count > 0 ? Forces(entries) : null, entries.Count > 0 ? entries[0].Kind : PlaceKind.Area, head));
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
            IReadOnlyList<ForceWeight>? forces = entries.Count > 0 ? Forces(entries) : null;
            if (forces is null && gazetteer.LongestAt(account, first) is { } inner && inner.Last == t - 1)
                forces = inner.Entries.Where(e => e.Kind is PlaceKind.Area or PlaceKind.Town or PlaceKind.District)
                    .SelectMany(e => e.Forces).Select(f => f with { Weight = f.Weight * 0.3 }).ToList();
            into.Add(new Candidate(EntityKinds.Place, tokens[first].Start, tokens[t].End - tokens[first].Start, $"a venue or building ('{text.Substring(tokens[t].Start, tokens[t].Length)}')",
                Candidate.PriorityOf(EntityKinds.Place), forces, PlaceKind.Venue, surface));
        }
    }

    private static bool IsKnownVenueWord(Token[] words) => words.Any(w => Lexicon.VenueSuffixes.Contains(w.Folded));

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
            if (Lexicon.NotPlaces.Contains(f) || (Lexicon.Stop.Contains(f) && !StreetHeadFillers.Contains(f)) || Lexicon.RankWords.Contains(f) || Lexicon.PoliceWords.Contains(f)) break;
            capFirst = j;
            if (account.StartsSentence(j)) break;
        }
        if (capFirst < suffixToken && (best is null || capFirst < best.Value.Item1))
        {
            var entries = gazetteer.Lookup(account, capFirst, suffixToken - 1);
            if (entries.Count == 0 && best is { } b) entries = b.Item3;
            return (capFirst, suffixToken - 1, entries);
        }
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

    private static IReadOnlyList<ForceWeight> Forces(IEnumerable<GazetteerEntry> entries) => entries.SelectMany(e => e.Forces).ToList();

    private static string WhyPlace(IReadOnlyList<GazetteerEntry> entries) => entries[0].Kind switch
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

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
