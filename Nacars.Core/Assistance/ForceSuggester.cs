using System.Text.RegularExpressions;
using Nacars.Core.Forces;

namespace Nacars.Core.Assistance;

/// <summary>
/// Ranks forces from the places, stations and force names in an account. Each piece of evidence adds weight to the
/// forces the gazetteer gives it; a police station counts three times a town; a railway station counts for British
/// Transport Police, more so when the account is about trains or platforms; defence and nuclear sites count for the
/// Ministry of Defence Police and the Civil Nuclear Constabulary. Scores are shares of all the weight found.
/// </summary>
public static partial class ForceSuggester
{
    // Force names as people write them: a root, then a police word ("the Staffordshire lot", "Kent Police", "MOD plod").
    [GeneratedRegex(@"\b(?:avon\s+(?:and|&)\s+somerset|avon|bedfordshire|beds|cambridgeshire|cambs|cheshire|city\s+of\s+london|city|cleveland|cumbria|cumbrian|derbyshire|derby|devon\s+(?:and|&)\s+cornwall|devon|dorset|durham|dyfed-powys|dyfed\s+powys|dyfed|essex|gloucestershire|glos|greater\s+manchester|manchester|gwent|hampshire\s+(?:and|&)\s+isle\s+of\s+wight|hampshire|hants|hertfordshire|herts|humberside|humber|kent|lancashire|lancs|leicestershire|leics|lincolnshire|lincs|merseyside|scouse|metropolitan|met|norfolk|north\s+wales|north\s+yorkshire|north\s+yorks|northamptonshire|northants|northumbria|northumberland|nottinghamshire|notts|south\s+wales|south\s+yorkshire|south\s+yorks|staffordshire|staffs|suffolk|surrey|sussex|thames\s+valley|warwickshire|west\s+mercia|west\s+midlands|west\s+mids|west\s+yorkshire|west\s+yorks|wiltshire|wilts|scottish|british\s+transport|transport|mod|m\.o\.d\.?|ministry\s+of\s+defence|defence|civil\s+nuclear|nuclear)\s+(?:police(?:\s+service)?|constabulary|force|cops|coppers|plod|lot|old\s+bill|polis|feds|bobbies)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RootAndPoliceWord();

    private static readonly Dictionary<string, string> RootCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["avon and somerset"] = "avon-and-somerset", ["avon & somerset"] = "avon-and-somerset", ["avon"] = "avon-and-somerset",
        ["bedfordshire"] = "bedfordshire", ["beds"] = "bedfordshire", ["cambridgeshire"] = "cambridgeshire", ["cambs"] = "cambridgeshire",
        ["cheshire"] = "cheshire", ["city of london"] = "city-of-london", ["city"] = "city-of-london", ["cleveland"] = "cleveland",
        ["cumbria"] = "cumbria", ["cumbrian"] = "cumbria", ["derbyshire"] = "derbyshire", ["derby"] = "derbyshire",
        ["devon and cornwall"] = "devon-and-cornwall", ["devon & cornwall"] = "devon-and-cornwall", ["devon"] = "devon-and-cornwall",
        ["dorset"] = "dorset", ["durham"] = "durham", ["dyfed-powys"] = "dyfed-powys", ["dyfed powys"] = "dyfed-powys", ["dyfed"] = "dyfed-powys",
        ["essex"] = "essex", ["gloucestershire"] = "gloucestershire", ["glos"] = "gloucestershire", ["greater manchester"] = "greater-manchester",
        ["manchester"] = "greater-manchester", ["gwent"] = "gwent", ["hampshire and isle of wight"] = "hampshire", ["hampshire & isle of wight"] = "hampshire",
        ["hampshire"] = "hampshire", ["hants"] = "hampshire", ["hertfordshire"] = "hertfordshire", ["herts"] = "hertfordshire",
        ["humberside"] = "humberside", ["humber"] = "humberside", ["kent"] = "kent", ["lancashire"] = "lancashire", ["lancs"] = "lancashire",
        ["leicestershire"] = "leicestershire", ["leics"] = "leicestershire", ["lincolnshire"] = "lincolnshire", ["lincs"] = "lincolnshire",
        ["merseyside"] = "merseyside", ["scouse"] = "merseyside", ["metropolitan"] = "met", ["met"] = "met", ["norfolk"] = "norfolk",
        ["north wales"] = "north-wales", ["north yorkshire"] = "north-yorkshire", ["north yorks"] = "north-yorkshire",
        ["northamptonshire"] = "northamptonshire", ["northants"] = "northamptonshire", ["northumbria"] = "northumbria", ["northumberland"] = "northumbria",
        ["nottinghamshire"] = "nottinghamshire", ["notts"] = "nottinghamshire", ["south wales"] = "south-wales", ["south yorkshire"] = "south-yorkshire",
        ["south yorks"] = "south-yorkshire", ["staffordshire"] = "staffordshire", ["staffs"] = "staffordshire", ["suffolk"] = "suffolk",
        ["surrey"] = "surrey", ["sussex"] = "sussex", ["thames valley"] = "thames-valley", ["warwickshire"] = "warwickshire",
        ["west mercia"] = "west-mercia", ["west midlands"] = "west-midlands", ["west mids"] = "west-midlands", ["west yorkshire"] = "west-yorkshire",
        ["west yorks"] = "west-yorkshire", ["wiltshire"] = "wiltshire", ["wilts"] = "wiltshire", ["scottish"] = "scotland",
        ["british transport"] = "btp", ["transport"] = "btp", ["mod"] = "mod", ["m.o.d"] = "mod", ["m.o.d."] = "mod", ["ministry of defence"] = "mod",
        ["defence"] = "mod", ["civil nuclear"] = "cnc", ["nuclear"] = "cnc",
    };

    [GeneratedRegex(@"\b(?:GMP|WMP|WYP|SYP|NYP|TVP|PSNI|RUC|BTP|MDP|CNC|MPS|Police\s+Scotland|Heddlu\s+Gogledd\s+Cymru|Heddlu\s+De\s+Cymru|Heddlu\s+Dyfed-Powys|Heddlu\s+Gwent|the\s+Met|Scotland\s+Yard|Police\s+Service\s+of\s+Northern\s+Ireland|Ministry\s+of\s+Defence\s+Police|Civil\s+Nuclear\s+Constabulary|British\s+Transport\s+Police|City\s+of\s+London\s+Police)\b", RegexOptions.NonBacktracking)]
    private static partial Regex ForceAcronym();

    private static readonly Dictionary<string, string> AcronymCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMP"] = "greater-manchester", ["WMP"] = "west-midlands", ["WYP"] = "west-yorkshire", ["SYP"] = "south-yorkshire", ["NYP"] = "north-yorkshire",
        ["TVP"] = "thames-valley", ["PSNI"] = "psni", ["RUC"] = "psni", ["BTP"] = "btp", ["MDP"] = "mod", ["CNC"] = "cnc", ["MPS"] = "met",
        ["Scotland Yard"] = "met", ["Police Service of Northern Ireland"] = "psni", ["Ministry of Defence Police"] = "mod",
        ["Civil Nuclear Constabulary"] = "cnc", ["British Transport Police"] = "btp", ["City of London Police"] = "city-of-london",
        ["the Met"] = "met", ["Police Scotland"] = "scotland", ["Heddlu Gogledd Cymru"] = "north-wales", ["Heddlu De Cymru"] = "south-wales",
        ["Heddlu Dyfed-Powys"] = "dyfed-powys", ["Heddlu Gwent"] = "gwent",
    };

    private static readonly Dictionary<string, string> Names = ForceDirectory.Entries.ToDictionary(e => e.Code, e => e.Name);

    private sealed class Tally
    {
        public double Weight;
        public readonly List<(string Why, double Weight)> Evidence = [];
    }

    /// <param name="workplace">The places and stations found in the subject's workplace as given in the contact's fields
    /// ("Bristol", "Bridewell"): evidence as strong as the account's, and said to come from the field.</param>
    internal static IReadOnlyList<ForceSuggestion> Suggest(AccountText account, IReadOnlyList<Candidate> located, int top = 3, AnalysisWorkplace? workplace = null)
    {
        var text = account.Text;
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var railContext = PlaceRecogniser.RailWords().IsMatch(text);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        foreach (var c in located)
        {
            var forces = c.Forces is { Count: > 0 } known ? known : TownInside(text, c);
            if (forces.Count == 0) continue;
            var name = c.Head ?? text.Substring(c.Start, c.Length);
            // "Bridewell police station in Bristol": a town named beside a station shared by several forces decides it.
            var decidedBy = c.Kind == EntityKinds.Station && forces.Select(f => f.Code).Distinct().Count() > 1 ? TownBeside(text, located, c) : null;
            if (decidedBy is { } town)
            {
                forces = [.. forces.Where(f => town.Forces!.Any(t => t.Code == f.Code)).Select(f => f with { Weight = 1 })];
            }
            var key = name.ToLowerInvariant();
            var repeat = seen.TryGetValue(key, out var n) ? n : 0;
            seen[key] = repeat + 1;
            var damp = repeat == 0 ? 1.0 : 0.3 / repeat;
            var kindWeight = c.PlaceKind switch
            {
                PlaceKind.Station => 3.0,
                PlaceKind.Defence or PlaceKind.Nuclear => 3.0,
                PlaceKind.Rail => 1.5,
                PlaceKind.District or PlaceKind.Town or PlaceKind.Venue => 1.2,
                PlaceKind.Postcode => 0.8,
                _ => 1.0,
            };
            var label = c.Kind == EntityKinds.Station
                ? decidedBy is { } beside ? $"{name} (police station; '{text.Substring(beside.Start, beside.Length)}' beside it decides the force)" : $"{name} (police station)"
                : c.PlaceKind switch
            {
                PlaceKind.Rail => $"{name} (railway station)",
                PlaceKind.Defence => $"{name} (defence site)",
                PlaceKind.Nuclear => $"{name} (nuclear site)",
                _ => name,
            };
            foreach (var f in forces)
            {
                var w = f.Weight * kindWeight * damp;
                if (c.PlaceKind == PlaceKind.Rail && f.Code == "btp" && railContext) w *= 2;
                Add(f.Code, w, $"{label} → {NameOf(f.Code)}");
            }
        }

        if (workplace is not null)
            foreach (var c in workplace.Located)
                if (c.Forces is { Count: > 0 } given)
                {
                    var name = c.Head ?? workplace.Text.Substring(c.Start, c.Length);
                    foreach (var f in given) Add(f.Code, f.Weight * (c.Kind == EntityKinds.Station ? 3.0 : 1.5), $"{name} (the subject's workplace, as given) → {NameOf(f.Code)}");
                }

        foreach (var m in account.MatchesIn(RootAndPoliceWord(), account.Stretches(w => ForceWords.Contains(w))))
        {
            var words = AccountText.OneSpaced(m.Value, lower: false);
            var root = words[..words.LastIndexOf(' ')];
            if (root.EndsWith(" police", StringComparison.OrdinalIgnoreCase) || root.EndsWith(" old", StringComparison.OrdinalIgnoreCase)) root = root[..root.LastIndexOf(' ')];
            if (!RootCodes.TryGetValue(root, out var code)) continue;
            // "met" is mostly the verb and "city" a word: only as written for the force ("the Met lot", "City Police").
            if (code == "met" && !m.Value.StartsWith("Met", StringComparison.Ordinal) && !root.Equals("metropolitan", StringComparison.OrdinalIgnoreCase)) continue;
            if (code == "city-of-london" && !m.Value.StartsWith("City", StringComparison.Ordinal)) continue;
            Add(code, 5.0, $"'{m.Value}' names {NameOf(code)}");
        }
        foreach (Match m in ForceAcronym().Matches(text))
        {
            var key = AccountText.OneSpaced(m.Value, lower: false);
            if (AcronymCodes.TryGetValue(key, out var code)) Add(code, 5.0, $"'{m.Value}' names {NameOf(code)}");
        }

        // Nothing named: how the account speaks is all there is ("the polis", "a peeler"), and says so.
        if (tallies.Count == 0)
            foreach (var (word, where, forces) in DialectForces.In(account))
                foreach (var f in forces) Add(f.Code, 0.5 * f.Weight, $"no place named; '{word}' is {where} → {NameOf(f.Code)}");

        return tallies.OrderByDescending(kv => kv.Value.Weight).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top)
            .Select(kv => new ForceSuggestion(kv.Key, NameOf(kv.Key), Math.Round(kv.Value.Weight / tallies.Values.Sum(t => t.Weight), 3),
                string.Join("; ", kv.Value.Evidence.OrderByDescending(e => e.Weight).Select(e => e.Why).Distinct().Take(4))))
            .ToList();

        void Add(string code, double weight, string why)
        {
            if (!Names.ContainsKey(code) || weight <= 0) return;
            if (!tallies.TryGetValue(code, out var tally)) tallies[code] = tally = new Tally();
            tally.Weight += weight;
            tally.Evidence.Add((why, weight));
        }
    }

    /// <summary>A town, district or county within a few words of <paramref name="station"/> ("… police station in
    /// Bristol", "Bristol's Bridewell") that one of the station's forces covers.</summary>
    private static Candidate? TownBeside(string text, IReadOnlyList<Candidate> located, Candidate station) =>
        located.Where(c => c.Kind == EntityKinds.Place && c.PlaceKind is PlaceKind.Town or PlaceKind.District or PlaceKind.County
                && c.Forces is { Count: > 0 } && c.Forces.Any(t => station.Forces!.Any(f => f.Code == t.Code))
                && (c.Start >= station.End ? c.Start - station.End <= 40 : station.Start - c.End is >= 0 and <= 25))
            .OrderBy(c => c.Start >= station.End ? c.Start - station.End : station.Start - c.End)
            .FirstOrDefault();

    /// <summary>"Blackpool Town Hall", "Oxford Youth Court": a named building or street no gazetteer lists, whose first
    /// word is a town, counts for the town's force at half weight.</summary>
    private static IReadOnlyList<ForceWeight> TownInside(string text, Candidate c)
    {
        if (c.Kind != EntityKinds.Place) return [];
        var first = text.AsSpan(c.Start, c.Length);
        var space = first.IndexOf(' ');
        if (space <= 0) return [];
        return [.. Gazetteer.Instance.Lookup(first[..space].ToString()).Where(e => e.Kind is PlaceKind.Town or PlaceKind.District)
            .SelectMany(e => e.Forces).Select(f => f with { Weight = f.Weight * 0.5 })];
    }

    private static readonly HashSet<string> ForceWords = new(StringComparer.Ordinal) { "police", "constabulary", "force", "cops", "coppers", "plod", "lot", "bill", "polis", "feds", "bobbies", "service" };


    private static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
