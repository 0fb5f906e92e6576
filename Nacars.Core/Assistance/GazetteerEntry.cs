namespace Nacars.Core.Assistance;

/// <summary>One gazetteer row.</summary>
public sealed record GazetteerEntry(string Name, PlaceKind Kind, IReadOnlyList<ForceWeight> Forces, bool CapitalOnly);
