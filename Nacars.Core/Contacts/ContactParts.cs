namespace Nacars.Core.Contacts;

/// <summary>Details of a telephone intake call.</summary>
public sealed record CallDetails(DateTime CallStartedAtUtc, bool AnonymityStatementRead, bool InterpreterUsed, string TakenBy);

/// <summary>The record of the phone call to the force's fast-time contact for an urgent contact.</summary>
public sealed record FastTimeCall(DateTime CalledAtUtc, string NumberCalled, string PersonSpokenTo, string Outcome, string LoggedBy);

/// <summary>One threshold tick: who ticked it and when.</summary>
public sealed record ThresholdTick(string By, DateTime AtUtc);

/// <summary>What an analyst decided about one detail the sanitisation guard flagged: redacted, or kept with a reason.</summary>
public sealed record ReporterFlagDecision(string FlagId, bool Kept, string? Reason, string By, DateTime AtUtc);
