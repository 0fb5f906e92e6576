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
    /// <summary>The handle of the encrypted clean copy in the attachment store.</summary>
    public string StoreKey { get; private set; } = "";
    /// <summary>A generated name for downloads ("attachment-3f9c2a71.jpg").</summary>
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public AttachmentKind Kind { get; private set; }
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public int? PageCount { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    /// <summary>The analyst chose to put this picture in the information report, on a page of its own.</summary>
    public bool IncludeInReport { get; internal set; }

    public bool IsPicture => Kind == AttachmentKind.Picture;

    private ContactAttachment() { }

    internal ContactAttachment(Guid contactId, ReceivedFile stored, DateTime receivedAtUtc, FollowUp? followUp)
    {
        Id = Guid.CreateVersion7(receivedAtUtc);
        ContactId = contactId;
        FollowUp = followUp;
        StoreKey = stored.StoreKey;
        FileName = stored.FileName;
        ContentType = stored.ContentType;
        Kind = stored.Kind;
        Length = stored.Length;
        Sha256 = stored.Sha256;
        Width = stored.Width;
        Height = stored.Height;
        PageCount = stored.PageCount;
        ReceivedAtUtc = receivedAtUtc;
    }
}
