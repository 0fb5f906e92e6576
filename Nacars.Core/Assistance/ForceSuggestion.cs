namespace Nacars.Core.Assistance;

/// <summary>A force the account is probably for, with the evidence ("Hanley → Staffordshire Police").</summary>
public sealed record ForceSuggestion(string Code, string Name, double Score, string Why);
