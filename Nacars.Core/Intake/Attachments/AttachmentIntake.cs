namespace Nacars.Core.Intake.Attachments;

/// <summary>
/// The one call a form handler needs: clean an upload and store the clean copy encrypted, all or nothing. The original
/// is held in memory only while it is cleaned, and never written anywhere in the clear.
/// </summary>
public sealed class AttachmentIntake(IAttachmentCleaner cleaner, IAttachmentStore store)
{
    public AttachmentOptions Options => cleaner.Options;

    /// <summary>Refuses a batch with more files than allowed, before any is read.</summary>
    /// <exception cref="AttachmentRejectedException">Too many files.</exception>
    public void EnsureFileCount(int files)
    {
        if (files > Options.MaxFiles)
            throw new AttachmentRejectedException(AttachmentRejection.TooManyFiles);
    }

    /// <summary>Cleans one upload and stores it. Nothing is stored if it is refused.</summary>
    /// <exception cref="AttachmentRejectedException">The file cannot be accepted; the message is for the reporter.</exception>
    public async Task<StoredAttachment> AcceptAsync(Stream upload, CancellationToken ct = default)
    {
        await using var pending = await store.CreateAsync(ct);
        var cleaned = await cleaner.CleanAsync(upload, pending.Content, ct);
        await pending.CommitAsync(ct);
        return new StoredAttachment(pending.Key, $"attachment-{pending.Key[..8]}{cleaned.Extension}", cleaned);
    }

    /// <summary>Cleans and stores every upload of a report or follow-up, or none: if one is refused, those already
    /// stored are deleted and the refusal says which file (<see cref="AttachmentRejectedException.FileNumber"/>).</summary>
    public async Task<IReadOnlyList<StoredAttachment>> AcceptAllAsync(IReadOnlyList<Stream> uploads, CancellationToken ct = default)
    {
        EnsureFileCount(uploads.Count);
        var stored = new List<StoredAttachment>(uploads.Count);
        try
        {
            for (var i = 0; i < uploads.Count; i++)
            {
                try
                {
                    stored.Add(await AcceptAsync(uploads[i], ct));
                }
                catch (AttachmentRejectedException rejected)
                {
                    throw rejected.ForFile(i + 1);
                }
            }
            return stored;
        }
        catch
        {
            await DiscardAsync(stored);
            throw;
        }
    }

    /// <summary>Deletes clean copies whose report or follow-up was not saved after all. Returns how many could not be
    /// deleted (they stay encrypted and unreferenced).</summary>
    public async Task<int> DiscardAsync(IReadOnlyList<StoredAttachment> stored)
    {
        var left = 0;
        foreach (var file in stored)
        {
            try { await store.DeleteAsync(file.Key, CancellationToken.None); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { left++; }
        }
        return left;
    }
}

