namespace Nacars.Core.LiveFloor;

public sealed record AnalystWork(string Analyst, IReadOnlyList<OpenContact> Contacts);
