using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Core.Retention;

/// <summary>What goes with a contact that is purged or minimised, wherever the decision is made (the daily run, or a
/// supervisor closing a contact at its yearly review): the reporter's files, follow-ups, questions, identifiers, the
/// PDFs queued for its forces, and the forces' emails about it (they may name the reporter) with their files and the
/// notes of its outcomes. What the figures count stays: acknowledgement times and outcome kinds. The aggregate clears
/// its own fields.</summary>
internal static class ContactForgetting
{
    /// <summary>Marks for removal, in <paramref name="db"/>'s next save, everything that goes with the contacts. Returns the
    /// store keys of the files, which are deleted after that save (<see cref="DeleteFilesAsync"/>).</summary>
    public static async Task<IReadOnlyList<string>> RemoveWhatGoesWithAsync(NacarsDbContext db, IReadOnlyList<Contact> contacts, bool purge, CancellationToken ct)
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
        var replies = await db.ForceReplies.Include(r => r.Attachments).Where(r => r.ContactId != null && ids.Contains(r.ContactId.Value)).ToListAsync(ct);
        db.ForceReplies.RemoveRange(replies);
        foreach (var outcome in await db.ForceOutcomes.Where(o => ids.Contains(o.ContactId) && o.Note != null).ToListAsync(ct)) outcome.Forget();
        return [.. attachments.Select(a => a.StoreKey), .. replies.SelectMany(r => r.Attachments).Select(a => a.StoreKey).OfType<string>()];
    }

    /// <summary>After the save, so a failed save never leaves a row naming a deleted file; a file that cannot be deleted
    /// stays encrypted and unreferenced, and is logged.</summary>
    public static async Task DeleteFilesAsync(IAttachmentStore store, IReadOnlyList<string> storeKeys, ILogger logger)
    {
        foreach (var key in storeKeys)
        {
            try { await store.DeleteAsync(key, CancellationToken.None); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "A file of a contact under retention (the reporter's or a force's) could not be deleted");
            }
        }
    }
}
