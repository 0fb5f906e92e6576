using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Nacars.Core.Contacts;

namespace Nacars.Core.Triage.Assistance;

/// <summary>
/// The sanitisation guard: finds what could identify the reporter (their own name, phone, email and address in any
/// spelling; first-person relationships, addresses, jobs and workplaces; their own dated incidents; their car),
/// proposes a neutral redaction, and re-checks a sanitised text against the decisions already made.
/// </summary>
public static partial class SanitisationGuard
{
    private const string Relation = @"(?:partner|ex|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|husband|wife|boyfriend|girlfriend|fianc[eé]e?|neighbour|neighbours|sister|sisters|brother|brothers|mum|mom|mother|dad|father|son|daughter|cousin|nan|nana|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|uncle|aunt|auntie|niece|nephew|step-?dad|step-?mum|step-?son|step-?daughter|landlord|landlady|lodger|flatmate|housemate|colleague|boss|line\s+manager|manager|friend|mate|pal|missus|fella|kids?|child|children|baby|family|lad|boy|girl|wee\s+one|(?:brother|sister|son|daughter|mother|father)-in-law|in-laws)";

    [GeneratedRegex(@"\bmy\s+(?:[\w-]+\s+){0,2}?(?:\d{1,2}[- ]year[- ]old\s+)?" + Relation + @"(?:'s|s'|’s)?(?:\s+" + Relation + @")?\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MyRelation();

    [GeneratedRegex(@"\b(?:I'?m|I\s+am|I\s+was)\s+(?:his|her|their|the\s+officer'?s)\s+(?:[\w-]+\s+)?" + Relation + @"\b|\b(?:is|was|are|were|'s)\s+my\s+(?:[\w-]+\s+)?" + Relation + @"\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex IAmTheirRelation();

    [GeneratedRegex(@"\bI(?:'m|\s+am|\s+was)\s+married\s+to\b|\bI(?:'m|\s+am)\s+(?:lodging|living|staying|renting\s+a\s+room)\s+with\b|\bI\s+(?:went|go|used\s+to\s+go)\s+to\s+school\s+with\b|\bI(?:'m|\s+am)\s+on\s+the\s+same\s+(?:team|shift|relief|unit|watch|course|section)\b|\bI(?:'m|\s+am)\s+the\s+only\s+(?:one|person|woman|man|girl|lad)\b|\bI\s+used\s+to\s+(?:go\s+out\s+with|date|be\s+with|live\s+with|work\s+with|be\s+married\s+to|see)\b|\bwe\s+(?:were|used\s+to\s+be)\s+(?:together|married|engaged|neighbours|partners|an\s+item)\b|\bI\s+(?:matched|hooked\s+up|went\s+on\s+a\s+date|slept)\s+with\b|\bI\s+met\s+(?:him|her)\s+on\b|\b(?:a\s+)?mutual\s+friend\b|\bI\s+was\s+(?:added|invited)\s+(?:to|by|into)?\b|\bI(?:'m|\s+am)\s+(?:his|her)\s+(?:neighbour|lodger|tenant|landlord|landlady)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RelationshipPhrase();

    [GeneratedRegex(@"\b(?:\w+\s+){0,2}?(?:who|whom|that)\s+I\s+(?:owe|lent|borrowed\s+from|rent\s+from|live\s+with|work\s+with|used\s+to\s+\w+)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex WhoIOwe();

    [GeneratedRegex(@"\b(?:he|she)\s+(?:has\s+|had\s+|then\s+|also\s+)?(?:sent|texted|messaged|rang|phoned|emailed|dm'?d|added|followed|blocked)\s+me\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex SubjectContactedMe();

    [GeneratedRegex(@"\b(?:I|we)(?:'ve|\s+have)?\s+(?:live|lived|living|stay|staying|reside|moved)\s+(?:in|on|at|next\s+door|opposite|across|above|below|just\s+off|off|round\s+the\s+corner|near|by|two\s+doors|a\s+few\s+doors|over\s+the\s+road|up\s+the\s+road|down\s+the\s+road)\b|\bI(?:'m|\s+am)\s+(?:at\s+)?(?:number|no\.?|flat)\s+\d+\w?\b|\bI(?:'m|\s+am)\s+(?:next\s+door|opposite|across\s+the\s+road|upstairs|downstairs)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ILiveAt();

    [GeneratedRegex(@"\b(?:my|our)\s+(?:old\s+|new\s+|home\s+|current\s+|previous\s+|own\s+|last\s+)?(?:address|house|flat|home|street|building|front\s+door|shared\s+wall|garden|road|close|block)\b|\bat\s+home\s+(?:on|in|at)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MyHome();

    [GeneratedRegex(@"\bI(?:'m|\s+am|\s+was|\s+used\s+to\s+be)\s+(?:a|an|the)\s+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex IAmA();

    [GeneratedRegex(@"\bI\s+(?:work|worked|'ve\s+worked|have\s+worked|am\s+working|'m\s+working|volunteer|volunteered)\s+(?:as|at|in|for|behind|on|with|there|here|alongside|nights|days|shifts)\b|\bI\s+(?:run|own|manage|co-own)\s+(?:a|an|the|my)\b|\bI\s+(?:drive|deliver|clean|cook|drove|delivered)\s+(?:a\s+\w+\s+)?for\b|\b(?:dwi'?n|rwy'?n|rydw\s+i'?n|dw\s+i'?n)\s+gweithio\b|\b(?:there\s+(?:are|were)\s+)?only\s+(?:two|three|four|five|six|a\s+few|a\s+handful)\s+of\s+us\b|\bI(?:'ve|\s+have)\s+(?:since\s+)?been\s+(?:taken\s+off|moved\s+to|moved\s+off|put\s+on|suspended|disciplined|transferred|given\s+a\s+warning)\b|\b(?:when|after)\s+I\s+(?:queried|raised|reported|challenged|questioned|flagged|mentioned)\b|\bI\s+(?:queried|raised|challenged|flagged|mentioned)\s+(?:it|this|that|all\s+this|the\s+matter|concerns?)\b|\bI\s+remember\s+\w+ing\s+(?:it\s+)?myself\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex WorkPhrase();

    [GeneratedRegex(@"\bmy\s+(?:shop|cab|taxi|salon|business|pub|bar|cafe|caf[eé]|restaurant|takeaway|office|workplace|employer|firm|company|store|stall|booking\s+app|line\s+manager|boss|shift|rota|team|colleagues|staff|customers|clients|patients|pupils|students|job|work|cctv|doorbell|dashcam|camera)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MyWork();

    [GeneratedRegex(@"\b(?:I|we)\s+(?:was|were|got|have\s+been|'ve\s+been|had\s+been)\s+(?:arrested|stopped|pulled\s+over|fined|cautioned|charged|searched|interviewed|assaulted|attacked|robbed|burgled|threatened|breathalysed|ticketed|released|detained|questioned|given\s+an?\s+\w+|issued\s+(?:with\s+)?an?\s+\w+|done\s+for|banned|summonsed|nicked|lifted)\b|\bI\s+(?:got|received|had)\s+an?\s+(?:[\w-]+\s+){0,2}(?:ticket|fine|caution|letter|summons|penalty|notice|fpn|warning|points)\b|\bI\s+accepted\s+an?\s+(?:caution|fine|penalty)\b|\bI\s+(?:reported|gave\s+(?:a|my)\s+statement|gave\s+evidence|made\s+a\s+statement|called\s+(?:999|101|the\s+police)|rang\s+(?:999|101|the\s+police)|was\s+a\s+witness|witnessed\s+a)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex IWasPoliced();

    [GeneratedRegex(@"\bI\s+(?:bought|sold|paid|hired|rented|lent|borrowed|met|visited)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex IDidSomething();

    [GeneratedRegex(@"\bmy\s+(?:[\w'-]+\s+){0,3}?(?:was|got|were|has\s+been|had\s+been)\s+(?:stolen|burgled|seized|broken\s+into|damaged|vandalised|taken|confiscated|searched|towed|clamped|impounded|smashed|raided)\b|\b(?:gave|handed|issued)\s+me\s+an?\s+(?:ticket|fine|caution|penalty|warning|fpn)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MyThingPoliced();

    [GeneratedRegex(@"\b(?:he|she|they|the\s+officer|officers|police|the\s+police|a\s+copper|a\s+pc)\s+(?:\w+\s+)?(?:pulled|stopped|arrested|searched|fined|cautioned|ticketed|breathalysed|followed|assaulted|hit|pushed|grabbed|threatened|visited|questioned|interviewed|called|rang|texted|messaged|contacted|approached|booked)\s+(?:me|us|my\s+\w+)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex TheyDidToMe();

    private const string Colour = @"(?:black|white|silver|grey|gray|red|blue|green|yellow|orange|purple|brown|gold|maroon|navy|dark\s+\w+|light\s+\w+|bright\s+\w+)";

    [GeneratedRegex(@"\bwhat\s+(?:car|van|vehicle)\s+I\s+(?:drive|have|own)\b|\bI\s+(?:drive|own)\s+an?\s+(?:" + Colour + @"\s+)?[\w-]+(?:\s+[\w-]+)?\b|\bmy\s+(?:own\s+)?(?:car|van|motor|vehicle|motorbike|bike|scooter|e-bike)\s+(?:is|was)\s+an?\s+[^.;!?\n]{2,40}|\bmy\s+(?:own\s+)?" + Colour + @"\s+[\w-]+(?:\s+[\w-]+)?\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MyCar();

    [GeneratedRegex(@"\b[Mm]y\s+name\s+is\s+(?<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})|\b(?:this\s+is|I'?m|I\s+am)\s+(?<n>[A-Z][a-z]+\s+[A-Z][\w'’-]+)(?=\s*(?:[,.;]|and\b|from\b|speaking\b|$))")]
    private static partial Regex SelfIntroduction();

    [GeneratedRegex(@"(?:\b(?:ring|call|text|phone|contact(?:ed)?|reach(?:ed)?|get\s+hold\s+of|whatsapp|email|e-mail|message)\s+me\b|\bmy\s+(?:mobile|number|phone|email|e-mail|direct\s+line|landline|contact\s+number|details|work\s+number|home\s+number)\b|\bI\s+can\s+be\s+(?:contacted|reached|emailed|called|rung)\b|\bme\s+on\b|\bme\s+at\b)[^.!?\n]{0,30}$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ContactCueBefore();

    [GeneratedRegex(@"\b(?:his|her|their|him|from|officer'?s|he|she)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex SomeoneElse();

    [GeneratedRegex(@"\b(?:is\s+\d{1,2}|aged\s+\d{1,2}|him|arrested|burgled|reported|seized|stolen|stopped|pulled|married|is\s+an?|was\s+an?|works?|lives?|living|has\s+been\s+with|been\s+with|with\s+an?\s+(?:police|officer|copper|pc)|neighbour|flat|house|address|home|got|fled|moved|lifted|assault\w*|hit|attacked)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RelationEvent();

    [GeneratedRegex(@"\b(?:stopped|arrested|searched|attacked|hit|pulled\s+over|grabbed|pushed|assaulted|threatened|followed|messaged|texted|sold|gave|handed|fined|ticketed|cautioned|charged|took|seized|helped|visited|interviewed|questioned|photos\s+of\s+himself\s+to|messages?\s+to)(?:\s+\w+)?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PolicedBefore();

    [GeneratedRegex(@"\b(?:says|said|told\s+me|tells\s+me|reckons|thinks|heard|knows|showed\s+me|drinks|works\s+with|and\s+I)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Hearsay();

    [GeneratedRegex(Relation, RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RelationWord();

    [GeneratedRegex(@"\b(?:number|no\.?|flat|house)\s+\d+|\bnext\s+door\b|\bopposite\b|\bacross\s+the\s+road\b|\bdoors?\s+(?:down|up|from)\b|\b(?:above|below|upstairs|downstairs)\b|\b[A-Z][a-z]+\s+(?:Road|Street|Lane|Avenue|Drive|Close|Way|Court|House)\b", RegexOptions.NonBacktracking)]
    private static partial Regex SpecificAddress();

    /// <summary>Words ending like a role noun that are not one ("I'm a bit over it", "I'm the other one").</summary>
    private static readonly HashSet<string> NotRoles = new(StringComparer.Ordinal)
    {
        "other", "never", "over", "under", "after", "better", "rather", "either", "neither", "together", "whatever", "however", "sister",
        "brother", "mother", "father", "daughter", "partner", "number", "member", "another", "proper", "clever", "major", "minor", "sober",
        "bitter", "super", "poor", "door", "floor", "fewer", "older", "younger", "bigger", "smaller", "regular", "similar", "popular", "particular",
    };

    private static readonly HashSet<string> FirstPersonWords = new(StringComparer.Ordinal)
    {
        "i", "im", "ive", "id", "ill", "me", "my", "mine", "myself", "we", "were", "weve", "our", "ours", "us", "ourselves", "dwin", "dwi", "rwyn",
        "rydw", "dw", "ma", "masel", "mah", "ah",
    };

    private static readonly HashSet<string> PersonalRoles = new(StringComparer.Ordinal)
    {
        "mum", "mother", "dad", "father", "parent", "pensioner", "widow", "widower", "grandmother", "grandfather", "nan", "grandad", "carer",
        "student", "lodger", "tenant", "neighbour",
    };

    /// <summary>The flags for an account, given the reporter's own details when they left any.</summary>
    public static IReadOnlyList<ReporterFlag> Find(string text, ReporterDetails? reporter = null)
    {
        var run = AccountAnalyser.Run(text, reporter);
        return Find(run.Account, run.Entities, reporter);
    }

    internal static IReadOnlyList<ReporterFlag> Find(AccountText account, IReadOnlyList<AccountEntity> entities, ReporterDetails? reporter)
    {
        var text = account.Text;
        var flags = new List<(string Kind, int Start, int End, string Why)>();
        // Every phrase below has a first-person word in it ("I", "me", "my", "we", "our"): only those sentences are read.
        var firstPerson = account.Stretches(FirstPersonWords.Contains);

        ReporterOwnDetails(text, entities, reporter, flags);

        foreach (var m in account.MatchesIn(SelfIntroduction(), firstPerson))
        {
            var n = m.Groups["n"];
            var first = n.Value.Split(' ')[0].ToLowerInvariant();
            if (!m.Value.StartsWith("my", StringComparison.OrdinalIgnoreCase) && !Lexicon.FirstNames.Contains(first)) continue;
            if (InQuotes(text, m.Index)) continue;
            flags.Add((ReporterFlagKinds.Name, n.Index, n.Index + n.Length, "the reporter gives their name"));
        }

        foreach (var e in entities)
        {
            if (e.Kind is not (EntityKinds.Phone or EntityKinds.Email)) continue;
            var before = text[Math.Max(0, e.Start - 60)..e.Start];
            var cue = ContactCueBefore().Match(before);
            if (!cue.Success) continue;
            var between = before[(cue.Index + cue.Length - Math.Min(cue.Length, 30))..];
            if (SomeoneElse().IsMatch(before[cue.Index..]) && !cue.Value.StartsWith("my", StringComparison.OrdinalIgnoreCase) && !cue.Value.Contains(" me", StringComparison.OrdinalIgnoreCase) && between.Length > 0) continue;
            flags.Add((ReporterFlagKinds.Contact, e.Start, e.End, $"the reporter's own {(e.Kind == EntityKinds.Phone ? "phone number" : "email address")} ('{Collapse(cue.Value.Trim())}')"));
        }

        foreach (var m in account.MatchesIn(MyRelation(), firstPerson))
        {
            if (InQuotes(text, m.Index)) continue;
            var end = ClauseEnd(text, m.Index + m.Length);
            var clause = text[(m.Index + m.Length)..end];
            var chained = m.Value.Contains('\'') || m.Value.Contains('’') || RelationWord().Count(m.Value) > 1 || m.Value.Contains("-in-law", StringComparison.OrdinalIgnoreCase);
            var before = text[Math.Max(0, m.Index - 30)..m.Index];
            var policed = PolicedBefore().IsMatch(before);
            var linked = RelationEvent().IsMatch(clause) || OfficerWordIn(clause);
            var hearsayOnly = Hearsay().IsMatch(clause.Length > 30 ? clause[..30] : clause) && !OfficerWordIn(clause);
            if (!(chained || policed || (linked && !hearsayOnly))) continue;
            // A possession chain ("my nan's house in Nuneaton was burgled") reads as one stretch to the clause's end.
            var stop = chained || linked ? end : m.Index + m.Length;
            flags.Add((ReporterFlagKinds.Relationship, m.Index, Math.Min(stop, m.Index + 90), policed ? "the reporter's relative was the one policed" : "the reporter's relation to someone in the account"));
        }

        foreach (var m in account.MatchesIn(IAmTheirRelation(), firstPerson))
        {
            // "One of the women is my friend": the stretch starts at the clause's subject.
            var start = m.Index;
            if (!m.Value.StartsWith("I", StringComparison.OrdinalIgnoreCase))
                start = ClauseStart(text, m.Index);
            flags.Add((ReporterFlagKinds.Relationship, start, m.Index + m.Length, "the reporter's relation to the subject or the victim"));
        }
        foreach (var m in account.MatchesIn(RelationshipPhrase(), firstPerson))
            flags.Add((ReporterFlagKinds.Relationship, m.Index, ClauseEnd(text, m.Index + m.Length), "a relationship only the reporter has"));
        foreach (var m in account.MatchesIn(WhoIOwe(), firstPerson))
            flags.Add((ReporterFlagKinds.Relationship, m.Index, ClauseEnd(text, m.Index + m.Length), "the reporter's own dealings with someone in the account"));
        foreach (var m in account.MatchesIn(SubjectContactedMe(), firstPerson))
            flags.Add((ReporterFlagKinds.Relationship, m.Index, m.Index + m.Length, "the subject contacted the reporter directly"));

        foreach (var m in account.MatchesIn(ILiveAt(), firstPerson))
        {
            var end = ClauseEnd(text, m.Index + m.Length);
            var clause = text[m.Index..end];
            // "I live round there" says nothing; a street, a place, a house number or "next door" does.
            if (!Specific(entities, m.Index, end, clause)) continue;
            flags.Add((ReporterFlagKinds.Address, m.Index, end, "where the reporter lives"));
        }
        foreach (var m in account.MatchesIn(MyHome(), firstPerson))
        {
            var end = ClauseEnd(text, m.Index + m.Length);
            var clause = text[m.Index..end];
            var value = m.Value.ToLowerInvariant();
            if (value.Contains("shared wall") || value.Contains("front door")) { flags.Add((ReporterFlagKinds.Address, m.Index, m.Index + m.Length, "a detail of the reporter's home")); continue; }
            if (!Specific(entities, m.Index + m.Length, end, clause)) continue;
            flags.Add((ReporterFlagKinds.Address, m.Index, end, "the reporter's home or address"));
        }

        foreach (var m in account.MatchesIn(IAmA(), firstPerson))
        {
            // "I'm a support worker", "I am the Head of Compliance", "I'm a single mum": an occupation or role within
            // the next few words ("I'm a bit scared" has none).
            var end = ClauseEnd(text, m.Index + m.Length);
            string? role = null;
            var seen = 0;
            foreach (var word in AccountText.Tokenise(text[(m.Index + m.Length)..end]))
            {
                if (++seen > 5) break;
                var w = word.Folded;
                if (Lexicon.Occupations.Contains(w) || (w.Length > 4 && (w.EndsWith("er", StringComparison.Ordinal) || w.EndsWith("or", StringComparison.Ordinal)
                    || w.EndsWith("ist", StringComparison.Ordinal) || w.EndsWith("ian", StringComparison.Ordinal)) && !NotRoles.Contains(w)))
                { role = w; break; }
                if (Lexicon.Stop.Contains(w) && w is not ("old" or "new" or "big" or "little")) break;
            }
            if (role is null) continue;
            var personal = PersonalRoles.Contains(role);
            flags.Add((personal ? ReporterFlagKinds.PersonalDetail : ReporterFlagKinds.Job, m.Index, end, personal ? "a personal detail about the reporter" : "the reporter's job"));
        }
        foreach (var m in account.MatchesIn(WorkPhrase(), firstPerson))
            flags.Add((ReporterFlagKinds.Workplace, m.Index, ClauseEnd(text, m.Index + m.Length), "the reporter's work or workplace"));
        foreach (var m in account.MatchesIn(MyWork(), firstPerson))
            flags.Add((ReporterFlagKinds.Workplace, m.Index, m.Index + m.Length, "the reporter's work or workplace"));

        foreach (var m in account.MatchesIn(IWasPoliced(), firstPerson))
            flags.Add((ReporterFlagKinds.OwnIncident, m.Index, ClauseEnd(text, m.Index + m.Length), "the reporter's own incident, which the subject would know"));
        foreach (var m in account.MatchesIn(MyThingPoliced(), firstPerson))
            flags.Add((ReporterFlagKinds.OwnIncident, m.Index, ClauseEnd(text, m.Index + m.Length), "the reporter's own incident, which the subject would know"));
        foreach (var m in account.MatchesIn(IDidSomething(), firstPerson))
        {
            var end = ClauseEnd(text, m.Index + m.Length);
            if (!entities.Any(e => e.Start >= m.Index && e.End <= end && e.Kind is EntityKinds.Date or EntityKinds.OfficerName or EntityKinds.Place)) continue;
            flags.Add((ReporterFlagKinds.OwnIncident, m.Index, end, "the reporter's own dealings, with a date, place or name"));
        }
        foreach (var m in account.MatchesIn(TheyDidToMe(), firstPerson))
        {
            var end = ClauseEnd(text, m.Index + m.Length);
            if (!entities.Any(e => e.Start >= m.Index && e.End <= end && e.Kind is EntityKinds.Date or EntityKinds.Place)) continue;
            flags.Add((ReporterFlagKinds.OwnIncident, m.Index, end, "the reporter's own dated incident with the subject"));
        }

        foreach (var m in account.MatchesIn(MyCar(), firstPerson))
        {
            var end = m.Index + m.Length;
            // "My car is a red Fiat 500, WR69 KTA": take a registration that follows.
            var reg = entities.FirstOrDefault(e => e.Kind == EntityKinds.VehicleReg && e.Start >= end && e.Start - end <= 4);
            if (reg is not null) end = reg.End;
            var value = m.Value.ToLowerInvariant();
            if (value.StartsWith("my ", StringComparison.Ordinal) && !value.Contains(" is ") && !value.Contains(" was ") && !VehicleWords.Vehicle().IsMatch(m.Value)) continue;
            if (value.StartsWith("i ", StringComparison.Ordinal) && !VehicleWords.Vehicle().IsMatch(m.Value)) continue;
            flags.Add((ReporterFlagKinds.Vehicle, m.Index, end, "the reporter's own vehicle"));
        }

        return Build(text, entities, flags);
    }

    private static void ReporterOwnDetails(string text, IReadOnlyList<AccountEntity> entities, ReporterDetails? reporter, List<(string, int, int, string)> flags)
    {
        if (reporter is null) return;
        if (!string.IsNullOrWhiteSpace(reporter.Name))
        {
            var full = reporter.Name.Trim();
            foreach (var (start, length) in FindLoose(text, full)) flags.Add((ReporterFlagKinds.Name, start, start + length, "the reporter's name"));
            var parts = full.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1)
                for (var i = 0; i < parts.Length; i++)
                {
                    if (parts[i].Trim('.').Length < 3) continue;
                    var which = i == parts.Length - 1 ? "surname" : "first name";
                    foreach (var (start, length) in FindWord(text, parts[i])) flags.Add((ReporterFlagKinds.Name, start, start + length, $"the reporter's {which}"));
                }
        }
        if (!string.IsNullOrWhiteSpace(reporter.Phone) && ContactDetailRecogniser.ToE164(reporter.Phone) is { } e164)
        {
            foreach (var e in entities.Where(e => e.Kind == EntityKinds.Phone))
                if (ContactDetailRecogniser.ToE164(e.Text) == e164) flags.Add((ReporterFlagKinds.Contact, e.Start, e.End, "the reporter's phone number"));
            // Digits written with other spacing or punctuation than the recogniser takes: match on the digits alone.
            var national = "0" + e164[3..];
            foreach (var (start, end) in DigitRuns(text, national)) flags.Add((ReporterFlagKinds.Contact, start, end, "the reporter's phone number"));
        }
        if (!string.IsNullOrWhiteSpace(reporter.Email))
        {
            var email = reporter.Email.Trim();
            foreach (var (start, length) in FindLoose(text, email)) flags.Add((ReporterFlagKinds.Contact, start, start + length, "the reporter's email address"));
            var local = email.Split('@')[0];
            if (local.Length >= 4) foreach (var (start, length) in FindWord(text, local)) flags.Add((ReporterFlagKinds.Contact, start, start + length, "the reporter's email name"));
        }
    }

    private static ReporterFlag[] Build(string text, IReadOnlyList<AccountEntity> entities, List<(string Kind, int Start, int End, string Why)> raw)
    {
        // Trim white space and trailing punctuation; drop a flag inside another of the same kind.
        var cleaned = raw.Select(f =>
        {
            var (s, e) = (f.Start, f.End);
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is ',' or '.' or ';' or ':' or '(' or '-')) e--;
            return (f.Kind, Start: s, End: e, f.Why);
        }).Where(f => f.End > f.Start).Distinct().ToList();
        var kept = cleaned.Where(f => !cleaned.Any(o => !o.Equals(f) && o.Kind == f.Kind && o.Start <= f.Start && o.End >= f.End && (o.End - o.Start) > (f.End - f.Start))).ToList();
        return kept.OrderBy(f => f.Start).ThenByDescending(f => f.End)
            .Select(f =>
            {
                var span = text[f.Start..f.End];
                return new ReporterFlag(FlagIdOf(f.Kind, span), f.Kind, span, f.Start, f.End - f.Start, f.Why, ReplacementFor(f.Kind, text, f.Start, f.End, entities));
            }).ToArray();
    }

    /// <summary>A neutral replacement. An own incident keeps its words but loses its date and place; everything else
    /// becomes its kind's neutral phrase.</summary>
    private static string ReplacementFor(string kind, string text, int start, int end, IReadOnlyList<AccountEntity> entities)
    {
        if (kind != ReporterFlagKinds.OwnIncident) return ReporterFlagKinds.NeutralPhrase(kind);
        var inside = entities.Where(e => e.Start >= start && e.End <= end && e.Kind is EntityKinds.Date or EntityKinds.Place or EntityKinds.Station or EntityKinds.Phone or EntityKinds.Email or EntityKinds.VehicleReg).ToList();
        if (inside.Count == 0) return ReporterFlagKinds.NeutralPhrase(kind);
        var sb = new StringBuilder();
        var at = start;
        foreach (var e in inside)
        {
            sb.Append(text, at, e.Start - at);
            sb.Append(e.Kind switch
            {
                EntityKinds.Date => "[a date]",
                EntityKinds.Phone or EntityKinds.Email => ReporterFlagKinds.NeutralPhrase(ReporterFlagKinds.Contact),
                EntityKinds.VehicleReg => "[a vehicle]",
                _ => "[a place]",
            });
            at = e.End;
        }
        sb.Append(text, at, end - at);
        return sb.ToString();
    }

    /// <summary>A copy of <paramref name="text"/> with each flag replaced by its neutral phrase (where flags overlap,
    /// the one that starts first, then the longer, is applied).</summary>
    public static string Redact(string text, IEnumerable<ReporterFlag> flags)
    {
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var f in flags.OrderBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (f.Start < at || f.End > text.Length) continue;
            sb.Append(text, at, f.Start - at);
            sb.Append(f.Replacement);
            at = f.End;
        }
        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    /// <summary>A stable id for a flag: its kind and its wording folded (case, spacing and punctuation ignored; phone
    /// numbers by their digits), so the same detail gets the same id in every copy of the text.</summary>
    public static string FlagIdOf(string kind, string text)
    {
        var folded = Fold(text);
        if (kind == ReporterFlagKinds.Contact && ContactDetailRecogniser.ToE164(text) is { } e164) folded = e164;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "|" + folded));
        return "rf-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>The flags still standing in a sanitised text: what the guard finds in it now, plus any earlier flag
    /// whose wording is still there, less those the analyst resolved (redacted or kept with a reason).</summary>
    public static IReadOnlyList<ReporterFlag> Unresolved(string sanitisedText, IReadOnlySet<string> resolvedFlagIds, ReporterDetails? reporter = null, IEnumerable<ReporterFlag>? earlierFlags = null)
    {
        var now = Find(sanitisedText, reporter).ToList();
        if (earlierFlags is not null)
        {
            var ids = now.Select(f => f.FlagId).ToHashSet(StringComparer.Ordinal);
            foreach (var earlier in earlierFlags)
            {
                if (ids.Contains(earlier.FlagId)) continue;
                var at = sanitisedText.IndexOf(earlier.Text, StringComparison.OrdinalIgnoreCase);
                if (at < 0) continue;
                now.Add(earlier with { Start = at, Text = sanitisedText.Substring(at, earlier.Length) });
                ids.Add(earlier.FlagId);
            }
        }
        return now.Where(f => !resolvedFlagIds.Contains(f.FlagId)).OrderBy(f => f.Start).ToList();
    }
}
