namespace Nacars.Bench.Assist;

public sealed record AssistEvaluationResult(
    int Accounts,
    IReadOnlyDictionary<string, KindScore> Kinds,
    double ForceTop1Strict,
    double ForceTop1Lenient,
    double ForceTop3,
    KindScore ReporterFlags,
    double RelatedPrecision,
    double RelatedRecall,
    int RelatedPairsPredicted,
    int RelatedPairsTrue,
    double RelatedDirectPrecision,
    double RelatedDirectRecall,
    IReadOnlyDictionary<string, HintScore> Hints,
    IReadOnlyList<string> Misses)
{
    /// <summary>The figures as one flat dictionary (what the bench prints).</summary>
    public Dictionary<string, double> Figures()
    {
        var f = new Dictionary<string, double>();
        foreach (var (kind, s) in Kinds) f[$"recall_{kind}"] = Math.Round(s.Recall, 3);
        foreach (var (kind, s) in Kinds) f[$"precision_{kind}"] = Math.Round(s.Precision, 3);
        f["force_top1_strict"] = Math.Round(ForceTop1Strict, 3);
        f["force_top1_lenient"] = Math.Round(ForceTop1Lenient, 3);
        f["force_top3"] = Math.Round(ForceTop3, 3);
        f["recall_reporter_flags"] = Math.Round(ReporterFlags.Recall, 3);
        f["precision_reporter_flags"] = Math.Round(ReporterFlags.Precision, 3);
        f["related_precision"] = Math.Round(RelatedPrecision, 3);
        f["related_recall"] = Math.Round(RelatedRecall, 3);
        f["related_direct_precision"] = Math.Round(RelatedDirectPrecision, 3);
        f["related_direct_recall"] = Math.Round(RelatedDirectRecall, 3);
        foreach (var (check, h) in Hints)
        {
            f[$"hint_{check}_precision"] = Math.Round(h.Precision, 3);
            f[$"hint_{check}_recall"] = Math.Round(h.Recall, 3);
        }
        return f;
    }
}
