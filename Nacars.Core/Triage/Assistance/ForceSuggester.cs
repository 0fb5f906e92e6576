using System.Text.RegularExpressions;
using Nacars.Core.Forces;

namespace Nacars.Core.Triage.Assistance;

/// <summary>A force the account is probably for, with the evidence ("Hanley → Staffordshire Police").</summary>
public sealed record ForceSuggestion(string Code, string Name, double Score, string Why);

/// <summary>
/// Ranks forces from the places, stations and force names in an account. Each piece of evidence adds weight to the
/// forces the gazetteer gives it; a police station counts three times a town; a railway station counts for British
/// Transport Police, more so when the account is about trains or platforms; defence and nuclear sites count for the
/// Ministry of Defence Police and the Civil Nuclear Constabulary. Scores are shares of all the weight found.
/// </summary>
public static partial class ForceSuggester
{
    private sealed record Alias(string Pattern, string Code);

    // Force names as people write them. Each root takes a police word after it ("the Staffordshire lot", "Kent Police").
    private static readonly (string Root, string Code)[] Roots =
    [
        ("avon and somerset|avon & somerset|avon", "avon-and-somerset"), ("bedfordshire|beds", "bedfordshire"),
        ("cambridgeshire|cambs", "cambridgeshire"), ("cheshire", "cheshire"), ("city of london|city", "city-of-london"),
        ("cleveland", "cleveland"), ("cumbria|cumbrian", "cumbria"), ("derbyshire|derby", "derbyshire"),
        ("devon and cornwall|devon & cornwall|devon", "devon-and-cornwall"), ("dorset", "dorset"), ("durham", "durham"),
        ("dyfed-powys|dyfed powys|dyfed", "dyfed-powys"), ("essex", "essex"), ("gloucestershire|glos", "gloucestershire"),
        ("greater manchester|manchester", "greater-manchester"), ("gwent", "gwent"),
        ("hampshire and isle of wight|hampshire & isle of wight|hampshire|hants", "hampshire"), ("hertfordshire|herts", "hertfordshire"),
        ("humberside|humber", "humberside"), ("kent", "kent"), ("lancashire|lancs", "lancashire"), ("leicestershire|leics", "leicestershire"),
        ("lincolnshire|lincs", "lincolnshire"), ("merseyside|scouse", "merseyside"), ("metropolitan|met", "met"), ("norfolk", "norfolk"),
        ("north wales", "north-wales"), ("north yorkshire|north yorks", "north-yorkshire"), ("northamptonshire|northants", "northamptonshire"),
        ("northumbria|northumberland", "northumbria"), ("nottinghamshire|notts", "nottinghamshire"), ("south wales", "south-wales"),
        ("south yorkshire|south yorks", "south-yorkshire"), ("staffordshire|staffs", "staffordshire"), ("suffolk", "suffolk"),
        ("surrey", "surrey"), ("sussex", "sussex"), ("thames valley", "thames-valley"), ("warwickshire", "warwickshire"),
        ("west mercia", "west-mercia"), ("west midlands|west mids", "west-midlands"), ("west yorkshire|west yorks", "west-yorkshire"),
        ("wiltshire|wilts", "wiltshire"), ("scottish", "scotland"), ("british transport|transport", "btp"),
        ("mod|m\\.o\\.d\\.?|ministry of defence|defence", "mod"), ("civil nuclear|nuclear", "cnc"),
    ];

    private static readonly (Regex Pattern, string Code)[] Explicit = BuildExplicit();

    private static (Regex, string)[] BuildExplicit()
    {
        const string after = @"\s+(?:police(?:\s+service)?|constabulary|force|cops|coppers|plod|lot|old\s+bill|polis|feds|bobbies)\b";
        var list = Roots.Select(r => (new Regex(@"\b(?:" + r.Root + ")" + after, RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant), r.Code)).ToList();
        list.Add((AcronymPattern(), ""));
        return [.. list];
    }

    [GeneratedRegex(@"\b(?<a>GMP|WMP|WYP|SYP|NYP|TVP|PSNI|RUC|BTP|MDP|CNC|MPS|Police\s+Scotland|Heddlu\s+(?:Gogledd\s+Cymru|De\s+Cymru|Dyfed-Powys|Gwent)|the\s+Met\b(?!\s+Office)|Scotland\s+Yard|Police\s+Service\s+of\s+Northern\s+Ireland|Ministry\s+of\s+Defence\s+Police|Civil\s+Nuclear\s+Constabulary|British\s+Transport\s+Police|City\s+of\s+London\s+Police)\b")]
    private static partial Regex AcronymPattern();

    private static readonly Dictionary<string, string> AcronymCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMP"] = "greater-manchester", ["WMP"] = "west-midlands", ["WYP"] = "west-yorkshire", ["SYP"] = "south-yorkshire", ["NYP"] = "north-yorkshire",
        ["TVP"] = "thames-valley", ["PSNI"] = "psni", ["RUC"] = "psni", ["BTP"] = "btp", ["MDP"] = "mod", ["CNC"] = "cnc", ["MPS"] = "met",
        ["Scotland Yard"] = "met", ["Police Service of Northern Ireland"] = "psni", ["Ministry of Defence Police"] = "mod",
        ["Civil Nuclear Constabulary"] = "cnc", ["British Transport Police"] = "btp", ["City of London Police"] = "city-of-london",
    };

    private static readonly Dictionary<string, string> Names = ForceDirectory.Entries.ToDictionary(e => e.Code, e => e.Name);

    private sealed class Tally
    {
        public double Weight;
        public readonly List<(string Why, double Weight)> Evidence = [];
    }

    internal static IReadOnlyList<ForceSuggestion> Suggest(AccountText account, IReadOnlyList<Candidate> located, int top = 3)
    {
        var text = account.Text;
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var railContext = PlaceRecogniser.RailWords().IsMatch(text);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        foreach (var c in located)
        {
            if (c.Forces is not { Count: > 0 } forces) continue;
            var name = c.Head ?? text.Substring(c.Start, c.Length);
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
            var label = c.Kind == EntityKinds.Station ? $"{name} (police station)" : c.PlaceKind switch
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

        foreach (var (pattern, code) in Explicit)
        {
            foreach (Match m in pattern.Matches(text))
            {
                var resolved = code.Length > 0 ? code : AcronymCodes.TryGetValue(m.Groups["a"].Value, out var a) ? a
                    : m.Value.StartsWith("the Met", StringComparison.Ordinal) ? "met"
                    : m.Value.StartsWith("Police Scotland", StringComparison.OrdinalIgnoreCase) ? "scotland"
                    : m.Value.Contains("Gogledd", StringComparison.Ordinal) ? "north-wales" : m.Value.Contains("De Cymru", StringComparison.Ordinal) ? "south-wales"
                    : m.Value.Contains("Dyfed", StringComparison.Ordinal) ? "dyfed-powys" : m.Value.Contains("Gwent", StringComparison.Ordinal) ? "gwent" : "";
                if (resolved.Length == 0) continue;
                // "the Met" must be capitalised; "met" is mostly the verb.
                if (resolved == "met" && !m.Value.Contains("Met", StringComparison.Ordinal) && !m.Value.Contains("MPS", StringComparison.Ordinal) && !m.Value.Contains("Metropolitan", StringComparison.OrdinalIgnoreCase)) continue;
                if (resolved == "city-of-london" && !m.Value.StartsWith("City", StringComparison.Ordinal)) continue;
                Add(resolved, 5.0, $"'{m.Value}' names {NameOf(resolved)}");
            }
        }

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

    private static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
