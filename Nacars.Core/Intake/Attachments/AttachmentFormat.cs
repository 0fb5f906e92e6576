namespace Nacars.Core.Intake.Attachments;

/// <summary>What a file is, judged by its first bytes only: the name and Content-Type the browser sent are never
/// believed (either can lie, and the name can identify the reporter).</summary>
public enum AttachmentFormat { Unknown, Jpeg, Png, WebP, Heif, Pdf }

