namespace Nacars.Core.Assistance;

/// <summary>
/// Splits an account into clauses and describes each by the features the learned reporter check weighs: its words and
/// word pairs, whether it speaks in the first person, what the recognisers found in it, and whether a rule already
/// flagged it. The same code makes the training examples (<c>Nacars.Bench -- train-reporter-model</c>) and reads
/// accounts at run time, so the model is always scored on the features it was trained on.
/// </summary>
public static class ReporterClauses
{
    /// <summary>Words that start a new clause in text written without punctuation ("its so creepy im 15 he told me").</summary>
    private static readonly HashSet<string> Joins = new(StringComparer.Ordinal)
    {
        "and", "but", "so", "coz", "cos", "cuz", "because", "cause", "when", "then", "while", "whilst", "until", "till", "after", "before",
        "which", "who", "where", "since", "if", "although", "though", "as",
    };

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "i", "im", "ive", "id", "ill", "my", "ma", "he", "she", "hes", "shes", "they", "theyre", "we", "were", "our", "its", "theres", "this", "that",
    };

    /// <summary>An account read as the run-time check reads it: the training examples.</summary>
    public static ReporterClauseReading Read(string text)
    {
        var run = AccountAnalyser.Run(text, null);
        var rules = SanitisationGuard.Find(run.Account, run.Entities, null, learned: false);
        var clauses = Split(run.Account);
        var features = clauses.Select((c, i) => Features(run.Account, clauses, i, run.Entities, rules.Any(f => f.Start < c.End && c.Start < f.End))).ToList();
        return new ReporterClauseReading(clauses, features, [.. rules.Select(f => (f.Start, f.End))],
            [.. clauses.Select((_, i) => SanitisationGuard.Eligible(run.Account, clauses, i, run.Entities))],
            (first, last) => SanitisationGuard.Trimmed(text, run.Entities, ReporterFlagKinds.AboutTheReporter, clauses[first].FlagStart, clauses[last].End));
    }

    /// <summary>The clauses of an account, in order.</summary>
    public static IReadOnlyList<ReporterClause> Split(AccountText account)
    {
        var tokens = account.Tokens;
        var text = account.Text;
        var list = new List<ReporterClause>();
        var first = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var length = t - first + 1;
            var last = t == tokens.Count - 1;
            if (!last)
            {
                var next = tokens[t + 1].Folded;
                var punctuated = false;
                for (var i = tokens[t].End; i < tokens[t + 1].Start; i++)
                    if (text[i] is '.' or '!' or '?' or ';' or ',' or ':' or '(' or ')' or '\n' or '–' or '—' || (text[i] == '-' && i > 0 && text[i - 1] == ' ')) { punctuated = true; break; }
                var cut = (punctuated && length >= 2) || (length >= 4 && Joins.Contains(next)) || (length >= 12 && Openers.Contains(next));
                if (!cut) continue;
            }
            list.Add(Clause(tokens, first, t));
            first = t + 1;
        }
        return list;
    }

    private static ReporterClause Clause(IReadOnlyList<Token> tokens, int first, int last)
    {
        var flagStart = tokens[first].Start;
        for (var t = first; t <= last; t++)
            if (ReporterPhrases.FirstPersonWords.Contains(tokens[t].Folded)) { flagStart = tokens[t].Start; break; }
        return new ReporterClause(tokens[first].Start, tokens[last].End, first, last, flagStart);
    }

    /// <summary>The features of one clause. <paramref name="ruleFlagged"/> is true when a rule's flag overlaps it.</summary>
    public static List<string> Features(AccountText account, IReadOnlyList<ReporterClause> clauses, int index, IReadOnlyList<AccountEntity> entities, bool ruleFlagged)
    {
        var clause = clauses[index];
        var features = new List<string>(64) { "bias:clause" };
        var tokens = account.Tokens;
        var previous = "^";
        var firstPerson = 0;
        for (var t = clause.FirstToken; t <= clause.LastToken; t++)
        {
            var word = Word(tokens[t].Folded);
            if (ReporterPhrases.FirstPersonWords.Contains(tokens[t].Folded)) firstPerson++;
            if (Lexicon.Occupations.Contains(tokens[t].Folded)) features.Add("lex:occupation");
            if (Lexicon.Relations.Contains(tokens[t].Folded)) features.Add("lex:relation");
            features.Add("w:" + word);
            features.Add("b:" + previous + "_" + word);
            // The word's first letters too, so spellings and endings nobody wrote in training meet ("workin", "working").
            if (word.Length > 5) features.Add("p:" + word[..5]);
            previous = word;
        }
        features.Add("b:" + previous + "_$");
        if (firstPerson > 0) features.Add("fp:any");
        if (firstPerson > 2) features.Add("fp:many");
        if (ReporterPhrases.FirstPersonWords.Contains(tokens[clause.FirstToken].Folded)) features.Add("fp:opens");
        if (index == 0) features.Add("pos:first");
        var length = clause.LastToken - clause.FirstToken + 1;
        features.Add(length < 5 ? "len:short" : length > 15 ? "len:long" : "len:mid");
        if (index > 0 && SpeaksFirstPerson(tokens, clauses[index - 1])) features.Add("prev:fp");
        if (index + 1 < clauses.Count && SpeaksFirstPerson(tokens, clauses[index + 1])) features.Add("next:fp");
        if (ruleFlagged) features.Add("rule:flagged");
        foreach (var e in entities)
            if (e.Start < clause.End && clause.Start < e.End) features.Add("e:" + e.Kind);
        return features;
    }

    /// <summary>Runs of consecutive flagged clauses, as (first, last) indices: one stretch about the reporter is one
    /// flag for the analyst to decide, not one per clause.</summary>
    public static List<(int First, int Last)> Runs(int count, Func<int, bool> flagged)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < count; i++)
        {
            if (!flagged(i)) continue;
            var last = i;
            while (last + 1 < count && flagged(last + 1)) last++;
            runs.Add((i, last));
            i = last;
        }
        return runs;
    }

    internal static bool SpeaksFirstPerson(IReadOnlyList<Token> tokens, ReporterClause clause)
    {
        for (var t = clause.FirstToken; t <= clause.LastToken; t++)
            if (ReporterPhrases.FirstPersonWords.Contains(tokens[t].Folded)) return true;
        return false;
    }

    /// <summary>Numbers by their length, so "im 15" and "im 16" are one feature and a year is another.</summary>
    private static string Word(string folded) =>
        folded.Length > 0 && folded.All(char.IsDigit) ? "#" + Math.Min(folded.Length, 5) : folded;
}
