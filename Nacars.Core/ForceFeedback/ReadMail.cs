namespace Nacars.Core.ForceFeedback;

/// <summary>A message from the service's mailbox as a limited child process read it: only what matching and showing it
/// need. The web process never parses a message itself (<see cref="IMailReader"/>).</summary>
/// <param name="MessageId">Its own Message-ID, without angle brackets; null when it has none.</param>
/// <param name="Threads">The Message-IDs it answers: In-Reply-To first, then References (newest first), without brackets.</param>
/// <param name="From">The sender's address only (no display name), lower case; "" when there is none.</param>
/// <param name="Text">The plain text (from text/plain, or an HTML part reduced to its text), at most <see cref="MaxTextLength"/> characters.</param>
/// <param name="AttachmentsLeftOut">Attachments past the count or size allowed, named in the text the analyst sees.</param>
/// <param name="Automatic">An out-of-office, autoresponder or bounce: shown, never an acknowledgement.</param>
public sealed record ReadMail(
    string? MessageId, IReadOnlyList<string> Threads, string From, string Subject, DateTime? SentAtUtc, string Text,
    IReadOnlyList<ReadMailAttachment> Attachments, int AttachmentsLeftOut, bool Automatic = false)
{
    public const int MaxTextLength = 20_000;
}
