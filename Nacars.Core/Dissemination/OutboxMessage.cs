namespace Nacars.Core.Dissemination;

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
    /// <summary>The Message-ID this one answers (a reminder in the report's thread); null for a new thread.</summary>
    public string? InReplyTo { get; private set; }
    /// <summary>Made by the service, not on a person's decision (a reminder, a monthly pack, a summary): it carries
    /// Auto-Submitted: auto-generated, so an out-of-office at the other end does not answer it (RFC 3834).</summary>
    public bool AutoSubmitted { get; private set; }
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
        string messageId, string? attachmentName, byte[]? attachment, DateTime nowUtc, string? inReplyTo = null, bool autoSubmitted = false)
    {
        InReplyTo = inReplyTo;
        AutoSubmitted = autoSubmitted;
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

    /// <summary>A copy as loaded, to record an outcome against (attached unchanged, so only what changes is written).</summary>
    internal OutboxMessage CopyAsClaimed() => (OutboxMessage)MemberwiseClone();

    /// <summary>Retention: the copy of the report (its PDF and body) goes; the row stays as the delivery's record.
    /// A message whose copy is gone is never sent again.</summary>
    public void Forget()
    {
        Attachment = null;
        Body = "";
        if (State is OutboxState.Failed or OutboxState.Stuck) State = OutboxState.Failed;
        LastError ??= "removed under the retention schedule";
    }

    /// <summary>The dispatcher renewed its lease in the database (a long batch on a slow relay); the copy it holds
    /// follows, so its outcome is recorded against the lease it now has.</summary>
    internal void LeaseRenewed(DateTime untilUtc) => LeaseExpiresAtUtc = untilUtc;

    /// <summary>What the dispatcher's claim does in SQL (for a batch at once), as a move on one message.</summary>
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

    /// <summary>A transient failure: try again at <paramref name="nextAttemptAtUtc"/>. Past the attempts allowed it is
    /// stuck, which is not giving up: it is retried at the slowest interval until it goes or a person acts.</summary>
    /// <returns>True the moment it becomes stuck (the one time to raise the alarm).</returns>
    public bool RetryLater(string error, DateTime nextAttemptAtUtc, int maxAttempts)
    {
        var becameStuck = State != OutboxState.Stuck && Attempts >= maxAttempts;
        State = Attempts >= maxAttempts ? OutboxState.Stuck : OutboxState.Queued;
        LastError = error;
        NextAttemptAtUtc = nextAttemptAtUtc;
        LeaseOwner = null;
        LeaseExpiresAtUtc = null;
        return becameStuck;
    }

    public void Fail(string error)
    {
        State = OutboxState.Failed;
        LastError = error;
        LeaseOwner = null;
        LeaseExpiresAtUtc = null;
    }

    /// <summary>A supervisor sends a document again (a force's monthly pack) under the same Message-ID, with its content as
    /// it is now, to the force's mailbox as it is now, whatever became of the first send.</summary>
    public void SendAgain(string currentMailbox, byte[] attachment, DateTime nowUtc)
    {
        if (State == OutboxState.Sending) throw new Contacts.DomainRuleException("This message is being sent at this moment; try again in a minute.");
        (To, Attachment, State, Attempts, LastError, NextAttemptAtUtc) = (currentMailbox, attachment, OutboxState.Queued, 0, null, nowUtc);
    }

    /// <summary>A person asked for a failed or stuck message to be tried again: from the first attempt, to the address
    /// the force has now (a corrected mailbox is the usual fix).</summary>
    public void Requeue(string currentMailbox, DateTime nowUtc)
    {
        if (State is not (OutboxState.Failed or OutboxState.Stuck)) throw new Contacts.DomainRuleException("Only a failed or stuck message can be retried.");
        if (Attachment is null && AttachmentName is not null) throw new Contacts.DomainRuleException("This report was removed under the retention schedule and cannot be sent again.");
        if (string.IsNullOrWhiteSpace(currentMailbox)) throw new Contacts.DomainRuleException("The force has no nominated mailbox to send to. Ask an admin to add it first.");
        To = currentMailbox;
        State = OutboxState.Queued;
        Attempts = 0;
        LastError = null;
        NextAttemptAtUtc = nowUtc;
    }
}
