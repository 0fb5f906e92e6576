namespace Nacars.Core.Supervision;

public sealed record AnalystDay(string Analyst, DateOnly Day, int Decisions);
