namespace Nacars.Core.Supervision;

public sealed record UrgentTimeliness(string Reference, string ForceCode, DateTime ReceivedAtUtc, double? MinutesToFastTimeCall);
