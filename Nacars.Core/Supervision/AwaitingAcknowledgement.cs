namespace Nacars.Core.Supervision;

/// <summary>A sent report the force has not acknowledged, for supervisors: past its reminder, or urgent on the wallboard.</summary>
public sealed record AwaitingAcknowledgement(string Reference, string ForceCode, bool Urgent, DateTime SentAtUtc, DateTime? ReminderSentAtUtc);
