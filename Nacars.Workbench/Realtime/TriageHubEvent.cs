namespace Nacars.Workbench.Realtime;

/// <summary>What a hub client receives.</summary>
public sealed record TriageHubEvent(string Kind, string Reference, string Status, DateTime AtUtc);
