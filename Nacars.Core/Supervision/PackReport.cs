namespace Nacars.Core.Supervision;

/// <summary>One report sent to the force in the month: its reference and what the force did with it. Nothing of the
/// account or the reporter.</summary>
public sealed record PackReport(string Reference, DateTime SentAtUtc, bool Urgent, DateTime? AcknowledgedAtUtc, double? AcknowledgeWorkingHours, string? Outcome);
