using System.Text.RegularExpressions;
using Nacars.Core.Contacts;

namespace Nacars.Core.Assistance;

/// <summary>
/// At most one hint per threshold check, raised when the account looks like it may fail it, and one when it looks
/// urgent. Each says what was (or was not) found.
/// </summary>
public static partial class ThresholdHints
{
    // The reporter's own case: a ticket, a caution, an arrest or an investigation they want undone or complain about.
    [GeneratedRegex(@"\b(?:i\s+want\s+(?:the|my|this|it|a)\s+(?:[\w-]+\s+){0,3}?(?:cancelled|dropped|removed|taken\s+off|back|closed|overturned|quashed|looked\s+at\s+again|refunded|deleted|wiped)|i\s+want\s+(?:to\s+)?(?:make\s+)?a\s+(?:formal\s+)?complaint|i\s+want\s+to\s+(?:complain|appeal)|how\s+(?:can|do)\s+i\s+appeal|i\s+am\s+writing\s+to\s+complain|i\s+(?:wish|would\s+like)\s+to\s+(?:complain|appeal)|complain\s+about\s+how\s+i|how\s+i\s+(?:have\s+been|was)\s+treated|i\s+was\s+(?:arrested|charged|cautioned|fined|interviewed|stopped|ticketed|released\s+under\s+investigation)|i(?:'ve|\s+have)\s+been\s+(?:charged|told\s+i'?m\s+being\s+charged|fined|arrested)|i\s+got\s+a\s+(?:speeding\s+)?(?:ticket|fine|caution|penalty)|i\s+accepted\s+a\s+caution|my\s+(?:case|charge|caution|conviction|ticket|fine|points|licence|record|appeal)\b|(?:a\s+)?different\s+officer\s+to\s+look\s+at\s+my|nobody\s+(?:from\s+the\s+police\s+)?has\s+(?:contacted|told)\s+me|i'?m\s+not\s+paying|lack\s+of\s+service|i\s+did\s+not\s+do|i\s+was\s+not\s+speeding|i\s+have\s+done\s+nothing\s+wrong)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex OwnCase();

    // Someone else's harm or a wider wrong: a report about an officer's conduct towards others is not a personal complaint.
    private static readonly PhraseSet NonPoliceRoles = new(
        "prison", "prison officer", "prison officers", "screw", "screws", "border force", "security guard", "security guards", "parking warden",
        "parking wardens", "traffic warden", "traffic wardens", "warden", "wardens", "enforcement officer", "enforcement officers", "civil enforcement",
        "housing officer", "housing officers", "cctv operator", "cctv operators", "council staff", "council worker", "council workers",
        "council officer", "council officers", "bailiff", "bailiffs", "immigration officer", "immigration officers", "customs officer",
        "customs officers", "probation officer", "probation officers", "bouncer", "bouncers", "door staff", "ticket inspector", "ticket inspectors",
        "store detective", "store detectives");

    private static readonly PhraseSet PoliceRoles = new(
        "police officer", "police constable", "police sergeant", "police man", "police woman", "police staff", "policeman", "policemen",
        "policewoman", "policewomen", "pcso", "pc", "ps", "dc", "ds", "di", "dci", "sgt", "sergeant", "sargent", "constable", "inspector",
        "detective", "copper", "coppers", "cop", "cops", "polis", "peeler", "peelers", "plod", "feds", "bizzy", "busy", "officer in the case",
        "custody sergeant", "special constable", "heddwas");

    private static readonly PhraseSet PoliceAtAll = new("police", "officer", "officers", "the met", "constabulary", "force");

    private static readonly PhraseSet Wrongdoing = new(
        "taking money", "taking cash", "taking bribes", "backhander", "backhanders", "on the take", "bribe*", "selling", "dealing", "drug*",
        "cocaine", "coke", "abus*", "assault*", "racis*", "sexual", "messaging her", "messaging women", "messaging victims", "messaged her",
        "misus*", "looked me up", "looked her up", "looked him up", "looked them up", "looking women up", "police computer", "police system",
        "police systems", "police database", "police databases", "pnc", "stolen", "tip off", "tipped off", "heads up");

    private static readonly PhraseSet Immediate = new(
        "urgent", "urgently", "asap", "emergency", "right now", "happening now", "is there now", "are there now", "is with her now",
        "is with him now", "are with them now", "tonight", "tonite", "2nite", "2night", "this evening", "minutes ago", "an hour ago",
        "half an hour ago", "just now", "as we speak", "straight away", "send someone", "immediately", "tomorrow morning", "2moro morning",
        "2morrow morning", "now", "rn", "later today", "this afternoon", "before the morning", "by the morning");

    private static readonly PhraseSet Harm = new(
        "vulnerable", "child", "girl who cant be older", "underage", "under age", "year old", "kill*", "finish this", "hands round my throat",
        "strangl*", "screaming", "smash*", "threat*", "scared for", "in danger", "weapon", "knife", "gun", "raid", "warrant", "search",
        "its blown", "compromis*", "get it shifted", "get everything out", "get it out", "coming round", "coming for", "drunk", "on her own",
        "in the front seat", "hurt someone", "hurt her", "hurt him", "hurt me", "hurt them", "sort out", "sort him out", "sort her out",
        "sorted out", "teach him a lesson", "teach them a lesson", "hiding", "kicking", "batter*", "beat him", "beat her", "beat up", "do him in",
        "prisoner", "prisoners", "in the cells", "in custody", "custody", "detainee", "armed", "firearm", "machete", "blade", "suicid*",
        "overdose", "self harm", "self-harm", "dementia", "disabled", "elderly", "pregnant", "baby", "missing", "alone with", "locked in",
        "picking her up", "picking him up", "meet her", "meet him", "meeting her", "meeting him", "pick her up", "pick him up");

    private static readonly PhraseSet Vague = new(
        "everyone knows", "everybody knows", "heard off someone", "heard from someone", "apparently", "rumour", "rumor", "dont know who",
        "dont know which", "dont know his name", "dont know her name", "dunno his name", "dunno her name", "dunno names", "all bent",
        "all corrupt", "all the same", "every single one", "all of them", "they all do it", "r all bent", "wake up");

    internal static IReadOnlyList<AssistHint> For(AccountText account, PoliceContext context, IReadOnlyList<AccountEntity> entities, SubjectDetails? subject = null)
    {
        var hints = new List<AssistHint>(4);
        // The contact's subject fields ("Sergeant", "Mark", "Birmingham") count as if the account had said them.
        var given = subject is null || subject.IsEmpty ? null : new AccountText(string.Join(" ", new[] { subject.Role, subject.Name, subject.Number, subject.Workplace }.Where(v => !string.IsNullOrWhiteSpace(v))));
        bool Has(params string[] kinds) => entities.Any(e => kinds.Contains(e.Kind));

        // About police: a police role, or someone else's uniform instead.
        var policeRoles = PoliceRoles.Find(account).Count + (given is null ? 0 : PoliceRoles.Find(given).Count);
        var others = NonPoliceRoles.Find(account);
        var hasOfficer = Has(EntityKinds.OfficerName, EntityKinds.OfficerNumber) || !string.IsNullOrWhiteSpace(subject?.Name) || !string.IsNullOrWhiteSpace(subject?.Number);
        if (others.Count > 0 && (policeRoles == 0 || (!hasOfficer && policeRoles <= 1)))
            hints.Add(new AssistHint(HintChecks.AboutPolice, $"Looks like it is about a {others[0]}, not police: check who the subject is.",
                $"non-police role(s): {string.Join(", ", others)}; police role words: {policeRoles}"));
        else if (policeRoles == 0 && !hasOfficer)
            hints.Add(new AssistHint(HintChecks.AboutPolice, "No police role found: check the subject is police (officer, staff or volunteer).",
                PoliceAtAll.Any(account) ? "the police are mentioned, but no officer, rank or police role" : "no mention of police at all"));

        // Corroborable: who (an identifiable officer), where, when.
        var who = hasOfficer || Has(EntityKinds.Station, EntityKinds.VehicleReg, EntityKinds.Handle) || !string.IsNullOrWhiteSpace(subject?.Workplace);
        var where = Has(EntityKinds.Place, EntityKinds.Station) || !string.IsNullOrWhiteSpace(subject?.Workplace);
        var when = Has(EntityKinds.Date);
        var vague = Vague.Find(account).Count;
        var missing = new List<string>();
        if (!who) missing.Add("who (no officer's name, number, station, vehicle or handle)");
        if (!where) missing.Add("where (no place or station)");
        if (!when) missing.Add("when (no date or time)");
        // An account about a prison officer or a warden gets the about-police hint; "no officer" says nothing more there.
        var whoCounts = !who && others.Count == 0;
        if (whoCounts || (!where && !when) || (vague >= 2 && missing.Count >= 1))
        {
            var message = !where && !when ? "No when or where found: check there is enough to corroborate."
                : whoCounts ? "No identifiable officer found: check there is enough to corroborate."
                : "Mostly general or second-hand: check there is enough to corroborate.";
            hints.Add(new AssistHint(HintChecks.Corroborable, message,
                $"missing {string.Join("; ", missing)}{(vague > 0 ? $"; {vague} vague or general phrase(s)" : "")}"));
        }

        // Not a personal complaint: the reporter's own ticket, arrest, caution or case.
        var own = account.MatchesIn(OwnCase(), account.Stretches(w => w is "i" or "my" or "im" or "ive" or "nobody" or "different" or "lack"))
            .Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        var wrongdoing = Wrongdoing.Find(account).Count;
        if (own.Count >= 2 || (own.Count == 1 && wrongdoing == 0))
            hints.Add(new AssistHint(HintChecks.NotPersonalComplaint, "First-person complaint about the reporter's own case: consider signposting to the force's complaints process.",
                $"own-case phrases: {string.Join("; ", own.Select(o => $"'{o}'"))}{(wrongdoing == 0 ? "; no wrongdoing towards others described" : "")}"));

        // Urgency: something happening now or tonight, with harm or a compromised operation.
        var immediate = Immediate.Find(account);
        var harm = Harm.Find(account);
        // "now" alone is everywhere ("now he messages her"): it counts beside a risk, not on its own.
        var soon = immediate.Where(i => i != "now").ToList();
        if ((soon.Count > 0 && (harm.Count > 0 || soon.Contains("urgent") || soon.Count >= 2)) || (immediate.Contains("now") && harm.Count >= 2))
            hints.Add(new AssistHint(HintChecks.Urgent, "May need immediate police attention: consider flagging urgent and the fast-time call.",
                $"time: {string.Join(", ", immediate.Select(i => $"'{i}'"))}{(harm.Count > 0 ? $"; risk: {string.Join(", ", harm.Take(4).Select(h => $"'{h}'"))}" : "")}"));
        return hints;
    }
}
