using System.Text.Json;

namespace Nacars.Core.Assistance;

/// <summary>
/// The learned reporter check: a logistic regression over <see cref="ReporterClauses"/> features, trained by
/// <c>dotnet run -c Release --project Nacars.Bench -- train-reporter-model</c> on the development set and the corpus's
/// tuning part, and shipped as <c>Assistance/Data/reporter-model.json</c> (ADR 0015). It is read here as a table of
/// weights, so the web process needs no machine-learning runtime, and every flag can say which words weighed most.
/// </summary>
public sealed class ReporterClauseModel
{
    private static readonly Lazy<ReporterClauseModel> Embedded = new(() =>
    {
        using var stream = typeof(ReporterClauseModel).Assembly.GetManifestResourceStream("Nacars.Core.Assistance.Data.reporter-model.json")
            ?? throw new InvalidOperationException("The reporter model is not embedded in Nacars.Core.");
        return Read(stream);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, double> _weights;

    public ReporterClauseModel(double bias, double threshold, IReadOnlyDictionary<string, double> weights)
    {
        Bias = bias;
        Threshold = threshold;
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
    }

    public static ReporterClauseModel Shared => Embedded.Value;

    public double Bias { get; }

    /// <summary>The probability at or above which a clause is flagged, chosen by the trainer on held-out folds.</summary>
    public double Threshold { get; }

    public IReadOnlyDictionary<string, double> Weights => _weights;

    public double Probability(IEnumerable<string> features)
    {
        var z = Bias;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in features)
            if (seen.Add(f) && _weights.TryGetValue(f, out var w)) z += w;
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The words (and word pairs) that weighed most towards a flag, for the analyst: "'im', 'my college'".</summary>
    public IReadOnlyList<string> Reasons(IEnumerable<string> features, int most = 3) =>
        [.. features.Distinct(StringComparer.Ordinal)
            .Where(f => f.StartsWith("w:", StringComparison.Ordinal) || f.StartsWith("b:", StringComparison.Ordinal))
            .Select(f => (Feature: f, Weight: _weights.GetValueOrDefault(f)))
            .Where(x => x.Weight > 0)
            .OrderByDescending(x => x.Weight)
            .Take(most)
            .Select(x => "'" + x.Feature[2..].Replace("^_", "", StringComparison.Ordinal).Replace("_$", "", StringComparison.Ordinal).Replace('_', ' ') + "'")];

    public static ReporterClauseModel Read(Stream stream)
    {
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var weights = root.GetProperty("weights").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        return new ReporterClauseModel(root.GetProperty("bias").GetDouble(), root.GetProperty("threshold").GetDouble(), weights);
    }
}
