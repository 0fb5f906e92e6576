using System.Text.Json;
using Nacars.Core.Forces;

using Nacars.Core.Assistance;

namespace Nacars.Bench.Assist;

/// <summary>
/// Scores the engine against labelled accounts.
/// Matching rule (entities and reporter flags): a label counts as found when some occurrence of its exact text in the
/// account overlaps (shares at least one character with) an entity of the same kind (a flag, for reporter
/// identifiers). An entity counts as correct (precision) when it overlaps an occurrence of some label of its kind.
/// Kinds are strict: a station labelled as a place is a miss for places.
/// Force: strict top-1 is the first suggestion against <c>force</c>; lenient top-1 also accepts any of
/// <c>alt_forces</c>; top-3 is <c>force</c> among the first three.
/// Related contacts: every pair of accounts is scored with <see cref="RelatedIdentifiers"/> (each account's force is
/// its own top suggestion, as a new contact would have before routing) and <see cref="RelatedScore"/>; a pair is
/// linked at or above <see cref="RelatedScore.Threshold"/>, and truly related when both share a <c>related_group</c>.
/// Reported twice: direct (the pair's own score) and clustered (links are transitive: the connected components of the
/// links, as a reviewer following related contacts from one to the next finds them).
/// Hints: a hint for a check is right when the label says the check fails (urgent: when the label says urgent).
/// </summary>
public static class AssistEvaluation
{
    private static readonly Dictionary<string, string> KindKeys = new()
    {
        ["officer_numbers"] = EntityKinds.OfficerNumber, ["officer_names"] = EntityKinds.OfficerName, ["stations"] = EntityKinds.Station,
        ["places"] = EntityKinds.Place, ["dates"] = EntityKinds.Date, ["vehicle_regs"] = EntityKinds.VehicleReg, ["phones"] = EntityKinds.Phone,
        ["emails"] = EntityKinds.Email, ["handles"] = EntityKinds.Handle,
    };

    private static readonly Dictionary<string, string> CodeByName = ForceDirectory.Entries.ToDictionary(e => e.Name, e => e.Code, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<LabelledAccount> Read(TextReader reader)
    {
        var list = new List<LabelledAccount>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            IReadOnlyList<string> Strings(string name) => r.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(x => x.GetString() ?? "").Where(s => s.Length > 0).ToList() : [];
            bool? Check(string name) => r.TryGetProperty("threshold", out var t) && t.ValueKind == JsonValueKind.Object && t.TryGetProperty(name, out var v)
                && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
            var entities = KindKeys.ToDictionary(k => k.Value, k => Strings(k.Key));
            list.Add(new LabelledAccount(
                r.GetProperty("id").ToString(), r.GetProperty("account").GetString() ?? "",
                r.TryGetProperty("force", out var f) ? f.GetString() ?? "" : "", Strings("alt_forces"), entities, Strings("reporter_identifiers"),
                Check("corroborable"), Check("about_police"), Check("not_personal_complaint"),
                r.TryGetProperty("urgent", out var u) && u.ValueKind == JsonValueKind.True,
                r.TryGetProperty("related_group", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null));
        }
        return list;
    }

    public static AssistEvaluationResult Evaluate(IReadOnlyList<LabelledAccount> accounts)
    {
        var counts = EntityKinds.All.ToDictionary(k => k, _ => new int[4]);
        var flags = new int[4];
        var misses = new List<string>();
        int top1 = 0, top1Lenient = 0, top3 = 0;
        var hintCounts = new[] { HintChecks.Corroborable, HintChecks.AboutPolice, HintChecks.NotPersonalComplaint, HintChecks.Urgent }.ToDictionary(h => h, _ => new int[3]);
        var identifiers = new List<(LabelledAccount Account, IReadOnlySet<RelatedIdentifier> Ids)>();

        foreach (var a in accounts)
        {
            var result = AccountAnalyser.Assist(a.Account);
            foreach (var kind in EntityKinds.All)
            {
                var labels = a.Entities.TryGetValue(kind, out var l) ? l : [];
                var mine = result.Entities.Where(e => e.Kind == kind).Select(e => (e.Start, e.End)).ToList();
                Score(a, kind, labels, mine, counts[kind], misses);
            }
            Score(a, "reporter-flag", a.ReporterIdentifiers, result.ReporterFlags.Select(f => (f.Start, f.End)).ToList(), flags, misses);

            var expected = CodeByName.GetValueOrDefault(a.Force, a.Force);
            var alternatives = a.AltForces.Select(n => CodeByName.GetValueOrDefault(n, n)).ToHashSet();
            var codes = result.Forces.Select(f => f.Code).ToList();
            if (codes.Count > 0 && codes[0] == expected) top1++;
            if (codes.Count > 0 && (codes[0] == expected || alternatives.Contains(codes[0]))) top1Lenient++;
            if (codes.Take(3).Contains(expected)) top3++;
            else misses.Add($"{a.Id} force: expected {expected}, got [{string.Join(", ", codes)}]");

            void Hint(string check, bool shouldRaise)
            {
                var raised = result.Hints.Any(h => h.Check == check);
                var c = hintCounts[check];
                if (raised) c[0]++;
                if (raised && shouldRaise) c[1]++;
                if (shouldRaise) c[2]++;
            }
            if (a.Corroborable is { } co) Hint(HintChecks.Corroborable, !co);
            if (a.AboutPolice is { } ap) Hint(HintChecks.AboutPolice, !ap);
            if (a.NotPersonalComplaint is { } np) Hint(HintChecks.NotPersonalComplaint, !np);
            Hint(HintChecks.Urgent, a.Urgent);

            identifiers.Add((a, RelatedIdentifiers.From(result.Entities, null, codes.FirstOrDefault())));
        }

        // Direct: each pair scored on its own. Clustered: links are transitive (A~B and B~C put A and C together), as
        // a reviewer following "related contacts" from one contact to the next would find them.
        var parent = Enumerable.Range(0, identifiers.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        int direct = 0, directCorrect = 0, truePairs = 0;
        var same = new bool[identifiers.Count, identifiers.Count];
        for (var i = 0; i < identifiers.Count; i++)
            for (var j = i + 1; j < identifiers.Count; j++)
            {
                var (a, ia) = identifiers[i];
                var (b, ib) = identifiers[j];
                same[i, j] = a.RelatedGroup is not null && a.RelatedGroup == b.RelatedGroup;
                var (score, reasons) = RelatedScore.Score(ia, ib);
                var related = score >= RelatedScore.Threshold;
                if (same[i, j]) truePairs++;
                if (related) { direct++; parent[Find(i)] = Find(j); }
                if (related && same[i, j]) directCorrect++;
                if (related && !same[i, j]) misses.Add($"{a.Id}-{b.Id} related: linked wrongly, score {score} ({string.Join("; ", reasons)})");
            }
        int predicted = 0, correct = 0;
        for (var i = 0; i < identifiers.Count; i++)
            for (var j = i + 1; j < identifiers.Count; j++)
            {
                var clustered = Find(i) == Find(j);
                if (clustered) predicted++;
                if (clustered && same[i, j]) correct++;
                if (!clustered && same[i, j]) misses.Add($"{identifiers[i].Account.Id}-{identifiers[j].Account.Id} related: not linked, even through others");
            }

        var n = Math.Max(1, accounts.Count);
        return new AssistEvaluationResult(accounts.Count,
            counts.ToDictionary(kv => kv.Key, kv => new KindScore(kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3])),
            (double)top1 / n, (double)top1Lenient / n, (double)top3 / n,
            new KindScore(flags[0], flags[1], flags[2], flags[3]),
            predicted == 0 ? double.NaN : (double)correct / predicted, truePairs == 0 ? double.NaN : (double)correct / truePairs, predicted, truePairs,
            direct == 0 ? double.NaN : (double)directCorrect / direct, truePairs == 0 ? double.NaN : (double)directCorrect / truePairs,
            hintCounts.ToDictionary(kv => kv.Key, kv => new HintScore(kv.Value[0], kv.Value[1], kv.Value[2])),
            misses);
    }

    private static void Score(LabelledAccount a, string kind, IReadOnlyList<string> labels, List<(int Start, int End)> mine, int[] c, List<string> misses)
    {
        var labelSpans = new List<(int Start, int End)>();
        foreach (var label in labels)
        {
            c[0]++;
            var spans = Occurrences(a.Account, label).ToList();
            labelSpans.AddRange(spans);
            if (spans.Any(s => mine.Any(m => m.Start < s.End && s.Start < m.End))) c[1]++;
            else misses.Add($"{a.Id} {kind} missed: '{label}'");
        }
        foreach (var m in mine)
        {
            c[2]++;
            if (labelSpans.Any(s => m.Start < s.End && s.Start < m.End)) c[3]++;
            else misses.Add($"{a.Id} {kind} extra: '{a.Account[m.Start..m.End]}'");
        }
    }

    /// <summary>Every place a label's exact text stands in the account.</summary>
    public static IEnumerable<(int Start, int End)> Occurrences(string text, string label)
    {
        var at = 0;
        while (label.Length > 0 && (at = text.IndexOf(label, at, StringComparison.Ordinal)) >= 0)
        {
            yield return (at, at + label.Length);
            at += label.Length;
        }
    }
}
