namespace Nacars.Core.ForceFeedback;

/// <summary>How a message from the mailbox was linked to a dissemination.</summary>
public enum ReplyMatch
{
    /// <summary>Its In-Reply-To or References name the Message-ID we sent: the strongest link.</summary>
    Thread,
    /// <summary>Its subject carries a reference we sent to the sender's force.</summary>
    Subject,
    /// <summary>An analyst attached it from the unmatched list.</summary>
    ByHand,
}
