namespace Nacars.Core.Triage.Assistance;

public sealed record ForceWeight(string Code, double Weight);
