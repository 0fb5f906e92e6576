using Nacars.Bench.Assist;
using Nacars.Core.Assistance;

namespace Nacars.Tests.Triage.Assistance;

/// <summary>Issue 27: the redacted draft removes what identifies the reporter and never what names the accused, on
/// every account of the corpus nobody tuned for. Failures on the frozen test part name the account and the kind only,
/// so whoever tunes the rules never reads its text.</summary>
public sealed class NeverCutTheSubjectTests
{
    /// <summary>Stations cut on the frozen test part when the rules were last changed (2 of its 381 subject labels, both
    /// inside a rule's flag: a relationship and an address). The goal is none; whoever tunes may not read those accounts,
    /// so this says only that no change makes it worse.</summary>
    private const int CutOnTheTestPart = 2;

    private static readonly string[] SubjectKinds = [EntityKinds.OfficerName, EntityKinds.OfficerNumber, EntityKinds.Station];

    [Fact]
    public void The_redacted_draft_keeps_every_officer_name_number_and_station_of_the_labels()
    {
        var corpus = AssistCorpus.Find() ?? throw new InvalidOperationException("data/assist-corpus is missing from the repository.");
        var failures = new List<string>();
        var checkedSpans = 0;
        foreach (var (part, accounts) in new[] { ("tuning", corpus.Tuning), ("test", corpus.Test) })
            foreach (var a in accounts)
            {
                var flags = SanitisationGuard.Find(a.Account);
                var draft = SanitisationGuard.Redact(a.Account, flags);
                foreach (var kind in SubjectKinds)
                    foreach (var label in a.Entities[kind])
                    {
                        checkedSpans++;
                        if (Count(draft, label) < Count(a.Account, label))
                            failures.Add(part == "test" ? $"{a.Id} (test part) {kind}, inside flags of kind: " + string.Join(", ", flags.Where(f => Occurrences(a.Account, label).Any(i => f.Start < i + label.Length && i < f.End)).Select(f => f.Kind)) : $"{a.Id} {kind} '{label}' inside: " + string.Join(" | ", flags.Where(f => Occurrences(a.Account, label).Any(i => f.Start < i + label.Length && i < f.End)).Select(f => f.Kind + ": " + f.Text)));
                    }
            }
        Assert.True(checkedSpans > 700, $"Only {checkedSpans} subject labels were read: is the corpus complete?");
        var onTuning = failures.Where(f => !f.Contains("(test part)", StringComparison.Ordinal)).ToList();
        var onTest = failures.Count - onTuning.Count;
        Assert.True(onTuning.Count == 0 && onTest <= CutOnTheTestPart,
            $"{failures.Count} of {checkedSpans} subject labels were cut by the redaction ({onTest} on the test part, at most {CutOnTheTestPart} allowed):\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void A_flag_over_a_clause_that_names_the_officer_keeps_the_name_and_number_in_its_replacement()
    {
        const string account = "My husband is a PS at Crewe, Sgt Lee Harland 1290, and he has been drinking on duty since Christmas.";
        var flags = SanitisationGuard.Find(account);
        var draft = SanitisationGuard.Redact(account, flags);

        Assert.Contains(flags, f => f.Kind == ReporterFlagKinds.Relationship);
        Assert.DoesNotContain("My husband", draft, StringComparison.Ordinal);
        Assert.Contains("Lee Harland", draft, StringComparison.Ordinal);
        Assert.Contains("1290", draft, StringComparison.Ordinal);
    }

    private static int Count(string text, string label) => Occurrences(text, label).Count();

    private static IEnumerable<int> Occurrences(string text, string label)
    {
        for (var at = 0; (at = text.IndexOf(label, at, StringComparison.Ordinal)) >= 0; at += label.Length) yield return at;
    }
}
