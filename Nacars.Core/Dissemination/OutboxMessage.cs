namespace Nacars.Core.Dissemination;

public enum OutboxState { Queued, Sending, Sent, Failed }

/// <summary>
/// A queued email with its attempts and delivery status. Written in the same transaction as the decision that
/// caused it, so a crash, a restart or an SMTP outage loses nothing. The Message-ID is fixed when the message is
/// queued, so a repeat after an unrecorded acceptance is recognisably the same email.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }
    public Guid? DisseminationId { get; private set; }
    public string? Reference { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string MessageId { get; private set; } = "";
    public string? AttachmentName { get; private set; }
    /// <summary>The PDF, encrypted at rest like the account it carries.</summary>
    public byte[]? Attachment { get; private set; }
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Which dispatcher holds the message while sending, and until when (a crashed one's lease expires).</summary>
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseExpiresAtUtc { get; private set; }

    private OutboxMessage() { }

    public OutboxMessage(Guid id, Guid? disseminationId, string? reference, string to, string subject, string body,
        string messageId, string? attachmentName, byte[]? attachment, DateTime nowUtc)
    {
        Id = id;
        DisseminationId = disseminationId;
        Reference = reference;
        To = to;
        Subject = subject;
        Body = body;
        MessageId = messageId;
        AttachmentName = attachmentName;
        Attachment = attachment;
        State = OutboxState.Queued;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    public void Lease(string owner, DateTime nowUtc, TimeSpan leaseFor)
    {
        State = OutboxState.Sending;
        LeaseOwner = owner;
        LeaseExpiresAtUtc = nowUtc + leaseFor;
        Attempts++;
    }

    public void MarkSent(DateTime nowUtc)
    {
        State = OutboxState.Sent;
        SentAtUtc = nowUtc;
        LastError = null;
        LeaseOwner = null;
        LeaseExpiresAtUtc = null;
    }

    public void RetryLater(string error, DateTime nextAttemptAtUtc)
    {
        State = OutboxState.Queued;
        LastError = error;
        NextAttemptAtUtc = nextAttemptAtUtc;
        LeaseOwner = null;
        LeaseExpiresAtUtc = null;
    }

    public void Fail(string error)
    {
        State = OutboxState.Failed;
        LastError = error;
        LeaseOwner = null;
        LeaseExpiresAtUtc = null;
    }

    /// <summary>A person asked for a failed message to be tried again.</summary>
    public void Requeue(DateTime nowUtc)
    {
        if (State != OutboxState.Failed) throw new Contacts.DomainRuleException("Only a failed message can be retried.");
        State = OutboxState.Queued;
        NextAttemptAtUtc = nowUtc;
    }
}
