using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Core.Retention;

/// <summary>What goes with a contact that is purged or minimised, wherever the decision is made (the daily run, or a
/// supervisor closing a contact at its yearly review): the reporter's files, follow-ups, questions, identifiers and the
/// PDFs queued for its forces. The aggregate clears its own fields.</summary>
internal static class ContactForgetting
{
    /// <summary>Marks for removal, in <paramref name="db"/>'s next save, everything that goes with the contacts. Returns the
    /// files' rows, whose encrypted files are deleted after that save (<see cref="DeleteFilesAsync"/>).</summary>
    public static async Task<IReadOnlyList<ContactAttachment>> RemoveWhatGoesWithAsync(NacarsDbContext db, IReadOnlyList<Contact> contacts, bool purge, CancellationToken ct)
    {
        var ids = contacts.Select(c => c.Id).ToList();
        // The reporter's files (a photo can identify them) and the analysts' questions go with the follow-ups; the files'
        // rows first, as they point at the follow-up they came with.
        var attachments = await db.ContactAttachments.Where(a => ids.Contains(a.ContactId)).ToListAsync(ct);
        db.ContactAttachments.RemoveRange(attachments);
        db.FollowUps.RemoveRange(await db.FollowUps.Where(f => ids.Contains(f.ContactId)).ToListAsync(ct));
        db.ReporterQuestions.RemoveRange(await db.ReporterQuestions.Where(q => ids.Contains(q.ContactId)).ToListAsync(ct));
        // Purged: no identifier is left. Minimised: the officer's (collar, names, vehicle) stay for related contacts; a
        // phone, an email or a handle may be the reporter's and goes.
        var identifiers = await db.ContactIdentifiers.Where(i => ids.Contains(i.ContactId)).ToListAsync(ct);
        db.ContactIdentifiers.RemoveRange(purge ? identifiers : identifiers.Where(i => i.Kind is "rel:phone" or "rel:email" or "rel:handle"));
        // The PDFs queued for the contact's forces go too, whatever became of them (sent, failed, stuck): each is a copy
        // of the account. The rows stay as the record of the delivery.
        var references = contacts.Select(c => c.Reference).ToList();
        foreach (var message in await db.OutboxMessages.Where(m => m.Reference != null && references.Contains(m.Reference) && m.Attachment != null
                     && m.State != OutboxState.Queued && m.State != OutboxState.Sending).ToListAsync(ct))
            message.Forget();
        return attachments;
    }

    /// <summary>After the save, so a failed save never leaves a row naming a deleted file; a file that cannot be deleted
    /// stays encrypted and unreferenced, and is logged.</summary>
    public static async Task DeleteFilesAsync(IAttachmentStore store, IReadOnlyList<ContactAttachment> attachments, ILogger logger)
    {
        foreach (var attachment in attachments)
        {
            try { await store.DeleteAsync(attachment.StoreKey, CancellationToken.None); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "A reporter's file of a contact under retention could not be deleted");
            }
        }
    }
}
