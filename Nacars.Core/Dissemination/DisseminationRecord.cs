namespace Nacars.Core.Dissemination;

public enum DeliveryState { Queued, Sent, Failed }

/// <summary>One send of one information report to one force. A re-route is a second dissemination.</summary>
public sealed class Dissemination
{
    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public string Reference { get; private set; } = "";
    public string ForceCode { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";
    /// <summary>Why it was re-routed; null for the first dissemination.</summary>
    public string? RerouteReason { get; private set; }
    public DeliveryState State { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public string? FailureReason { get; private set; }
    /// <summary>Seconds from the contact's receipt to this send, kept so timeliness is a database aggregate.</summary>
    public int? SecondsFromReceipt { get; private set; }
    public DateTime ContactReceivedAtUtc { get; private set; }

    private Dissemination() { }

    public Dissemination(Guid id, Guid contactId, string reference, string forceCode, string recipient, DateTime nowUtc, string createdBy, string? rerouteReason, DateTime contactReceivedAtUtc)
    {
        ContactReceivedAtUtc = contactReceivedAtUtc;
        Id = id;
        ContactId = contactId;
        Reference = reference;
        ForceCode = forceCode;
        Recipient = recipient;
        CreatedAtUtc = nowUtc;
        CreatedBy = createdBy;
        RerouteReason = rerouteReason;
        State = DeliveryState.Queued;
    }

    public void MarkSent(DateTime nowUtc)
    {
        State = DeliveryState.Sent;
        SentAtUtc = nowUtc;
        FailureReason = null;
        SecondsFromReceipt = (int)Math.Max(0, (nowUtc - ContactReceivedAtUtc).TotalSeconds);
    }
    public void MarkFailed(string reason) { State = DeliveryState.Failed; FailureReason = reason; }
    public void MarkQueued() { State = DeliveryState.Queued; FailureReason = null; }
}
