namespace Nacars.Core.Assistance;

public sealed record ForceWeight(string Code, double Weight);
