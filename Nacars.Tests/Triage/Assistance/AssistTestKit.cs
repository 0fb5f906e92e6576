using System.Runtime.CompilerServices;
using Nacars.Bench.Assist;
using Nacars.Core.Assistance;

namespace Nacars.Tests.Triage.Assistance;

/// <summary>Shared helpers: the entities of one kind in a text, and the fresh fictional accounts kept beside the tests.</summary>
internal static class AssistTestKit
{
    public static List<string> Found(string text, string kind) =>
        AccountAnalyser.Analyse(text).Where(e => e.Kind == kind).Select(e => e.Text).ToList();

    /// <summary>Fictional accounts written for these tests (towns and people not in the development set), labelled in
    /// the assist-dev.jsonl format. Found through this file's own path, so no project change copies them.</summary>
    public static IReadOnlyList<LabelledAccount> SanityAccounts([CallerFilePath] string here = "")
    {
        var accounts = new List<LabelledAccount>();
        foreach (var file in new[] { "sanity-accounts.jsonl", "sanity-accounts-2.jsonl" })
        {
            using var reader = new StreamReader(Path.Combine(Path.GetDirectoryName(here)!, "Data", file));
            accounts.AddRange(AssistEvaluation.Read(reader));
        }
        return accounts;
    }
}
