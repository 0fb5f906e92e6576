namespace Nacars.Core.Assistance;

/// <summary>A candidate contact's match to this one: its score and why.</summary>
public sealed record RelatedMatch(string Reference, double Score, IReadOnlyList<string> Reasons);
