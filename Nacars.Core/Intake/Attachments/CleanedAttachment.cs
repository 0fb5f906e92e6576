using Nacars.Core.Contacts;
namespace Nacars.Core.Intake.Attachments;

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

