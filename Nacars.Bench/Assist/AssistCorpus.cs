using System.Text.Json;

namespace Nacars.Bench.Assist;

/// <summary>
/// The evaluation corpus the rules never saw (data/assist-corpus: 400 accounts from writers who had not read the
/// recognisers), in its two parts as split once by <c>split.json</c>: the tuning part, which whoever changes the rules
/// may read, and the frozen test part, of which they read only the figures this bench prints.
/// </summary>
public sealed record AssistCorpus(IReadOnlyList<LabelledAccount> Tuning, IReadOnlyList<LabelledAccount> Test, string Folder)
{
    /// <summary>data/assist-corpus in the repository (the folder holding Nacars.sln), looked for upwards from the working
    /// directory and from the program's folder; null when it is not there.</summary>
    public static AssistCorpus? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Nacars.sln")))
                {
                    var folder = Path.Combine(dir.FullName, "data", "assist-corpus");
                    return File.Exists(Path.Combine(folder, "split.json")) ? Load(folder) : null;
                }
        return null;
    }

    public static AssistCorpus Load(string folder)
    {
        using var split = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "split.json")));
        HashSet<string> Ids(string part) => [.. split.RootElement.GetProperty(part).EnumerateArray().Select(e => e.GetString()!)];
        var (tuningIds, testIds) = (Ids("tuning"), Ids("test"));
        var all = new List<LabelledAccount>();
        foreach (var file in Directory.GetFiles(folder, "part-*.jsonl").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(file);
            all.AddRange(AssistEvaluation.Read(reader));
        }
        var unsplit = all.Where(a => !tuningIds.Contains(a.Id) && !testIds.Contains(a.Id)).Select(a => a.Id).ToList();
        if (unsplit.Count > 0) throw new InvalidDataException($"Accounts in {folder} that split.json does not place: {string.Join(", ", unsplit.Take(5))}. Do not re-split; add new accounts to a new corpus.");
        return new AssistCorpus([.. all.Where(a => tuningIds.Contains(a.Id))], [.. all.Where(a => testIds.Contains(a.Id))], folder);
    }

    /// <summary>The training-only accounts in data/assist-train beside the corpus (never scored; ADR 0015).</summary>
    public IReadOnlyList<LabelledAccount> TrainingOnly()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Folder)!, "assist-train");
        var accounts = new List<LabelledAccount>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "part-*.jsonl").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            using var reader = new StreamReader(file);
            accounts.AddRange(AssistEvaluation.Read(reader));
        }
        return accounts;
    }
}
