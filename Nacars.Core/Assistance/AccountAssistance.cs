namespace Nacars.Core.Assistance;

/// <summary>Everything the assistance engine says about one account. Suggestions only: nothing here ticks a box or
/// changes the account.</summary>
public sealed record AccountAssistance(
    IReadOnlyList<AccountEntity> Entities,
    IReadOnlyList<ForceSuggestion> Forces,
    IReadOnlyList<ReporterFlag> ReporterFlags,
    IReadOnlyList<AssistHint> Hints);
