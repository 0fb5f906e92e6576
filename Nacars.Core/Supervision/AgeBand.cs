namespace Nacars.Core.Supervision;

public sealed record AgeBand(string Label, int Count);
