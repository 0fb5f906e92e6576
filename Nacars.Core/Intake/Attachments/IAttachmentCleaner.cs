namespace Nacars.Core.Intake.Attachments;

/// <summary>Turns an upload into a clean copy, or refuses it (<see cref="AttachmentRejectedException"/>). The service
/// uses a cleaner that runs each file in a separate, limited process; the in-process <see cref="AttachmentCleaner"/> is
/// what that process runs.</summary>
public interface IAttachmentCleaner
{
    AttachmentOptions Options { get; }

    /// <summary>Cleans <paramref name="upload"/> and writes the clean copy to <paramref name="output"/>; on a refusal
    /// some bytes may already have been written (write to a pending store entry).</summary>
    /// <exception cref="AttachmentRejectedException">The file cannot be accepted; the message is for the reporter.</exception>
    Task<CleanedAttachment> CleanAsync(Stream upload, Stream output, CancellationToken ct = default);
}
