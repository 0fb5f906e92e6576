using Nacars.Core.Contacts;

namespace Nacars.Core.Dissemination;

/// <summary>One send of one information report to one force: who decided it, when, to which mailbox. A re-route is a
/// second dissemination. Whether it has been delivered is its <see cref="OutboxMessage"/>'s state, kept there only.</summary>
public sealed class DisseminationRecord
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
    /// <summary>For a re-route, the force that decided the contact and had its first send: the supervision figures
    /// count the re-route as re-routed out of that force and in to <see cref="ForceCode"/>. Null for a first send.</summary>
    public string? ReroutedFromForceCode { get; private set; }
    /// <summary>Seconds from the contact's receipt to the relay's acceptance of this send (null until then): a
    /// timeliness measure kept so supervision reads it from an index, not a copy of the delivery state.</summary>
    public int? SecondsFromReceipt { get; private set; }
    public DateTime ContactReceivedAtUtc { get; private set; }
    /// <summary>The UK month the contact was received ("2026-11"): supervision reads timeliness per force and month from
    /// an index on it.</summary>
    public string ContactReceivedMonth { get; private set; } = "";
    /// <summary>When the relay accepted it (the clock for acknowledgement and reminders starts here).</summary>
    public DateTime? DeliveredAtUtc { get; private set; }
    /// <summary>The force's first reply from its own mail domain; null until then.</summary>
    public DateTime? AcknowledgedAtUtc { get; private set; }
    /// <summary>Office minutes of the force from delivery to acknowledgement, kept so the figures need no calendar.</summary>
    public int? AcknowledgeWorkingMinutes { get; private set; }
    public DateTime? ReminderSentAtUtc { get; private set; }

    private DisseminationRecord() { }

    public DisseminationRecord(Guid id, Guid contactId, string reference, string forceCode, string recipient, DateTime nowUtc, string createdBy, string? rerouteReason,
        DateTime contactReceivedAtUtc, string? reroutedFromForceCode = null)
    {
        if ((rerouteReason is null) != (reroutedFromForceCode is null))
            throw new ArgumentException("A re-route names the force it is re-routed from; a first send does not.", nameof(reroutedFromForceCode));
        ContactReceivedAtUtc = contactReceivedAtUtc;
        ContactReceivedMonth = Months.Of(DateOnly.FromDateTime(UkTime.FromUtc(contactReceivedAtUtc)));
        Id = id;
        ContactId = contactId;
        Reference = reference;
        ForceCode = forceCode;
        Recipient = recipient;
        CreatedAtUtc = nowUtc;
        CreatedBy = createdBy;
        RerouteReason = rerouteReason;
        ReroutedFromForceCode = reroutedFromForceCode;
    }

    /// <summary>The relay accepted the report: how long it took from receipt is recorded once.</summary>
    public void Delivered(DateTime nowUtc)
    {
        SecondsFromReceipt ??= (int)Math.Max(0, (nowUtc - ContactReceivedAtUtc).TotalSeconds);
        DeliveredAtUtc ??= nowUtc;
    }

    /// <summary>The force's first reply from its own domain acknowledges the report; later ones change nothing.</summary>
    /// <returns>True when this reply was the acknowledgement.</returns>
    public bool Acknowledge(DateTime replyAtUtc, Forces.WorkingTime officeHours)
    {
        if (AcknowledgedAtUtc is not null) return false;
        AcknowledgedAtUtc = replyAtUtc;
        var from = DeliveredAtUtc ?? CreatedAtUtc;
        AcknowledgeWorkingMinutes = (int)Math.Round(officeHours.Between(from, replyAtUtc).TotalMinutes);
        return true;
    }

    /// <summary>When the force should have acknowledged by: the working time allowed after delivery.</summary>
    public DateTime AcknowledgeDueAtUtc(Forces.WorkingTime officeHours, TimeSpan allowed) => officeHours.Add(DeliveredAtUtc ?? CreatedAtUtc, allowed);

    /// <summary>Whether a reminder is due now: delivered, not acknowledged, past the time allowed, none sent yet.</summary>
    public bool NeedsReminder(DateTime nowUtc, Forces.WorkingTime officeHours, TimeSpan allowed) =>
        DeliveredAtUtc is not null && AcknowledgedAtUtc is null && ReminderSentAtUtc is null && nowUtc >= AcknowledgeDueAtUtc(officeHours, allowed);

    public void Reminded(DateTime nowUtc)
    {
        if (ReminderSentAtUtc is not null) throw new Contacts.DomainRuleException($"A reminder for {Reference} has already been sent.");
        ReminderSentAtUtc = nowUtc;
    }

    /// <summary>The Message-ID of the email that carries a send: fixed when queued, and how a force's reply finds it.</summary>
    public static string MessageIdFor(Guid disseminationId, string domain) => $"{disseminationId:N}@{domain}";

    public const string ReminderPrefix = "reminder-";

    /// <summary>The Message-ID of the reminder about a send: made from the send, so it is queued once, and a reply to it
    /// finds the send.</summary>
    public static string ReminderMessageIdFor(Guid disseminationId, string domain) => $"{ReminderPrefix}{disseminationId:N}@{domain}";

    public static DeliveryState StateOf(OutboxState? state) => state switch
    {
        OutboxState.Sent => DeliveryState.Sent,
        OutboxState.Failed => DeliveryState.Failed,
        _ => DeliveryState.Queued,
    };
}
