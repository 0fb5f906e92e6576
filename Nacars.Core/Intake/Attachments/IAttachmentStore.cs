namespace Nacars.Core.Intake.Attachments;

/// <summary>Where cleaned attachments rest, encrypted. Only cleaned bytes are ever given to a store.</summary>
public interface IAttachmentStore
{
    /// <summary>Starts a new attachment under a fresh random key. Write the cleaned bytes to
    /// <see cref="IPendingAttachment.Content"/>, then <see cref="IPendingAttachment.CommitAsync"/>; disposed without a
    /// commit, nothing of it remains.</summary>
    Task<IPendingAttachment> CreateAsync(CancellationToken ct = default);

    /// <summary>The decrypted content as a forward-only stream (dispose it). Reading fails with
    /// <see cref="InvalidDataException"/> or a <see cref="System.Security.Cryptography.CryptographicException"/> if the file
    /// was altered or cut short.</summary>
    /// <exception cref="KeyNotFoundException">No attachment has that key (never stored, or deleted).</exception>
    Task<Stream> OpenReadAsync(string key, CancellationToken ct = default);

    /// <summary>Deletes an attachment (retention, or a report withdrawn). False when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct = default);
}

