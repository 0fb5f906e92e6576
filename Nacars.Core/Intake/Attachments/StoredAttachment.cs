using Nacars.Core.Contacts;

namespace Nacars.Core.Intake.Attachments;

/// <summary>A cleaned attachment at rest. <see cref="Key"/> finds it in the <see cref="IAttachmentStore"/>; keep it,
/// and the other facts, in the database.</summary>
/// <param name="Key">Random, 32 lowercase hex digits; it reveals nothing and is the only handle to the file.</param>
/// <param name="FileName">A generated name for downloads, e.g. "attachment-3f9c2a71.jpg": never the reporter's own
/// name for the file, which can identify them (their name, their phone's numbering, a date).</param>
public sealed record StoredAttachment(string Key, string FileName, CleanedAttachment Cleaned)
{
    public string ContentType => Cleaned.ContentType;
    public long Length => Cleaned.Length;
    public string Sha256 => Cleaned.Sha256;

    /// <summary>What the contact records of it.</summary>
    public ReceivedFile ForContact() => new(Key, FileName, ContentType, Cleaned.Kind, Length, Sha256, Cleaned.Width, Cleaned.Height, Cleaned.PageCount);
}
