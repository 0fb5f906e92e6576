using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Nacars.Core.Assistance;

namespace Nacars.Bench.Assist;

/// <summary>
/// <c>train-reporter-model [--out FILE]</c>: trains the learned reporter check (<see cref="ReporterClauseModel"/>) on
/// the corpus's tuning part and the training-only accounts in data/assist-train (both in the repository, so the
/// file can be made again anywhere), never the corpus's test part, and writes the weights Core ships. The
/// threshold is chosen on held-out folds (five, by account), so it is not fitted to accounts the weights have seen.
/// </summary>
public static class ReporterModelTrainer
{
    /// <summary>Below this flag precision on the held-out folds no threshold is taken (the goal is 60% on unseen accounts).</summary>
    private const double PrecisionFloor = 0.65;

    private sealed record Example(int Account, int Index, List<string> Features, bool Label);

    public sealed class Row
    {
        public bool Label { get; set; }
        public VBuffer<float> Features { get; set; }
    }

    public static int Run(string[] args, TextWriter log)
    {
        var corpus = AssistCorpus.Find() ?? throw new InvalidDataException("train-reporter-model needs data/assist-corpus and its split.json (run it inside the repository).");
        var at = Array.IndexOf(args, "--out");
        var repository = Path.GetDirectoryName(Path.GetDirectoryName(corpus.Folder))!;
        var output = Path.GetFullPath(at >= 0 && at + 1 < args.Length ? args[at + 1] : Path.Combine(repository, "Nacars.Core", "Assistance", "Data", "reporter-model.json"));
        // Only what the repository holds, so anyone can make the same file: the tuning part and data/assist-train.
        List<LabelledAccount> accounts = [.. corpus.Tuning];
        var tuning = accounts.Count;
        accounts.AddRange(corpus.TrainingOnly());
        var examples = new List<Example>();
        var readings = new List<ReporterClauseReading>();
        for (var a = 0; a < accounts.Count; a++)
        {
            var spans = accounts[a].ReporterIdentifiers.SelectMany(l => AssistEvaluation.Occurrences(accounts[a].Account, l)).ToList();
            var reading = ReporterClauses.Read(accounts[a].Account);
            readings.Add(reading);
            // A clause is about the reporter when the stretch a flag on it would cover meets a label.
            for (var i = 0; i < reading.Clauses.Count; i++)
            {
                var (start, end) = reading.LearnedSpan(i, i);
                examples.Add(new Example(a, i, reading.Features[i], spans.Any(s => s.Start < end && start < s.End)));
            }
        }
        log.WriteLine($"{accounts.Count} accounts ({tuning} tuning, {accounts.Count - tuning} from data/assist-train), {examples.Count} clauses, {examples.Count(e => e.Label)} about the reporter");

        // Held-out probabilities: each account scored by a model that never saw it.
        var heldOut = new double[examples.Count];
        for (var fold = 0; fold < 5; fold++)
        {
            var (bias, weights) = Train(examples.Where(e => e.Account % 5 != fold).ToList());
            for (var i = 0; i < examples.Count; i++)
                if (examples[i].Account % 5 == fold) heldOut[i] = new ReporterClauseModel(bias, 0.5, weights).Probability(examples[i].Features);
        }
        var best = (Threshold: 0.5, Recall: 0.0, Precision: 0.0);
        for (var t = 0.05; t < 0.96; t += 0.01)
        {
            var (recall, precision) = Score(accounts, readings, examples, heldOut, t);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  threshold {t:0.00}: held-out recall {recall:P1}, precision {precision:P1}"));
            if (precision >= PrecisionFloor && recall > best.Recall) best = (t, recall, precision);
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Threshold {best.Threshold:0.00}: held-out recall {best.Recall:P1}, precision {best.Precision:P1} (rules and model together)"));

        var (finalBias, finalWeights) = Train(examples);
        var json = new Dictionary<string, object>
        {
            ["about"] = "Learned reporter check (Nacars.Core/Assistance/ReporterClauseModel). Made by: dotnet run -c Release --project Nacars.Bench -- train-reporter-model. Trained on the tuning part of data/assist-corpus and data/assist-train; never on the corpus's test part.",
            ["threshold"] = Math.Round(best.Threshold, 2),
            ["heldOutRecall"] = Math.Round(best.Recall, 3),
            ["heldOutPrecision"] = Math.Round(best.Precision, 3),
            ["bias"] = Math.Round(finalBias, 4),
            ["weights"] = finalWeights.Where(w => Math.Abs(w.Value) >= 0.005).OrderBy(w => w.Key, StringComparer.Ordinal).ToDictionary(w => w.Key, w => Math.Round(w.Value, 4)),
        };
        File.WriteAllText(output, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        log.WriteLine($"Wrote {output} ({((Dictionary<string, double>)json["weights"]).Count} weights)");
        return 0;
    }

    private static (double Bias, Dictionary<string, double> Weights) Train(List<Example> examples)
    {
        // Features seen in at least two clauses; rarer ones would only learn the accounts they came from.
        var vocabulary = examples.SelectMany(e => e.Features.Distinct()).GroupBy(f => f, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var index = vocabulary.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        var rows = examples.Select(e =>
        {
            var slots = e.Features.Where(index.ContainsKey).Select(f => index[f]).Distinct().Order().ToArray();
            return new Row { Label = e.Label, Features = new VBuffer<float>(vocabulary.Count, slots.Length, [.. slots.Select(_ => 1f)], slots) };
        }).ToList();
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vocabulary.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            // Chosen on the held-out folds (L2 0.3 to 10, L1 0.05 to 0.5 changed recall by under 2 points); L1 keeps
            // the file to the features that matter.
            L2Regularization = 3f, L1Regularization = 0.5f, MaximumNumberOfIterations = 200,
            NumberOfThreads = 1, // one thread sums in one order: the same data gives the same file on any machine
        }).Fit(data).Model.SubModel;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
            if (model.Weights[i] != 0) weights[vocabulary[i]] = model.Weights[i];
        return (model.Bias, weights);
    }

    /// <summary>The assist bench's measure: a label is found when a flag (a rule's or a held-out clause's) overlaps it;
    /// a flag is right when it overlaps a label.</summary>
    private static (double Recall, double Precision) Score(List<LabelledAccount> accounts, List<ReporterClauseReading> readings, List<Example> examples, double[] heldOut, double threshold)
    {
        int labels = 0, found = 0, flags = 0, right = 0;
        for (var a = 0; a < accounts.Count; a++)
        {
            var text = accounts[a].Account;
            var mine = readings[a].RuleFlags.ToList();
            var own = Enumerable.Range(0, examples.Count).Where(i => examples[i].Account == a).ToList();
            foreach (var (first, last) in ReporterClauses.Runs(own.Count, k => heldOut[own[k]] >= threshold && !examples[own[k]].Features.Contains("rule:flagged") && readings[a].Eligible[k]))
                if (readings[a].LearnedSpan(first, last) is var (start, end) && end > start) mine.Add((start, end));
            var spans = accounts[a].ReporterIdentifiers.Select(l => AssistEvaluation.Occurrences(text, l).ToList()).ToList();
            foreach (var s in spans)
            {
                labels++;
                if (s.Any(x => mine.Any(m => m.Start < x.End && x.Start < m.End))) found++;
            }
            foreach (var m in mine)
            {
                flags++;
                if (spans.Any(s => s.Any(x => m.Start < x.End && x.Start < m.End))) right++;
            }
        }
        return (labels == 0 ? 0 : (double)found / labels, flags == 0 ? 0 : (double)right / flags);
    }
}
