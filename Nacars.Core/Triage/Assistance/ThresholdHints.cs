using System.Text.RegularExpressions;

namespace Nacars.Core.Triage.Assistance;

/// <summary>A prompt for the analyst about one threshold check or urgency. Never ticks or unticks anything.</summary>
public sealed record AssistHint(string Check, string Message, string Why);

/// <summary>The checks a hint can be about (the threshold checklist's words, plus urgency).</summary>
public static class HintChecks
{
    public const string Corroborable = "corroborable";
    public const string AboutPolice = "about-police";
    public const string NotPersonalComplaint = "not-personal-complaint";
    public const string Urgent = "urgent";
}

/// <summary>
/// At most one hint per threshold check, raised when the account looks like it may fail it, and one when it looks
/// urgent. Each says what was (or was not) found.
/// </summary>
public static partial class ThresholdHints
{
    [GeneratedRegex(@"\b(?:prison(?:\s+officers?)?|screws?|border\s+force|security\s+guards?|(?:parking|traffic)\s+wardens?|wardens?|enforcement\s+officers?|civil\s+enforcement|housing\s+officers?|cctv\s+operators?|council\s+(?:staff|workers?|officers?)|bailiffs?|immigration\s+officers?|customs\s+officers?|probation\s+officers?|bouncers?|door\s+staff|ticket\s+inspectors?|store\s+detectives?)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NonPoliceRole();

    [GeneratedRegex(@"\b(?:police\s+(?:officer|constable|sergeant|man|woman|staff)|policem[ae]n|policewom[ae]n|pcso|pc|ps|dc|ds|di|dci|sgt|sergeant|sargent|constable|inspector|detective|copper|coppers|cop|cops|polis|peeler|peelers|plod|feds|bizzy|busy|officer\s+in\s+the\s+case|custody\s+sergeant|special\s+constable|heddwas)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PoliceRole();

    [GeneratedRegex(@"\b(?:police|officers?|the\s+met|constabulary|force)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PoliceAtAll();

    // The reporter's own case: a ticket, a caution, an arrest or an investigation they want undone or complain about.
    [GeneratedRegex(@"\b(?:i\s+want\s+(?:the|my|this|it|a)\s+(?:[\w-]+\s+){0,3}?(?:cancelled|dropped|removed|taken\s+off|back|closed|overturned|quashed|looked\s+at\s+again|refunded|deleted|wiped)|i\s+want\s+(?:to\s+)?(?:make\s+)?a\s+(?:formal\s+)?complaint|i\s+want\s+to\s+(?:complain|appeal)|how\s+(?:can|do)\s+i\s+appeal|i\s+am\s+writing\s+to\s+complain|i\s+(?:wish|would\s+like)\s+to\s+(?:complain|appeal)|complain\s+about\s+how\s+i|how\s+i\s+(?:have\s+been|was)\s+treated|i\s+was\s+(?:arrested|charged|cautioned|fined|interviewed|stopped|ticketed|released\s+under\s+investigation)|i(?:'ve|\s+have)\s+been\s+(?:charged|told\s+i'?m\s+being\s+charged|fined|arrested)|i\s+got\s+a\s+(?:speeding\s+)?(?:ticket|fine|caution|penalty)|i\s+accepted\s+a\s+caution|my\s+(?:case|charge|caution|conviction|ticket|fine|points|licence|record|appeal)\b|(?:a\s+)?different\s+officer\s+to\s+look\s+at\s+my|nobody\s+(?:from\s+the\s+police\s+)?has\s+(?:contacted|told)\s+me|i'?m\s+not\s+paying|lack\s+of\s+service|i\s+did\s+not\s+do|i\s+was\s+not\s+speeding|i\s+have\s+done\s+nothing\s+wrong)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OwnCase();

    // Someone else's harm or a wider wrong: a report about an officer's conduct towards others is not a personal complaint.
    [GeneratedRegex(@"\b(?:taking\s+(?:money|cash|bribes)|backhanders?|on\s+the\s+take|bribe|selling|dealing|drugs?|cocaine|coke|abus\w*|assault\w*|racis\w*|sexual|messag\w+\s+(?:her|women|victims)|misus\w+|looked?\s+(?:me|her|him|them)\s+up|police\s+(?:computer|systems?|databases?)|pnc|stolen|tip(?:ped)?\s+off|heads\s+up)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Wrongdoing();

    [GeneratedRegex(@"\b(?:urgent|urgently|asap|emergency|right\s+now|happening\s+now|(?:is|are)\s+(?:there|with\s+(?:her|him|them))\s+now|tonight|tonite|2nite|2night|this\s+evening|minutes\s+ago|an\s+hour\s+ago|half\s+an\s+hour\s+ago|just\s+now|as\s+we\s+speak|straight\s+away|send\s+someone|immediately|(?:tomorrow|2moro|2morrow)\s+morning)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Immediate();

    [GeneratedRegex(@"\b(?:vulnerable|child|girl\s+who\s+can'?t\s+be\s+older|under\s*age|\d{1,2}[- ]year[- ]old|1[0-7]\s+or\s+1[0-8]|kill|finish\s+this|hands\s+round\s+my\s+throat|strangl\w+|screaming|smash\w*|threat\w*|scared\s+for|in\s+danger|weapon|knife|gun|raid|warrant|search|it'?s\s+blown|compromis\w+|get\s+(?:it|everything)\s+(?:shifted|out)|coming\s+(?:round|for)|drunk|on\s+her\s+own|in\s+the\s+front\s+seat)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Harm();

    [GeneratedRegex(@"\b(?:every(?:one|body)\s+knows|heard\s+(?:off|from)\s+someone|apparently|rumou?r|don'?t\s+know\s+(?:who|which|his\s+name|her\s+name)|dunno\s+(?:his|her)\s+name|all\s+(?:bent|corrupt|the\s+same)|every\s+single\s+one|all\s+of\s+them|they\s+all\s+do\s+it|r\s+all\s+bent|wake\s+up)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Vague();

    internal static IReadOnlyList<AssistHint> For(AccountText account, PoliceContext context, IReadOnlyList<AccountEntity> entities)
    {
        var text = account.Text;
        var hints = new List<AssistHint>(4);
        bool Has(params string[] kinds) => entities.Any(e => kinds.Contains(e.Kind));

        // Corroborable: who (an identifiable officer), where, when.
        var who = Has(EntityKinds.OfficerName, EntityKinds.OfficerNumber, EntityKinds.Station, EntityKinds.VehicleReg, EntityKinds.Handle);
        var where = Has(EntityKinds.Place, EntityKinds.Station);
        var when = Has(EntityKinds.Date);
        var vague = Vague().Matches(text).Count;
        var missing = new List<string>();
        if (!who) missing.Add("who (no officer's name, number, station, vehicle or handle)");
        if (!where) missing.Add("where (no place or station)");
        if (!when) missing.Add("when (no date or time)");
        if (!who || (!where && !when) || (vague >= 2 && missing.Count >= 1))
        {
            var message = !where && !when ? "No when or where found: check there is enough to corroborate."
                : !who ? "No identifiable officer found: check there is enough to corroborate."
                : "Mostly general or second-hand: check there is enough to corroborate.";
            hints.Add(new AssistHint(HintChecks.Corroborable, message,
                $"missing {string.Join("; ", missing)}{(vague > 0 ? $"; {vague} vague or general phrase(s)" : "")}"));
        }

        // About police: a police role, or someone else's uniform instead.
        var policeRoles = PoliceRole().Matches(text).Count;
        var others = NonPoliceRole().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        var hasOfficer = Has(EntityKinds.OfficerName, EntityKinds.OfficerNumber);
        if (others.Count > 0 && (policeRoles == 0 || (!hasOfficer && policeRoles <= 1)))
            hints.Add(new AssistHint(HintChecks.AboutPolice, $"Looks like it is about a {others[0]}, not police: check who the subject is.",
                $"non-police role(s): {string.Join(", ", others)}; police role words: {policeRoles}"));
        else if (policeRoles == 0 && !hasOfficer)
            hints.Add(new AssistHint(HintChecks.AboutPolice, "No police role found: check the subject is police (officer, staff or volunteer).",
                PoliceAtAll().IsMatch(text) ? "the police are mentioned, but no officer, rank or police role" : "no mention of police at all"));

        // Not a personal complaint: the reporter's own ticket, arrest, caution or case.
        var own = account.MatchesIn(OwnCase(), account.Stretches(w => w is "i" or "my" or "im" or "ive" or "nobody" or "different" or "lack"))
            .Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        var wrongdoing = Wrongdoing().Matches(text).Count;
        if (own.Count >= 2 || (own.Count == 1 && wrongdoing == 0))
            hints.Add(new AssistHint(HintChecks.NotPersonalComplaint, "First-person complaint about the reporter's own case: consider signposting to the force's complaints process.",
                $"own-case phrases: {string.Join("; ", own.Select(o => $"'{o}'"))}{(wrongdoing == 0 ? "; no wrongdoing towards others described" : "")}"));

        // Urgency: something happening now or tonight, with harm or a compromised operation.
        var immediate = Immediate().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        var harm = Harm().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        if (immediate.Count > 0 && (harm.Count > 0 || immediate.Contains("urgent") || immediate.Count >= 2))
            hints.Add(new AssistHint(HintChecks.Urgent, "May need immediate police attention: consider flagging urgent and the fast-time call.",
                $"time: {string.Join(", ", immediate.Select(i => $"'{i}'"))}{(harm.Count > 0 ? $"; risk: {string.Join(", ", harm.Take(4).Select(h => $"'{h}'"))}" : "")}"));
        return hints;
    }
}
