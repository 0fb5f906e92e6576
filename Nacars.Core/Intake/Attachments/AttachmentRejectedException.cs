namespace Nacars.Core.Intake.Attachments;

/// <summary>A file that cannot be accepted, and why (<see cref="Reason"/>). What the reporter reads is said by
/// <c>ReportText.Refusal</c> from the resource files, in their language and with the limits in force; the exception's
/// own message is for the log and never repeats the file's name or content. Nothing has been stored when this is thrown.</summary>
public sealed class AttachmentRejectedException(AttachmentRejection reason, Exception? inner = null)
    : Exception($"The file was refused: {reason}.", inner)
{
    public AttachmentRejection Reason { get; } = reason;
    /// <summary>1-based position of the file in a batch (<see cref="AttachmentIntake.AcceptAllAsync"/>), so a form can say
    /// "File 2: …"; null for a single file.</summary>
    public int? FileNumber { get; init; }

    internal AttachmentRejectedException ForFile(int number) => new(Reason, InnerException) { FileNumber = number };
}
