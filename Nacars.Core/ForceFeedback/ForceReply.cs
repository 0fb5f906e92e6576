using Nacars.Core.Contacts;

namespace Nacars.Core.ForceFeedback;

/// <summary>
/// One message read from the service's mailbox: a force's answer to a report, or mail no one has linked yet. Recorded
/// once, whichever instance read it and however often (<see cref="Fingerprint"/> is unique). The sender, subject and
/// words are encrypted at rest: a force may name the reporter's subject, or the reporter, in its answer.
/// </summary>
public sealed class ForceReply
{
    public Guid Id { get; private set; }
    /// <summary>SHA-256 of the message as fetched (hex): the same message read twice, by two instances or after the
    /// mailbox's UIDs were reset, is recorded once.</summary>
    public string Fingerprint { get; private set; } = "";
    public DateTime ReceivedAtUtc { get; private set; }
    /// <summary>The Date header, when it had a readable one (the sender's clock, so shown but never counted).</summary>
    public DateTime? SentAtUtc { get; private set; }
    public string From { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>Why the message could not be read; null when it was.</summary>
    public string? Unreadable { get; private set; }
    public int AttachmentsLeftOut { get; private set; }
    public ReplyState State { get; private set; }
    public ReplyMatch? MatchedBy { get; private set; }
    public Guid? ContactId { get; private set; }
    public string? Reference { get; private set; }
    public Guid? DisseminationId { get; private set; }
    public string? ForceCode { get; private set; }
    /// <summary>The sender's domain is the domain of the mailbox the report went to: only such a reply acknowledges it.
    /// Anything else is shown, marked, and counts for nothing.</summary>
    public bool FromForceDomain { get; private set; }
    /// <summary>An out-of-office, autoresponder or bounce: shown, and acknowledges nothing even from the force's domain.</summary>
    public bool Automatic { get; private set; }
    /// <summary>Whether it is the force answering: from its domain, written by a person.</summary>
    public bool Acknowledges => State == ReplyState.Matched && FromForceDomain && !Automatic && Unreadable is null;
    /// <summary>Who attached or dismissed it by hand, and when.</summary>
    public string? HandledBy { get; private set; }
    public DateTime? HandledAtUtc { get; private set; }

    private readonly List<ForceReplyAttachment> _attachments = [];
    public IReadOnlyList<ForceReplyAttachment> Attachments => _attachments;

    private ForceReply() { }

    /// <param name="arrivedAtUtc">When the mailbox received it (IMAP's INTERNALDATE): acknowledgement is timed from then,
    /// not from when the service got round to reading it.</param>
    public static ForceReply Read(string fingerprint, ReadMail mail, DateTime arrivedAtUtc) => new()
    {
        Id = Guid.CreateVersion7(arrivedAtUtc), Fingerprint = fingerprint, ReceivedAtUtc = arrivedAtUtc, SentAtUtc = mail.SentAtUtc,
        From = mail.From, Subject = mail.Subject, Text = mail.Text, AttachmentsLeftOut = mail.AttachmentsLeftOut, Automatic = mail.Automatic,
        State = ReplyState.Unmatched,
    };

    public static ForceReply CouldNotRead(string fingerprint, string reason, DateTime arrivedAtUtc) => new()
    {
        Id = Guid.CreateVersion7(arrivedAtUtc), Fingerprint = fingerprint, ReceivedAtUtc = arrivedAtUtc, Unreadable = reason, State = ReplyState.Unmatched,
    };

    public void Keep(ForceReplyAttachment attachment) => _attachments.Add(attachment);

    /// <summary>Links the message to a dissemination; from the force's own domain it acknowledges the report.</summary>
    public void Match(Dissemination.DisseminationRecord to, ReplyMatch how)
    {
        State = ReplyState.Matched;
        MatchedBy = how;
        ContactId = to.ContactId;
        Reference = to.Reference;
        DisseminationId = to.Id;
        ForceCode = to.ForceCode;
        FromForceDomain = SameDomain(From, to.Recipient);
    }

    /// <summary>An analyst attaches an unmatched message to a contact's dissemination.</summary>
    public void AttachByHand(Dissemination.DisseminationRecord to, string analyst, DateTime nowUtc)
    {
        if (State != ReplyState.Unmatched) throw new DomainRuleException("Only a message on the unmatched list can be attached to a contact.");
        Match(to, ReplyMatch.ByHand);
        (HandledBy, HandledAtUtc) = (analyst, nowUtc);
    }

    public void Dismiss(string analyst, DateTime nowUtc)
    {
        if (State != ReplyState.Unmatched) throw new DomainRuleException("Only a message on the unmatched list can be dismissed.");
        (State, HandledBy, HandledAtUtc) = (ReplyState.Dismissed, analyst, nowUtc);
    }

    /// <summary>Whether <paramref name="from"/> is in the same mail domain as the force's mailbox (letter case aside).
    /// The From header is the sender's claim; the secure email network authenticates its senders, the service does not.</summary>
    public static bool SameDomain(string from, string mailbox)
    {
        var at = from.LastIndexOf('@');
        var forceAt = mailbox.LastIndexOf('@');
        return at > 0 && forceAt > 0 && from[(at + 1)..].Equals(mailbox[(forceAt + 1)..], StringComparison.OrdinalIgnoreCase);
    }
}
