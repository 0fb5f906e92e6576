namespace Nacars.Core.Assistance;

/// <summary>One normalised identifier. The database side keys (or HMACs) on (Kind, NormalisedValue).</summary>
public sealed record RelatedIdentifier(string Kind, string NormalisedValue);
