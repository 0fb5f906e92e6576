namespace Nacars.Core.Assistance;

/// <summary>An account read as the learned reporter check reads it, for training: its clauses and their features, the
/// rules' flags, whether a learned flag may cover each clause, and the stretch a learned flag over clauses
/// <c>first</c> to <c>last</c> would finally cover.</summary>
public sealed record ReporterClauseReading(
    IReadOnlyList<ReporterClause> Clauses,
    IReadOnlyList<List<string>> Features,
    IReadOnlyList<(int Start, int End)> RuleFlags,
    IReadOnlyList<bool> Eligible,
    Func<int, int, (int Start, int End)> LearnedSpan);
