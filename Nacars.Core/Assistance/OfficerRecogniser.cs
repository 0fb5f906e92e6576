using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>Officers' names (their numbers are <see cref="OfficerNumberRecogniser"/>'s).</summary>
internal static partial class OfficerRecogniser
{
    internal const string Rank =
        @"(?:Detective\s+(?:Chief\s+)?(?:Constable|Sergeant|Inspector|Superintendent)|Det\.?\s*(?:Con|Sgt|Insp)\.?|Police\s+Constable|Special\s+Constable|"
        + @"Chief\s+(?:Inspector|Superintendent|Constable)|Ch\.?\s*Insp|Acting\s+(?:Sergeant|Inspector)|[AT]/(?:Sgt|Insp)|PCSO|DCI|DSI|DCS|PC|PS|DC|DS|DI|"
        + @"Sgt|Sergeant|Sargent|Insp|Inspector|Supt|Superintendent|Constable|Commander)";

    private const string Name = @"(?:(?:Mc|Mac|O')?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?|[A-Z]{2,}(?:[-'][A-Z]+)?)";

    [GeneratedRegex(@"\b(?<rank>(?i:" + Rank + @"))\.?,?\s+(?:\d{2,7},?\s+)?(?<name>" + Name + @"(?:\s+" + Name + @"){0,2})", RegexOptions.NonBacktracking)]
    private static partial Regex RankAndName();

    // "called Lee", "goes by Robbo", "his name is Ryan Stokes", "name badge says KEMPTON", "a copper he calls Tolley".
    [GeneratedRegex(@"\b(?<cue>(?i:called|named|(?:his|her|their|the\s+\w+'s|officer'?s)\s+name\s+(?:is|was|'s)|name'?s|goes\s+by|went\s+by|known\s+as|calls\s+(?:himself|herself)|call(?:ed)?\s+(?:him|her)|gave\s+(?:his|her)\s+name\s+as|name\s+badge\s+(?:says|said|read)|badge\s+(?:says|said|read)|introduced\s+(?:himself|herself)\s+as|know\s+(?:him\s+|her\s+)?as|(?:he|she|they|we|everyone)\s+calls?(?:\s+(?:him|her))?|told\s+(?:him|her|me|us|them)\s+(?:his|her)\s+name\s+was))\s+['""‘“]?(?:(?:PC|PS|DC|DS|DI|Sgt|Sergeant|Officer|Mr|Mrs|Ms)\.?\s+)?(?<name>" + Name + @"(?:\s+(?:" + Name + @"|[A-Z]\b\.?))?)", RegexOptions.NonBacktracking)]
    private static partial Regex CalledName();

    // "I'm Jamie, I'm police": an officer naming himself in quoted speech.
    [GeneratedRegex(@"\bI'?m\s+(?<name>" + Name + @"),?\s+I'?m\s+(?:the\s+|a\s+)?(?:police|a\s+copper|old\s+bill|CID|a\s+police\s+officer)\b")]
    private static partial Regex SelfNamed();

    // "polis Cairns", "copper Brannigan", "officer Jones".
    [GeneratedRegex(@"\b(?i:polis|copper|cop|officer|peeler|detective|sergeant|sarge|constable|pcso|inspector|busy|bizzy|fed|plod|heddwas)\s+(?<name>" + Name + @"(?:\s+" + Name + @")?)", RegexOptions.NonBacktracking)]
    private static partial Regex RoleThenName();

    [GeneratedRegex(@"\b(?:is|was|'s|works\s+as)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:copper|cop|pc|officer|police\s*(?:man|woman|officer)?|sergeant|sargent|detective|constable|busy|bizzy|polis|peeler|fed|pcso|inspector|special)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex IsAnOfficer();

    [GeneratedRegex(@"^\s*(?:from|at|fae|of|out\s+of|in)\s+(?:the\s+)?(?:[\w']+\s+){0,3}?(?:nick|police\s+station|police\s+office|station|custody|cop\s+shop)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FromStation();

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "The", "He", "She", "His", "Her", "They", "We", "You", "It", "And", "But", "Or", "So", "On", "At", "In", "From", "To", "Of", "By",
        "Was", "Is", "Has", "Had", "Who", "Which", "That", "This", "Then", "When", "Where", "What", "With", "A", "An", "Not", "No", "Yes",
        "Police", "Station", "Road", "Street", "Lane", "Avenue", "Drive", "Car", "Van", "Team", "Unit", "Office", "Officer", "Officers",
        "Sergeant", "Constable", "Inspector", "Detective", "Custody", "Response", "Traffic", "Neighbourhood", "Federation", "Scotland",
        "Staffordshire", "Service", "Force", "Department", "Dept", "Branch", "Squad", "Command", "Support", "Safer", "Community", "Standards",
        "Professional", "CID", "PNC", "NHS", "UK", "GB", "OK", "ASAP", "URGENT", "TV", "CCTV", "DM", "DMs", "AM", "PM", "Christmas",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December", "Dyfed", "Powys", "Thames", "Valley", "West", "East",
        "North", "South", "Greater", "Met", "Metropolitan", "Transport", "Nuclear", "Civil", "Ministry", "Defence", "Please", "Thanks",
        "Instagram", "Facebook", "Snapchat", "TikTok", "WhatsApp", "Hinge", "Tinder", "Twitter", "Telegram", "Marketplace", "Mate",
        "Sir", "Mr", "Mrs", "Ms", "Miss", "Dr", "Lad", "Lads", "Guy", "Man", "Woman", "Bloke", "Fella", "Girl", "Boy", "Everyone",
        "Him", "Them", "Me", "Us", "My", "Our", "Your", "Their", "Its", "Some", "Any", "All", "One", "Two", "Three", "Four", "Five",
        "About", "After", "Before", "Since", "Until", "Last", "Next", "Every", "Also", "Just", "Only", "Even", "Still", "Now", "Today",
        "Tonight", "Yesterday", "Tomorrow", "Apparently", "Allegedly", "Honestly", "Basically", "Obviously", "Anyway", "Also", "Plus",
        "Arms", "Tavern", "Inn", "Centre", "Hotel", "Club", "Estate", "Park", "Court", "House", "Hall", "Way", "Close", "Place",
    };

    private static readonly HashSet<string> CueWords = new(StringComparer.Ordinal)
    {
        "called", "named", "name", "names", "goes", "went", "known", "calls", "call", "gave", "badge", "introduced", "know", "told",
    };

    public static void FindNames(AccountText account, PoliceContext context, List<Candidate> into, string? reporterName)
    {
        var text = account.Text;
        var found = new List<(int Start, int Length, string Why)>();

        var rankStretches = account.Stretches(Lexicon.RankWords.Contains);
        var cueStretches = account.Stretches(w => CueWords.Contains(w));
        var policeStretches = account.Stretches(Lexicon.PoliceWords.Contains);
        foreach (var m in account.MatchesIn(RankAndName(), rankStretches))
        {
            var rank = m.Groups["rank"].Value;
            if (rank.Equals("Commander", StringComparison.OrdinalIgnoreCase) && !char.IsUpper(rank[0])) continue;
            // "officer" as a rank only capitalised ("Officer Dibble"), never "the officer Friday".
            var name = TrimName(m.Groups["name"]);
            if (name is null) continue;
            // A lower-case two-letter rank ("ps", "di") before a capitalised word is usually English ("di Maria").
            if (rank.All(char.IsLower) && rank.Length <= 2 && rank != "pc") continue;
            found.Add((name.Value.Index, name.Value.Length, $"follows the rank '{rank}'"));
        }

        foreach (var m in account.MatchesIn(CalledName(), cueStretches))
        {
            var name = TrimName(m.Groups["name"]);
            if (name is null) continue;
            if (IsReporterIntroduction(text, m.Index)) continue;
            if (NamesAThing(text, m.Index) || NamesACivilian(text, m.Index)) continue;
            if (!context.AboutOfficer(name.Value.Index, name.Value.Index + name.Value.Length)) continue;
            found.Add((name.Value.Index, name.Value.Length, $"'{AccountText.OneSpaced(m.Groups["cue"].Value)} …' in an account about an officer"));
        }

        foreach (Match m in SelfNamed().Matches(text))
            found.Add((m.Groups["name"].Index, m.Groups["name"].Length, "introduces himself as police"));

        foreach (var m in account.MatchesIn(RoleThenName(), policeStretches))
        {
            var name = TrimName(m.Groups["name"]);
            if (name is null) continue;
            if (!char.IsUpper(text[name.Value.Index])) continue;
            if (context.NonPoliceRoleNear(m.Index)) continue;
            if (Gazetteer.Instance.Lookup(name.Value.Value).Count > 0 && !char.IsUpper(m.Value[0])) continue;
            found.Add((name.Value.Index, name.Value.Length, "a police word followed by a name"));
        }

        // "<name> is a (bent) copper", "<name> from hanley nick": the name may be in lower case in text-speak.
        foreach (var m in account.MatchesIn(IsAnOfficer(), policeStretches))
            if (NameBefore(account, m.Index) is { } span) found.Add((span.Start, span.Length, "described as an officer"));
        for (var t = 0; t < account.Tokens.Count; t++)
        {
            var tok = account.Tokens[t];
            if (!Lexicon.FirstNames.Contains(tok.Folded)) continue;
            if (!FromStation().IsMatch(text.AsSpan(tok.End, Math.Min(60, text.Length - tok.End)))) continue;
            if (IsNonName(account, t)) continue;
            var last = t + 1 < account.Tokens.Count && IsSurnameLike(account, t + 1) ? t + 1 : t;
            found.Add((tok.Start, account.Tokens[last].End - tok.Start, "a name 'from … nick/station'"));
        }

        // A first name and a surname in a sentence about police work ("Graham Tully on custody at …").
        for (var t = 0; t + 1 < account.Tokens.Count; t++)
        {
            var first = account.Tokens[t];
            if (!Lexicon.FirstNames.Contains(first.Folded) || !account.IsCapitalised(t) || !IsSurnameLike(account, t + 1) || !account.Adjacent(t, t + 1)) continue;
            if (IsNonName(account, t) || IsReporterIntroduction(text, first.Start)) continue;
            if (!context.SentenceIsAboutPolice(t)) continue;
            found.Add((first.Start, account.Tokens[t + 1].End - first.Start, "a full name in a sentence about police"));
        }

        // Nicknames ("Gaz", "Robbo") in an account about an officer.
        if (context.AboutPoliceOverall)
            for (var t = 0; t < account.Tokens.Count; t++)
                if (Lexicon.Nicknames.Contains(account.Tokens[t].Folded) && account.IsCapitalised(t) && !IsNonName(account, t))
                    found.Add((account.Tokens[t].Start, account.Tokens[t].Length, "a nickname in an account about an officer"));

        LowerCaseNames(account, context, found);

        // Drop the reporter's own name, then add every other mention of a found first name, surname or short form.
        var reporterWords = ReporterWords(reporterName);
        found.RemoveAll(f => AccountText.Tokenise(text.Substring(f.Start, f.Length)).Any(w => reporterWords.Contains(w.Folded)));
        foreach (var f in found)
            into.Add(new Candidate(EntityKinds.OfficerName, f.Start, f.Length, f.Why, Candidate.PriorityOf(EntityKinds.OfficerName)));
        AddRepeats(account, found, into);
    }

    private static void AddRepeats(AccountText account, List<(int Start, int Length, string Why)> found, List<Candidate> into)
    {
        if (found.Count == 0) return;
        var names = new Dictionary<string, (bool LowerSeen, string Source)>(StringComparer.Ordinal);
        foreach (var f in found)
        {
            var source = account.Text.Substring(f.Start, f.Length);
            foreach (var w in AccountText.Tokenise(source))
            {
                if (w.Folded.Length < 3 || Lexicon.Stop.Contains(w.Folded)) continue;
                var lower = char.IsLower(source[w.Start]);
                Add(w.Folded, lower);
                if (Lexicon.ShortForms.TryGetValue(w.Folded, out var shorts)) foreach (var s in shorts) Add(s, lower);
                foreach (var (full, shorts2) in Lexicon.ShortForms) if (shorts2.Contains(w.Folded)) Add(full, lower);

                void Add(string key, bool lowerSeen) =>
                    names[key] = names.TryGetValue(key, out var had) ? (had.LowerSeen || lowerSeen, had.Source) : (lowerSeen, source);
            }
        }
        for (var t = 0; t < account.Tokens.Count; t++)
        {
            var tok = account.Tokens[t];
            if (!names.TryGetValue(tok.Folded, out var name)) continue;
            // A capitalised repeat always counts; a lower-case one only when the name was first written in lower case.
            if (!account.IsCapitalised(t) && !name.LowerSeen) continue;
            if (found.Any(f => tok.Start >= f.Start && tok.Start < f.Start + f.Length)) continue;
            into.Add(new Candidate(EntityKinds.OfficerName, tok.Start, tok.Length, $"another mention of '{name.Source}'", Candidate.PriorityOf(EntityKinds.OfficerName) - 1));
        }
    }

    private static HashSet<string> ReporterWords(string? reporterName)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(reporterName)) return set;
        foreach (var w in AccountText.Tokenise(reporterName)) if (w.Folded.Length >= 3) set.Add(w.Folded);
        return set;
    }

    private static (int Start, int Length)? NameBefore(AccountText account, int position)
    {
        var t = account.TokenAt(position) - 1;
        if (t < 0) return null;
        var text = account.Text;
        // "jamie rourke is a bent busy", "My neighbour Neil Garside is a sergeant", "Brannigan is a copper".
        var last = t;
        var first = t;
        if (t - 1 >= 0 && account.Adjacent(t - 1, t) && (Lexicon.FirstNames.Contains(account.Tokens[t - 1].Folded) || (account.IsCapitalised(t - 1) && account.IsCapitalised(t) && !NotNames.Contains(account.Tokens[t - 1].Folded)))) first = t - 1;
        var tok = account.Tokens[first];
        var capitalised = account.IsCapitalised(first) && account.IsCapitalised(last);
        var knownFirst = Lexicon.FirstNames.Contains(tok.Folded) || Lexicon.Nicknames.Contains(tok.Folded);
        if (!capitalised && !knownFirst) return null;
        if (capitalised && first == last && account.StartsSentence(first) && !knownFirst) return null;
        for (var i = first; i <= last; i++)
            if (NotNames.Contains(text.Substring(account.Tokens[i].Start, account.Tokens[i].Length)) || Lexicon.Stop.Contains(account.Tokens[i].Folded) || Lexicon.PoliceWords.Contains(account.Tokens[i].Folded)) return null;
        // "My neighbour Neil Garside is a sergeant": said to be police, the relation does not make him a civilian.
        return (tok.Start, account.Tokens[last].End - tok.Start);
    }

    private static bool IsSurnameLike(AccountText account, int t)
    {
        var tok = account.Tokens[t];
        var surface = account.Text.Substring(tok.Start, tok.Length);
        if (surface.Length < 2 || !char.IsLetter(surface[0])) return false;
        if (NotNames.Contains(surface) || Lexicon.Stop.Contains(tok.Folded) || Lexicon.PoliceWords.Contains(tok.Folded)) return false;
        if (Lexicon.StreetSuffixes.Contains(tok.Folded) || Lexicon.VenueSuffixes.Contains(tok.Folded)) return false;
        return char.IsUpper(surface[0]) || !Lexicon.Stop.Contains(tok.Folded);
    }

    /// <summary>The word is not an officer's name here: the reporter's relation ("my mate Shane") or a title for a
    /// civilian.</summary>
    private static bool IsNonName(AccountText account, int t)
    {
        if (t == 0) return false;
        var prev = account.Tokens[t - 1].Folded;
        var prev2 = t >= 2 ? account.Tokens[t - 2].Folded : "";
        if (Lexicon.Relations.Contains(prev) && prev2 is "my" or "our" or "his" or "her" or "their") return true;
        return prev is "mr" or "mrs" or "ms" or "miss" or "dr" && !Lexicon.PoliceWords.Contains(prev2);
    }

    private static readonly string[] Things =
    [
        "group", "chat", "page", "account", "channel", "app", "club", "pub", "bar", "shop", "firm", "company", "business", "gang", "crew",
        "street", "road", "estate", "place", "village", "town", "area", "operation", "website", "site", "film", "song", "show", "boat", "dog",
    ];

    /// <summary>"a WhatsApp group called 'Arpley Lads'": the name belongs to a thing, not a person.</summary>
    private static bool NamesAThing(string text, int cueIndex)
    {
        var before = text[Math.Max(0, cueIndex - 25)..cueIndex].TrimEnd().ToLowerInvariant();
        foreach (var thing in Things)
            if (before.EndsWith(thing, StringComparison.Ordinal) || before.EndsWith(thing + "s", StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly string[] Civilians = ["a man", "a woman", "a guy", "a bloke", "a lad", "a fella", "a girl", "a boy", "a dealer", "a bouncer", "a friend", "a mate", "a cousin", "a neighbour", "a lady", "an old man"];

    /// <summary>"a man called Davie Rennie who runs a salon": described as a civilian, not an officer.</summary>
    private static bool NamesACivilian(string text, int cueIndex)
    {
        var before = text[Math.Max(0, cueIndex - 16)..cueIndex].TrimEnd().ToLowerInvariant();
        foreach (var c in Civilians) if (before.EndsWith(c, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsReporterIntroduction(string text, int position)
    {
        var from = Math.Max(0, position - 14);
        var before = text[from..position].ToLowerInvariant();
        return before.Contains("my name") || before.Contains("i'm ") || before.Contains("i am ") || before.Contains("me ") && before.Contains("call");
    }

    private readonly record struct NameSpan(int Index, int Length, string Value);

    /// <summary>The name group without trailing words that are not names ("DC Grange appears" keeps "Grange").</summary>
    private static NameSpan? TrimName(Group g)
    {
        var value = g.Value;
        var end = 0;
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && char.IsWhiteSpace(value[i])) i++;
            var wordStart = i;
            while (i < value.Length && !char.IsWhiteSpace(value[i])) i++;
            if (wordStart == i) break;
            var word = value[wordStart..i];
            if (NotNames.Contains(word.Trim('.', '\'')) || Lexicon.Stop.Contains(word.ToLowerInvariant())) break;
            end = i;
        }
        return end == 0 ? null : new NameSpan(g.Index, end, value[..end]);
    }


    /// <summary>True when a police word sits within <paramref name="window"/> characters before the position.</summary>
    public static bool PoliceNear(string text, int position, int window)
    {
        var from = Math.Max(0, position - window);
        var near = text[from..Math.Min(text.Length, position + 40)];
        foreach (var tok in AccountText.Tokenise(near))
            if (Lexicon.PoliceWords.Contains(tok.Folded)) return true;
        return PolicePhrase().IsMatch(near);
    }

    /// <summary>The police in two words: "the old bill", "five-oh", "the boys in blue".</summary>
    [GeneratedRegex(@"\bold\s+bill\b|\bfive[\s-]?oh\b|\bboys\s+in\s+blue\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PolicePhrase();
}
