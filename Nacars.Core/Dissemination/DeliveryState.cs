namespace Nacars.Core.Dissemination;

/// <summary>How a delivery reads on the contact page (its OutboxMessage holds the detail, including Stuck, shown as
/// Queued because it is still being retried).</summary>
public enum DeliveryState { Queued, Sent, Failed }
