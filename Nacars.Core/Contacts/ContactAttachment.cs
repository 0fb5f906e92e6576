namespace Nacars.Core.Contacts;

/// <summary>A cleaned copy of a file the reporter attached: the facts the cleaner established and the key of the
/// encrypted copy in the attachment store. Nothing here comes from the reporter's own file name or their browser.</summary>
public sealed class ContactAttachment
{
    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    /// <summary>The follow-up it came with; null when it came with the report itself.</summary>
    public long? FollowUpId { get; private set; }
    internal FollowUp? FollowUp { get; private set; }
    /// <summary>The handle of the encrypted clean copy in <see cref="Intake.Attachments.IAttachmentStore"/>.</summary>
    public string StoreKey { get; private set; } = "";
    /// <summary>A generated name for downloads ("attachment-3f9c2a71.jpg").</summary>
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public Intake.Attachments.AttachmentKind Kind { get; private set; }
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public int? PageCount { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    /// <summary>The analyst chose to put this picture in the information report, on a page of its own.</summary>
    public bool IncludeInReport { get; internal set; }

    public bool IsPicture => Kind == Intake.Attachments.AttachmentKind.Picture;

    private ContactAttachment() { }

    internal ContactAttachment(Guid contactId, Intake.Attachments.StoredAttachment stored, DateTime receivedAtUtc, FollowUp? followUp)
    {
        Id = Guid.CreateVersion7(receivedAtUtc);
        ContactId = contactId;
        FollowUp = followUp;
        StoreKey = stored.Key;
        FileName = stored.FileName;
        ContentType = stored.ContentType;
        Kind = stored.Cleaned.Kind;
        Length = stored.Length;
        Sha256 = stored.Sha256;
        Width = stored.Cleaned.Width;
        Height = stored.Cleaned.Height;
        PageCount = stored.Cleaned.PageCount;
        ReceivedAtUtc = receivedAtUtc;
    }
}
