using Nacars.Core.Contacts;

namespace Nacars.Core.ForceFeedback;

/// <summary>A file that came with a force's reply, cleaned as a reporter's file is and stored encrypted; or, when the
/// cleaner refused it, only the refusal (the analyst asks the force to send it another way).</summary>
public sealed class ForceReplyAttachment
{
    public Guid Id { get; private set; }
    public Guid ForceReplyId { get; private set; }
    /// <summary>The encrypted clean copy in the attachment store; null when it was refused.</summary>
    public string? StoreKey { get; private set; }
    /// <summary>A generated name ("attachment-3f9c2a71.pdf"): the sender's name is never used.</summary>
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public AttachmentKind? Kind { get; private set; }
    public long Length { get; private set; }
    public string? Refused { get; private set; }

    private ForceReplyAttachment() { }

    public static ForceReplyAttachment Stored(Guid replyId, ReceivedFile file) => new()
    {
        Id = Guid.CreateVersion7(), ForceReplyId = replyId, StoreKey = file.StoreKey, FileName = file.FileName, ContentType = file.ContentType,
        Kind = file.Kind, Length = file.Length,
    };

    public static ForceReplyAttachment Refusal(Guid replyId, string reason) => new()
    {
        Id = Guid.CreateVersion7(), ForceReplyId = replyId, FileName = "(refused)", Refused = reason,
    };
}
