using System.Text.RegularExpressions;

namespace Nacars.Core.Assistance;

/// <summary>The words and phrases the sanitisation guard reads as a reporter speaking about themselves: first-person
/// relationships, homes, work, their own dealings with the police, their car, how to contact them; and the words that
/// say a phrase is about someone else. Tuned on the tuning part of the assistance corpus only (issue 27).</summary>
internal static partial class ReporterPhrases
{
    internal const string Relation = @"(?:partner|ex|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|husband|wife|boyfriend|girlfriend|fianc[eé]e?|neighbour|neighbours|sister|sisters|brother|brothers|mum|mom|mother|dad|father|son|daughter|cousin|nan|nana|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|uncle|aunt|auntie|niece|nephew|step-?dad|step-?mum|step-?son|step-?daughter|landlord|landlady|lodger|flatmate|housemate|colleague|boss|line\s+manager|manager|friend|mate|pal|missus|fella|kids?|child|children|baby|family|lad|boy|girl|wee\s+one|(?:brother|sister|son|daughter|mother|father)-in-law|in-laws)";

    [GeneratedRegex(@"\bmy\s+(?:[\w-]+\s+){0,2}?(?:\d{1,2}[- ]year[- ]old\s+)?" + Relation + @"(?:'s|s'|’s)?(?:\s+" + Relation + @")?\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex MyRelation();

    [GeneratedRegex(@"\b(?:I'?m|I\s+am|I\s+was)\s+(?:his|her|their|the\s+officer'?s)\s+(?:[\w-]+\s+)?" + Relation + @"\b|\b(?:is|was|are|were|'s)\s+my\s+(?:[\w-]+\s+)?" + Relation + @"\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex IAmTheirRelation();

    [GeneratedRegex(@"\bI(?:'m|\s+am|\s+was)\s+married\s+to\b|\bI(?:'m|\s+am)\s+(?:lodging|living|staying|renting\s+a\s+room)\s+with\b|\bI\s+(?:went|go|used\s+to\s+go)\s+to\s+school\s+with\b|\bI(?:'m|\s+am)\s+on\s+the\s+same\s+(?:team|shift|relief|unit|watch|course|section)\b|\bI(?:'m|\s+am)\s+the\s+only\s+(?:one|person|woman|man|girl|lad)\b|\bI\s+used\s+to\s+(?:go\s+out\s+with|date|be\s+with|live\s+with|work\s+with|be\s+married\s+to|see)\b|\bwe\s+(?:were|used\s+to\s+be)\s+(?:together|married|engaged|neighbours|partners|an\s+item)\b|\bI\s+(?:matched|hooked\s+up|went\s+on\s+a\s+date|slept)\s+with\b|\bI\s+met\s+(?:him|her)\s+on\b|\b(?:a\s+)?mutual\s+friend\b|\bI\s+was\s+(?:added|invited)\s+(?:to|by|into)?\b|\bI(?:'m|\s+am)\s+(?:his|her)\s+(?:neighbour|lodger|tenant|landlord|landlady)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex RelationshipPhrase();

    [GeneratedRegex(@"\b(?:\w+\s+){0,2}?(?:who|whom|that)\s+I\s+(?:owe|lent|borrowed\s+from|rent\s+from|live\s+with|work\s+with|used\s+to\s+\w+)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex WhoIOwe();

    [GeneratedRegex(@"\b(?:he|she)\s+(?:has\s+|had\s+|then\s+|also\s+)?(?:sent|texted|messaged|rang|phoned|emailed|dm'?d|added|followed|blocked)\s+me\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex SubjectContactedMe();

    [GeneratedRegex(@"\b(?:I|we)(?:'ve|\s+have)?\s+(?:live|lived|living|stay|staying|reside|moved)\s+(?:in|on|at|next\s+door|opposite|across|above|below|just\s+off|off|round\s+the\s+corner|near|by|two\s+doors|a\s+few\s+doors|over\s+the\s+road|up\s+the\s+road|down\s+the\s+road)\b|\bI(?:'m|\s+am)\s+(?:at\s+)?(?:number|no\.?|flat)\s+\d+\w?\b|\bI(?:'m|\s+am)\s+(?:next\s+door|opposite|across\s+the\s+road|upstairs|downstairs)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex ILiveAt();

    [GeneratedRegex(@"\b(?:my|our)\s+(?:old\s+|new\s+|home\s+|current\s+|previous\s+|own\s+|last\s+)?(?:address|house|flat|home|street|building|front\s+door|shared\s+wall|garden|road|close|block)\b|\bat\s+home\s+(?:on|in|at)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex MyHome();

    [GeneratedRegex(@"\bI(?:'m|\s+am|\s+was|\s+used\s+to\s+be)\s+(?:a|an|the)\s+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex IAmA();

    [GeneratedRegex(@"\bI\s+(?:work|worked|'ve\s+worked|have\s+worked|am\s+working|'m\s+working|volunteer|volunteered)\s+(?:as|at|in|for|behind|on|with|there|here|alongside|nights|days|shifts)\b|\bI\s+(?:run|own|manage|co-own)\s+(?:a|an|the|my)\b|\bI\s+(?:drive|deliver|clean|cook|drove|delivered)\s+(?:a\s+\w+\s+)?for\b|\b(?:dwi'?n|rwy'?n|rydw\s+i'?n|dw\s+i'?n)\s+gweithio\b|\b(?:there\s+(?:are|were)\s+)?only\s+(?:two|three|four|five|six|a\s+few|a\s+handful)\s+of\s+us\b|\bI(?:'ve|\s+have)\s+(?:since\s+)?been\s+(?:taken\s+off|moved\s+to|moved\s+off|put\s+on|suspended|disciplined|transferred|given\s+a\s+warning)\b|\b(?:when|after)\s+I\s+(?:queried|raised|reported|challenged|questioned|flagged|mentioned)\b|\bI\s+(?:queried|raised|challenged|flagged|mentioned)\s+(?:it|this|that|all\s+this|the\s+matter|concerns?)\b|\bI\s+remember\s+\w+ing\s+(?:it\s+)?myself\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex WorkPhrase();

    [GeneratedRegex(@"\bmy\s+(?:shop|cab|taxi|salon|business|pub|bar|cafe|caf[eé]|restaurant|takeaway|office|workplace|employer|firm|company|store|stall|booking\s+app|line\s+manager|boss|shift|rota|team|colleagues|staff|customers|clients|patients|pupils|students|job|work|cctv|doorbell|dashcam|camera)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex MyWork();

    [GeneratedRegex(@"\b(?:I|we)\s+(?:was|were|got|have\s+been|'ve\s+been|had\s+been)\s+(?:arrested|stopped|pulled\s+over|fined|cautioned|charged|searched|interviewed|assaulted|attacked|robbed|burgled|threatened|breathalysed|ticketed|released|detained|questioned|given\s+an?\s+\w+|issued\s+(?:with\s+)?an?\s+\w+|done\s+for|banned|summonsed|nicked|lifted)\b|\bI\s+(?:got|received|had)\s+an?\s+(?:[\w-]+\s+){0,2}(?:ticket|fine|caution|letter|summons|penalty|notice|fpn|warning|points)\b|\bI\s+accepted\s+an?\s+(?:caution|fine|penalty)\b|\bI\s+(?:reported|gave\s+(?:a|my)\s+statement|gave\s+evidence|made\s+a\s+statement|called\s+(?:999|101|the\s+police)|rang\s+(?:999|101|the\s+police)|was\s+a\s+witness|witnessed\s+a)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex IWasPoliced();

    [GeneratedRegex(@"\bI\s+(?:bought|sold|paid|hired|rented|lent|borrowed|met|visited)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex IDidSomething();

    [GeneratedRegex(@"\bmy\s+(?:[\w'-]+\s+){0,3}?(?:was|got|were|has\s+been|had\s+been)\s+(?:stolen|burgled|seized|broken\s+into|damaged|vandalised|taken|confiscated|searched|towed|clamped|impounded|smashed|raided)\b|\b(?:gave|handed|issued)\s+me\s+an?\s+(?:ticket|fine|caution|penalty|warning|fpn)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex MyThingPoliced();

    [GeneratedRegex(@"\b(?:he|she|they|the\s+officer|officers|police|the\s+police|a\s+copper|a\s+pc)\s+(?:\w+\s+)?(?:pulled|stopped|arrested|searched|fined|cautioned|ticketed|breathalysed|followed|assaulted|hit|pushed|grabbed|threatened|visited|questioned|interviewed|called|rang|texted|messaged|contacted|approached|booked)\s+(?:me|us|my\s+\w+)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex TheyDidToMe();

    internal const string Colour = @"(?:black|white|silver|grey|gray|red|blue|green|yellow|orange|purple|brown|gold|maroon|navy|dark\s+\w+|light\s+\w+|bright\s+\w+)";

    [GeneratedRegex(@"\bwhat\s+(?:car|van|vehicle)\s+I\s+(?:drive|have|own)\b|\bI\s+(?:drive|own)\s+an?\s+(?:" + Colour + @"\s+)?[\w-]+(?:\s+[\w-]+)?\b|\bmy\s+(?:own\s+)?(?:car|van|motor|vehicle|motorbike|bike|scooter|e-bike)\s+(?:is|was)\s+an?\s+[^.;!?\n]{2,40}|\bmy\s+(?:own\s+)?" + Colour + @"\s+[\w-]+(?:\s+[\w-]+)?\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex MyCar();

    [GeneratedRegex(@"\b[Mm]y\s+name\s+is\s+(?<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})|\b(?:this\s+is|I'?m|I\s+am)\s+(?<n>[A-Z][a-z]+\s+[A-Z][\w'’-]+)(?=\s*(?:[,.;]|and\b|from\b|speaking\b|$))")]
    internal static partial Regex SelfIntroduction();

    [GeneratedRegex(@"(?:\b(?:ring|call|text|phone|contact(?:ed)?|reach(?:ed)?|get\s+hold\s+of|whatsapp|email|e-mail|message)\s+me\b|\bmy\s+(?:mobile|number|phone|email|e-mail|direct\s+line|landline|contact\s+number|details|work\s+number|home\s+number)\b|\bI\s+can\s+be\s+(?:contacted|reached|emailed|called|rung)\b|\bme\s+on\b|\bme\s+at\b)[^.!?\n]{0,30}$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex ContactCueBefore();

    [GeneratedRegex(@"\b(?:his|her|their|him|from|officer'?s|he|she)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex SomeoneElse();

    [GeneratedRegex(@"\b(?:is\s+\d{1,2}|aged\s+\d{1,2}|him|arrested|burgled|reported|seized|stolen|stopped|pulled|married|is\s+an?|was\s+an?|works?|lives?|living|has\s+been\s+with|been\s+with|with\s+an?\s+(?:police|officer|copper|pc)|neighbour|flat|house|address|home|got|fled|moved|lifted|assault\w*|hit|attacked)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex RelationEvent();

    [GeneratedRegex(@"\b(?:stopped|arrested|searched|attacked|hit|pulled\s+over|grabbed|pushed|assaulted|threatened|followed|messaged|texted|sold|gave|handed|fined|ticketed|cautioned|charged|took|seized|helped|visited|interviewed|questioned|photos\s+of\s+himself\s+to|messages?\s+to)(?:\s+\w+)?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex PolicedBefore();

    [GeneratedRegex(@"\b(?:says|said|told\s+me|tells\s+me|reckons|thinks|heard|knows|showed\s+me|drinks|works\s+with|and\s+I)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex Hearsay();

    [GeneratedRegex(Relation, RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex RelationWord();

    [GeneratedRegex(@"\b(?:number|no\.?|flat|house)\s+\d+|\bnext\s+door\b|\bopposite\b|\bacross\s+the\s+road\b|\bdoors?\s+(?:down|up|from)\b|\b(?:above|below|upstairs|downstairs)\b|\b[A-Z][a-z]+\s+(?:Road|Street|Lane|Avenue|Drive|Close|Way|Court|House)\b", RegexOptions.NonBacktracking)]
    internal static partial Regex SpecificAddress();

    /// <summary>Words ending like a role noun that are not one ("I'm a bit over it", "I'm the other one").</summary>
    internal static readonly HashSet<string> NotRoles = new(StringComparer.Ordinal)
    {
        "other", "never", "over", "under", "after", "better", "rather", "either", "neither", "together", "whatever", "however", "sister",
        "brother", "mother", "father", "daughter", "partner", "number", "member", "another", "proper", "clever", "major", "minor", "sober",
        "bitter", "super", "poor", "door", "floor", "fewer", "older", "younger", "bigger", "smaller", "regular", "similar", "popular", "particular",
    };

    internal static readonly HashSet<string> FirstPersonWords = new(StringComparer.Ordinal)
    {
        "i", "im", "ive", "id", "ill", "me", "my", "mine", "myself", "we", "were", "weve", "our", "ours", "us", "ourselves", "dwin", "dwi", "rwyn",
        "rydw", "dw", "ma", "masel", "mah", "ah",
    };

    internal static readonly HashSet<string> PersonalRoles = new(StringComparer.Ordinal)
    {
        "mum", "mother", "dad", "father", "parent", "pensioner", "widow", "widower", "grandmother", "grandfather", "nan", "grandad", "carer",
        "student", "lodger", "tenant", "neighbour",
    };
}
