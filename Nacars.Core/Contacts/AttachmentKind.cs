namespace Nacars.Core.Contacts;

/// <summary>What a reporter's file is, as cleaned: a photo (re-encoded) or a PDF (rebuilt).</summary>
public enum AttachmentKind { Picture, Pdf }
