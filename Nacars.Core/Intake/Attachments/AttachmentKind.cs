namespace Nacars.Core.Intake.Attachments;

public enum AttachmentKind { Picture, Pdf }
