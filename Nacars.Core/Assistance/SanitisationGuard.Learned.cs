using System.Globalization;

namespace Nacars.Core.Assistance;

public static partial class SanitisationGuard
{
    /// <summary>
    /// Clauses the learned check (<see cref="ReporterClauseModel"/>) reads as the reporter speaking about themselves
    /// and that no rule has flagged: the rules name what they know ("the reporter's job"), the model catches what people
    /// write in ways no rule foresaw ("im 15", "a court date at blackpool magistrates"). Each says which words decided.
    /// </summary>
    private static void AddLearned(AccountText account, IReadOnlyList<AccountEntity> entities, List<(string Kind, int Start, int End, string Why)> flags)
    {
        var model = ReporterClauseModel.Shared;
        var ruled = flags.Count;
        var clauses = ReporterClauses.Split(account);
        var scored = new (double P, List<string> Features)[clauses.Count];
        for (var i = 0; i < clauses.Count; i++)
        {
            var c = clauses[i];
            var flaggedByRule = false;
            for (var f = 0; f < ruled && !flaggedByRule; f++) flaggedByRule = flags[f].Start < c.End && c.Start < flags[f].End;
            // Only a clause a learned flag may cover is scored: most of a long account is not in the first person, and
            // building its features is most of the check's cost.
            if (flaggedByRule || !Eligible(account, clauses, i, entities)) { scored[i] = (0, []); continue; }
            var features = ReporterClauses.Features(account, clauses, i, entities, ruleFlagged: false);
            scored[i] = (model.Probability(features), features);
        }
        foreach (var (first, last) in ReporterClauses.Runs(clauses.Count, i => scored[i].P >= model.Threshold))
        {
            var reasons = model.Reasons(Enumerable.Range(first, last - first + 1).SelectMany(i => scored[i].Features));
            var sure = Enumerable.Range(first, last - first + 1).Max(i => scored[i].P);
            var why = string.Create(CultureInfo.InvariantCulture,
                $"reads as the reporter speaking about themselves{(reasons.Count > 0 ? " (" + string.Join(", ", reasons) + ")" : "")}; learned from labelled accounts, {sure:P0} sure");
            flags.Add((ReporterFlagKinds.AboutTheReporter, clauses[first].FlagStart, clauses[last].End, why));
        }
    }

    /// <summary>A learned flag needs something that could point to a person: a number, a name or place (a capital
    /// inside the clause, or what the recognisers found), a relation or a job, or more than a few words. "I live round
    /// there" has none. A clause an analyst has already redacted ("my number is [contact details removed]") is done.</summary>
    /// <summary>A clause a learned flag may cover: it has a detail, and it or the clause before speaks in the first
    /// person ("PC 2317 took cash on Friday" is about the officer, whatever its words weigh).</summary>
    internal static bool Eligible(AccountText account, IReadOnlyList<ReporterClause> clauses, int i, IReadOnlyList<AccountEntity> entities) =>
        HasDetail(account, clauses[i], entities)
        && (ReporterClauses.SpeaksFirstPerson(account.Tokens, clauses[i]) || (i > 0 && ReporterClauses.SpeaksFirstPerson(account.Tokens, clauses[i - 1])));

    private static bool HasDetail(AccountText account, ReporterClause clause, IReadOnlyList<AccountEntity> entities)
    {
        var text = account.Text;
        if (text.AsSpan(clause.Start, clause.End - clause.Start).Contains('[')) return false;
        if (clause.LastToken - clause.FirstToken + 1 >= 5) return true;
        for (var t = clause.FirstToken; t <= clause.LastToken; t++)
        {
            var token = account.Tokens[t];
            if (char.IsDigit(text[token.Start]) || (t > clause.FirstToken && char.IsUpper(text[token.Start]) && token.Folded != "i")) return true;
            if (Lexicon.Relations.Contains(token.Folded) || Lexicon.Relations.Contains(token.Folded.TrimEnd('s')) || Lexicon.Occupations.Contains(token.Folded)) return true;
        }
        return entities.Any(e => e.Start < clause.End && clause.Start < e.End);
    }

    /// <summary>The stretch a flag finally covers: up to where the police begin, never over an officer's name or number
    /// or a station the recognisers found after its start, without white space or punctuation at its ends.</summary>
    internal static (int Start, int End) Trimmed(string text, IReadOnlyList<AccountEntity> entities, string kind, int start, int end)
    {
        var (s, e) = (start, EndBeforeThePolice(text, kind, start, end));
        if (kind is not (ReporterFlagKinds.Name or ReporterFlagKinds.Contact or ReporterFlagKinds.Vehicle))
            foreach (var entity in entities)
                if (EntityKinds.IsSubject(entity.Kind) && entity.Start > s && entity.Start < e) e = entity.Start;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is ',' or '.' or ';' or ':' or '(' or '-')) e--;
        return (s, e);
    }

    /// <summary>Words that start what the force needs: the officer, their rank, their station, custody.</summary>
    private static readonly HashSet<string> PoliceStarts = new(StringComparer.Ordinal)
    {
        "police", "policeman", "policewoman", "officer", "officers", "pc", "pcs", "ps", "dc", "ds", "di", "sgt", "sergeant", "sarge", "constable",
        "inspector", "detective", "copper", "coppers", "cop", "cops", "polis", "peeler", "pcso", "custody", "cells", "nick", "station",
    };

    /// <summary>A flag ends where the police begin: "my ex is a PC at Longsight" flags "my ex is a", so the officer,
    /// the station and what follows stay in the redacted draft for the force. Names, contact details and vehicles are
    /// exact spans and are left as found.</summary>
    private static int EndBeforeThePolice(string text, string kind, int start, int end)
    {
        if (kind is ReporterFlagKinds.Name or ReporterFlagKinds.Contact or ReporterFlagKinds.Vehicle) return end;
        // What someone said, in quotes, is usually the officer's words: the force needs them.
        for (var q = start + 1; q < end; q++)
            if (text[q] is '\'' or '"' or '‘' or '“' && char.IsWhiteSpace(text[q - 1])) { end = q; break; }
        var span = new AccountText(text[start..end]);
        var words = span.Tokens;
        var gazetteer = Gazetteer.Instance;
        for (var i = 1; i < words.Count; i++)
        {
            var capital = char.IsUpper(text[start + words[i].Start]);
            // A learned flag, the least sure, also stops before a capitalised first name, a street ("Main Street", where
            // the conduct happened) or a station's name.
            if (kind == ReporterFlagKinds.AboutTheReporter && capital
                && (Lexicon.FirstNames.Contains(words[i].Folded)
                    || (i + 1 < words.Count && char.IsUpper(text[start + words[i + 1].Start]) && StationContextRecogniser.StationLike.Contains(words[i + 1].Folded))
                    || gazetteer.Lookup(words[i].Folded + " police station").Count > 0))
                return start + words[i].Start;
            if (IsKnownStation(span, i, capital)) return start + words[i].Start;
            if (!PoliceStarts.Contains(words[i].Folded)) continue;
            // "in Musgrave Street custody", "at Doncaster police station": the station's name goes with it.
            var cut = i;
            if (words[i].Folded is "police" or "station" or "custody" or "nick" or "cells")
                while (cut > 1 && i - cut < 3 && !Lexicon.Stop.Contains(words[cut - 1].Folded) && !ReporterPhrases.FirstPersonWords.Contains(words[cut - 1].Folded)) cut--;
            return start + words[cut].Start;
        }
        return end;
    }

    /// <summary>One to three words from <paramref name="i"/> that the gazetteer lists as a police station by name
    /// alone ("Stewart Street", "St Anne Street"): a flag never runs over one.</summary>
    private static bool IsKnownStation(AccountText span, int i, bool capitalised)
    {
        for (var last = i; last < Math.Min(span.Tokens.Count, i + 3); last++)
            if (Gazetteer.Instance.Lookup(span, i, last).Any(e => e.Kind == PlaceKind.Station && (capitalised || !e.CapitalOnly))) return true;
        return false;
    }
}
