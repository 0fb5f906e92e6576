namespace Nacars.Core.Intake.Attachments;

public enum AttachmentKind { Picture, Pdf }

/// <summary>What the cleaner wrote: the facts to keep alongside the stored file. Nothing here comes from the reporter's
/// file name or the browser's Content-Type.</summary>
/// <param name="SourceFormat">What the upload was (by content): a WebP comes out as a JPEG or PNG.</param>
/// <param name="ContentType">MIME type of the cleaned bytes: image/jpeg, image/png or application/pdf.</param>
/// <param name="Extension">".jpg", ".png" or ".pdf", from the cleaned content, never the reporter's name.</param>
/// <param name="Length">Cleaned bytes.</param>
/// <param name="Sha256">SHA-256 of the cleaned bytes, lowercase hex: a fingerprint for integrity and audit.</param>
/// <param name="Width">Pixels, after the photo's orientation was applied; null for a PDF.</param>
/// <param name="Height">Pixels, after orientation; null for a PDF.</param>
/// <param name="PageCount">Pages of a PDF; null for a picture.</param>
public sealed record CleanedAttachment(AttachmentKind Kind, AttachmentFormat SourceFormat, string ContentType, string Extension,
    long Length, string Sha256, int? Width, int? Height, int? PageCount);

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
}
