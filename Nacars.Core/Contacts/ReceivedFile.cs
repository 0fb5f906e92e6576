namespace Nacars.Core.Contacts;

/// <summary>A reporter's file as the contact records it, once cleaned and stored (by Intake): the store's key, a
/// generated name, and the facts an analyst sees. Nothing of the reporter's own name for the file.</summary>
public sealed record ReceivedFile(string StoreKey, string FileName, string ContentType, AttachmentKind Kind, long Length, string Sha256,
    int? Width, int? Height, int? PageCount);
