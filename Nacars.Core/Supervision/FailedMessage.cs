namespace Nacars.Core.Supervision;

public sealed record FailedMessage(Guid Id, string? Reference, string To, string? Error, int Attempts, bool Stuck = false);
