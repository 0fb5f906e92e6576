namespace Nacars.Core.ForceFeedback;

public enum ReplyState
{
    /// <summary>Linked to a dissemination (by its thread or the reference in the subject, or by an analyst).</summary>
    Matched,
    /// <summary>On the "unmatched mail" list until an analyst attaches it to a contact or dismisses it.</summary>
    Unmatched,
    /// <summary>An analyst decided it belongs to no contact (spam, an out-of-office, a misdirected email).</summary>
    Dismissed,
}
