namespace Nacars.Core.Dissemination;

/// <summary>One dissemination as the contact page shows it: the decision's record joined to its message's delivery state.</summary>
public sealed record Delivery(Guid DisseminationId, Guid? OutboxMessageId, string ForceCode, string Recipient, DeliveryState State,
    string? FailureReason, int Attempts, DateTime CreatedAtUtc, DateTime? SentAtUtc, string? RerouteReason, bool Stuck = false,
    DateTime? AcknowledgedAtUtc = null, int? AcknowledgeWorkingMinutes = null, DateTime? ReminderSentAtUtc = null);
