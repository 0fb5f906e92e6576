using System.Security.Cryptography;
using System.Text;
using Nacars.Core.Contacts;

namespace Nacars.Core.Assistance;

/// <summary>
/// The sanitisation guard: finds what could identify the reporter (their own name, phone, email and address in any
/// spelling; first-person relationships, addresses, jobs and workplaces; their own dated incidents; their car),
/// proposes a neutral redaction, and re-checks a sanitised text against the decisions already made.
/// </summary>
public static partial class SanitisationGuard
{
    /// <summary>The flags for an account, given the reporter's own details when they left any.</summary>
    public static IReadOnlyList<ReporterFlag> Find(string text, ReporterDetails? reporter = null)
    {
        var run = AccountAnalyser.Run(text, reporter);
        return Find(run.Account, run.Entities, reporter);
    }

    /// <param name="learned">False for the rules alone: what the learned check is trained beside.</param>
    internal static IReadOnlyList<ReporterFlag> Find(AccountText account, IReadOnlyList<AccountEntity> entities, ReporterDetails? reporter, bool learned = true)
    {
        var text = account.Text;
        var flags = new List<(string Kind, int Start, int End, string Why)>();
        // Every phrase below has a first-person word in it ("I", "me", "my", "we", "our"): only those sentences are read.
        var firstPerson = account.Stretches(ReporterPhrases.FirstPersonWords.Contains);

        ReporterOwnDetails(text, entities, reporter, flags);

        foreach (var m in account.MatchesIn(ReporterPhrases.SelfIntroduction(), firstPerson))
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
            var cue = ReporterPhrases.ContactCueBefore().Match(before);
            if (!cue.Success) continue;
            var between = before[(cue.Index + cue.Length - Math.Min(cue.Length, 30))..];
            if (ReporterPhrases.SomeoneElse().IsMatch(before[cue.Index..]) && !cue.Value.StartsWith("my", StringComparison.OrdinalIgnoreCase) && !cue.Value.Contains(" me", StringComparison.OrdinalIgnoreCase) && between.Length > 0) continue;
            flags.Add((ReporterFlagKinds.Contact, e.Start, e.End, $"the reporter's own {(e.Kind == EntityKinds.Phone ? "phone number" : "email address")} ('{AccountText.OneSpaced(cue.Value.Trim())}')"));
        }

        foreach (var m in account.MatchesIn(ReporterPhrases.MyRelation(), firstPerson))
        {
            if (InQuotes(text, m.Index)) continue;
            var end = ClauseEnd(text, m.Index + m.Length);
            var clause = text[(m.Index + m.Length)..end];
            var chained = m.Value.Contains('\'') || m.Value.Contains('’') || ReporterPhrases.RelationWord().Count(m.Value) > 1 || m.Value.Contains("-in-law", StringComparison.OrdinalIgnoreCase);
            var before = text[Math.Max(0, m.Index - 30)..m.Index];
            var policed = ReporterPhrases.PolicedBefore().IsMatch(before);
            var linked = ReporterPhrases.RelationEvent().IsMatch(clause) || OfficerWordIn(clause);
            var hearsayOnly = ReporterPhrases.Hearsay().IsMatch(clause.Length > 30 ? clause[..30] : clause) && !OfficerWordIn(clause);
            if (!(chained || policed || (linked && !hearsayOnly))) continue;
            // A possession chain ("my nan's house in Nuneaton was burgled") reads as one stretch to the clause's end.
            var stop = chained || linked ? end : m.Index + m.Length;
            flags.Add((ReporterFlagKinds.Relationship, m.Index, Math.Min(stop, m.Index + 90), policed ? "the reporter's relative was the one policed" : "the reporter's relation to someone in the account"));
        }

        foreach (var m in account.MatchesIn(ReporterPhrases.IAmTheirRelation(), firstPerson))
        {
            // "One of the women is my friend": the stretch starts at the clause's subject.
            var start = m.Index;
            if (!m.Value.StartsWith("I", StringComparison.OrdinalIgnoreCase))
                start = ClauseStart(text, m.Index);
            flags.Add((ReporterFlagKinds.Relationship, start, m.Index + m.Length, "the reporter's relation to the subject or the victim"));
        }
        foreach (var m in account.MatchesIn(ReporterPhrases.RelationshipPhrase(), firstPerson))
            flags.Add((ReporterFlagKinds.Relationship, m.Index, ClauseEnd(text, m.Index + m.Length), "a relationship only the reporter has"));
        foreach (var m in account.MatchesIn(ReporterPhrases.WhoIOwe(), firstPerson))
            flags.Add((ReporterFlagKinds.Relationship, m.Index, ClauseEnd(text, m.Index + m.Length), "the reporter's own dealings with someone in the account"));
        foreach (var m in account.MatchesIn(ReporterPhrases.SubjectContactedMe(), firstPerson))
            flags.Add((ReporterFlagKinds.Relationship, m.Index, m.Index + m.Length, "the subject contacted the reporter directly"));

        foreach (var m in account.MatchesIn(ReporterPhrases.ILiveAt(), firstPerson))
        {
            var end = ClauseEnd(text, m.Index + m.Length);
            var clause = text[m.Index..end];
            // "I live round there" says nothing; a street, a place, a house number or "next door" does.
            if (!Specific(entities, m.Index, end, clause)) continue;
            flags.Add((ReporterFlagKinds.Address, m.Index, end, "where the reporter lives"));
        }
        foreach (var m in account.MatchesIn(ReporterPhrases.MyHome(), firstPerson))
        {
            var end = ClauseEnd(text, m.Index + m.Length);
            var clause = text[m.Index..end];
            var value = m.Value.ToLowerInvariant();
            if (value.Contains("shared wall") || value.Contains("front door")) { flags.Add((ReporterFlagKinds.Address, m.Index, m.Index + m.Length, "a detail of the reporter's home")); continue; }
            if (!Specific(entities, m.Index + m.Length, end, clause)) continue;
            flags.Add((ReporterFlagKinds.Address, m.Index, end, "the reporter's home or address"));
        }

        foreach (var m in account.MatchesIn(ReporterPhrases.IAmA(), firstPerson))
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
                    || w.EndsWith("ist", StringComparison.Ordinal) || w.EndsWith("ian", StringComparison.Ordinal)) && !ReporterPhrases.NotRoles.Contains(w)))
                { role = w; break; }
                if (Lexicon.Stop.Contains(w) && w is not ("old" or "new" or "big" or "little")) break;
            }
            if (role is null) continue;
            var personal = ReporterPhrases.PersonalRoles.Contains(role);
            flags.Add((personal ? ReporterFlagKinds.PersonalDetail : ReporterFlagKinds.Job, m.Index, end, personal ? "a personal detail about the reporter" : "the reporter's job"));
        }
        foreach (var m in account.MatchesIn(ReporterPhrases.WorkPhrase(), firstPerson))
            flags.Add((ReporterFlagKinds.Workplace, m.Index, ClauseEnd(text, m.Index + m.Length), "the reporter's work or workplace"));
        foreach (var m in account.MatchesIn(ReporterPhrases.MyWork(), firstPerson))
            flags.Add((ReporterFlagKinds.Workplace, m.Index, m.Index + m.Length, "the reporter's work or workplace"));

        foreach (var m in account.MatchesIn(ReporterPhrases.IWasPoliced(), firstPerson))
            flags.Add((ReporterFlagKinds.OwnIncident, m.Index, ClauseEnd(text, m.Index + m.Length), "the reporter's own incident, which the subject would know"));
        foreach (var m in account.MatchesIn(ReporterPhrases.MyThingPoliced(), firstPerson))
            flags.Add((ReporterFlagKinds.OwnIncident, m.Index, ClauseEnd(text, m.Index + m.Length), "the reporter's own incident, which the subject would know"));
        foreach (var m in account.MatchesIn(ReporterPhrases.IDidSomething(), firstPerson))
        {
            var end = ClauseEnd(text, m.Index + m.Length);
            if (!entities.Any(e => e.Start >= m.Index && e.End <= end && e.Kind is EntityKinds.Date or EntityKinds.OfficerName or EntityKinds.Place)) continue;
            flags.Add((ReporterFlagKinds.OwnIncident, m.Index, end, "the reporter's own dealings, with a date, place or name"));
        }
        foreach (var m in account.MatchesIn(ReporterPhrases.TheyDidToMe(), firstPerson))
        {
            var end = ClauseEnd(text, m.Index + m.Length);
            if (!entities.Any(e => e.Start >= m.Index && e.End <= end && e.Kind is EntityKinds.Date or EntityKinds.Place)) continue;
            flags.Add((ReporterFlagKinds.OwnIncident, m.Index, end, "the reporter's own dated incident with the subject"));
        }

        foreach (var m in account.MatchesIn(ReporterPhrases.MyCar(), firstPerson))
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

        AddPersonalFacts(account, firstPerson, flags);
        if (learned) AddLearned(account, entities, flags);
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
        if (!string.IsNullOrWhiteSpace(reporter.Phone) && Phones.ToE164(reporter.Phone) is { } e164)
        {
            foreach (var e in entities.Where(e => e.Kind == EntityKinds.Phone))
                if (Phones.ToE164(e.Text) == e164) flags.Add((ReporterFlagKinds.Contact, e.Start, e.End, "the reporter's phone number"));
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
            var (s, e) = Trimmed(text, entities, f.Kind, f.Start, f.End);
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

    /// <summary>A neutral replacement that never cuts the subject: an own incident keeps its words but loses its date
    /// and place; everything else becomes its kind's neutral phrase, followed by the officers' names and numbers and the
    /// stations it held ("[a person known to the subject] (Sgt Lee Harland, 1290)"), which the force needs.</summary>
    private static string ReplacementFor(string kind, string text, int start, int end, IReadOnlyList<AccountEntity> entities)
    {
        if (kind != ReporterFlagKinds.OwnIncident)
        {
            var subject = entities.Where(e => e.Start >= start && e.End <= end && EntityKinds.IsSubject(e.Kind)).Select(e => e.Text).Distinct().ToList();
            return ReporterFlagKinds.NeutralPhrase(kind) + (subject.Count > 0 ? " (" + string.Join(", ", subject) + ")" : "");
        }
        var inside = entities.Where(e => e.Start >= start && e.End <= end && e.Kind is EntityKinds.Date or EntityKinds.Place or EntityKinds.Phone or EntityKinds.Email or EntityKinds.VehicleReg).ToList();
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
        if (kind == ReporterFlagKinds.Contact && Phones.ToE164(text) is { } e164) folded = e164;
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
