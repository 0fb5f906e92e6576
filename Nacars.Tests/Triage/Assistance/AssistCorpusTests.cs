using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nacars.Bench.Assist;

namespace Nacars.Tests.Triage.Assistance;

/// <summary>Issue 27: the corpus the rules never saw is split once, by a rule that does not read the text; its frozen
/// test part has examples of every kind of reporter identifier; the training-only accounts are not in it. Reads the
/// test part's ids and identifier kinds, never its text.</summary>
public class AssistCorpusTests
{
    private static readonly string[] KindsTheTestPartCovers =
    [
        "crime_reference", "custody", "court", "tenancy", "health", "age", "nationality", "workplace_role", "family_relation",
        "neighbour_relation", "unique_position", "address", "name", "contact_detail", "vehicle", "own_dated_incident",
    ];

    private static AssistCorpus Corpus => AssistCorpus.Find() ?? throw new InvalidOperationException("data/assist-corpus is missing from the repository.");

    [Fact]
    public void The_split_is_the_one_made_once_by_hashing_the_ids()
    {
        var corpus = Corpus;
        Assert.Equal(400, corpus.Tuning.Count + corpus.Test.Count);
        foreach (var a in corpus.Test) Assert.True(InTestPart(a.Id), $"{a.Id} is in the test part but its hash puts it in the tuning part");
        foreach (var a in corpus.Tuning) Assert.False(InTestPart(a.Id), $"{a.Id} is in the tuning part but its hash puts it in the test part");
    }

    [Fact]
    public void The_test_part_has_examples_of_every_kind_of_reporter_identifier()
    {
        var corpus = Corpus;
        var testIds = corpus.Test.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(corpus.Folder, "part-*.jsonl"))
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                if (!testIds.Contains(doc.RootElement.GetProperty("id").GetString()!)) continue;
                foreach (var kind in doc.RootElement.GetProperty("reporter_identifier_kinds").EnumerateArray())
                    kinds[kind.GetString()!] = kinds.GetValueOrDefault(kind.GetString()!) + 1;
            }
        foreach (var kind in KindsTheTestPartCovers)
            Assert.True(kinds.GetValueOrDefault(kind) >= 3, $"The test part has {kinds.GetValueOrDefault(kind)} examples of '{kind}'");
    }

    [Fact]
    public void Training_only_accounts_are_not_accounts_of_the_corpus()
    {
        var corpus = Corpus;
        var corpusTexts = corpus.Tuning.Concat(corpus.Test).Select(a => a.Account).ToHashSet(StringComparer.Ordinal);
        var corpusIds = corpus.Tuning.Concat(corpus.Test).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var training = corpus.TrainingOnly();
        var read = training.Count;
        foreach (var a in training)
        {
            Assert.DoesNotContain(a.Id, corpusIds);
            Assert.DoesNotContain(a.Account, corpusTexts);
        }
        Assert.True(read >= 500, $"Only {read} training-only accounts in data/assist-train");
    }

    private static bool InTestPart(string id) => SHA256.HashData(Encoding.UTF8.GetBytes("nacars-split-1:" + id))[0] % 2 == 0;
}
