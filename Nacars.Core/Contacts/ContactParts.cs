namespace Nacars.Core.Contacts;

/// <summary>Details of a telephone intake call.</summary>
public sealed record CallDetails(DateTime CallStartedAtUtc, bool AnonymityStatementRead, bool InterpreterUsed, string TakenBy);

/// <summary>One threshold tick: who ticked it and when.</summary>
public sealed record ThresholdTick(string By, DateTime AtUtc);
