using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Events;
using Nacars.Core.Staff;

namespace Nacars.Core.ForceFeedback;

/// <summary>What analysts and supervisors do with forces' answers: read them on the contact, attach or dismiss the
/// unmatched, and record outcomes. Every step checks the role here as well as on the page, and is audited.</summary>
public sealed class ForceFeedbackService(IDbContextFactory<NacarsDbContext> dbFactory, IContactNotifier notifier, TimeProvider clock,
    Intake.Attachments.IAttachmentStore attachmentStore)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The contact's replies from forces, oldest first (the contact's opening is already audited).</summary>
    public async Task<IReadOnlyList<ForceReply>> RepliesAsync(string reference, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, actor, Roles.Triage, "read a force's replies", ct);
        return await db.ForceReplies.AsNoTracking().Include(r => r.Attachments)
            .Where(r => r.Reference == reference && r.State == ReplyState.Matched).OrderBy(r => r.ReceivedAtUtc).ToListAsync(ct);
    }

    /// <summary>Mail that matched no report, newest first. Audited: the list shows senders and words.</summary>
    public async Task<IReadOnlyList<ForceReply>> UnmatchedAsync(string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, actor, Roles.Triage, "read unmatched mail", ct);
        var list = await db.ForceReplies.AsNoTracking().Include(r => r.Attachments)
            .Where(r => r.State == ReplyState.Unmatched).OrderByDescending(r => r.ReceivedAtUtc).Take(200).ToListAsync(ct);
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.UnmatchedMailViewed, null, $"{list.Count} messages listed"));
        await db.SaveChangesAsync(ct);
        return list;
    }

    /// <summary>Attaches an unmatched message to the report it is about (its latest send). From the force's own domain it
    /// acknowledges that send, as a matched reply would have.</summary>
    public async Task AttachAsync(Guid replyId, string typedReference, string actor, CancellationToken ct = default)
    {
        var reference = Reference.Normalise(typedReference) ?? throw new DomainRuleException($"'{typedReference}' is not a reference (NAC-XXXX-XXXX).");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, actor, Roles.Triage, "attach a force's email to a contact", ct);
        var reply = await db.ForceReplies.SingleOrDefaultAsync(r => r.Id == replyId, ct) ?? throw new DomainRuleException("That email is no longer on the list.");
        var record = await db.Disseminations.Where(d => d.Reference == reference).OrderByDescending(d => d.CreatedAtUtc).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException($"{reference} has not been sent to a force: only a disseminated report can have a force's reply.");
        reply.AttachByHand(record, actor, Now);
        var acknowledged = reply.Acknowledges && await ReplyRecorder.AcknowledgeAsync(db, record, reply.ReceivedAtUtc, ct);
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.ForceReplyAttached, reference,
            $"to the send to {record.ForceCode}{(reply.FromForceDomain ? "" : " (not from the force's domain)")}{(acknowledged ? "; acknowledged the report" : "")}"));
        try { await ReplyRecorder.SaveAsync(db, reply, ct); }
        catch (DbUpdateConcurrencyException) { throw Changed(); }
        await notifier.PublishAsync(new ContactEvent(ContactEventKind.DisseminationStatusChanged, reference, "ForceReplied", actor, Now));
    }

    public async Task DismissAsync(Guid replyId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, actor, Roles.Triage, "dismiss an email", ct);
        var reply = await db.ForceReplies.SingleOrDefaultAsync(r => r.Id == replyId, ct) ?? throw new DomainRuleException("That email is no longer on the list.");
        reply.Dismiss(actor, Now);
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.ForceReplyDismissed, null, $"received {UkTime.Format(reply.ReceivedAtUtc)} (UK)"));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw Changed(); }
    }

    /// <summary>Records what the force says came of a sent report. A new row each time: the history is kept.</summary>
    public async Task RecordOutcomeAsync(string reference, OutcomeKind kind, string? note, DateOnly toldOn, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, actor, Roles.Triage, "record an outcome", ct);
        var record = await db.Disseminations.AsNoTracking().Where(d => d.Reference == reference).OrderByDescending(d => d.CreatedAtUtc).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException($"{reference} has not been sent to a force: there is no outcome to record.");
        var outcome = new ForceOutcome(record.ContactId, reference, record.ForceCode, kind, note, toldOn, actor, Now);
        db.ForceOutcomes.Add(outcome);
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.OutcomeRecorded, reference,
            $"{OutcomeKinds.LabelOf(kind)}, told on {toldOn:yyyy-MM-dd} by {record.ForceCode}{(outcome.Note is null ? "" : ": " + outcome.Note)}"));
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new ContactEvent(ContactEventKind.DisseminationStatusChanged, reference, "Outcome", actor, Now));
    }

    /// <summary>The contact's outcomes, newest first: the first is the current one.</summary>
    public async Task<IReadOnlyList<ForceOutcome>> OutcomesAsync(string reference, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, actor, Roles.Triage, "read a report's outcomes", ct);
        return await db.ForceOutcomes.AsNoTracking().Where(o => o.Reference == reference).OrderByDescending(o => o.RecordedAtUtc).ToListAsync(ct);
    }

    /// <summary>A file that came with a force's email, decrypted as it streams. Audited before a byte is read.</summary>
    public async Task<OpenedReplyAttachment?> OpenAttachmentAsync(Guid attachmentId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAnyAsync(db, actor, Roles.Triage, "open a file a force sent", ct);
        var attachment = await db.ForceReplyAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.StoreKey != null, ct);
        if (attachment is null) return null;
        var reference = await db.ForceReplies.Where(r => r.Id == attachment.ForceReplyId).Select(r => r.Reference).SingleAsync(ct);
        db.AuditEvents.Add(new AuditEvent(Now, actor, AuditActions.AttachmentDownloaded, reference, $"a force's file {attachment.FileName}"));
        await db.SaveChangesAsync(ct);
        return new OpenedReplyAttachment(attachment, await attachmentStore.OpenReadAsync(attachment.StoreKey!, ct));
    }

    private static ContactChangedException Changed() =>
        new("Someone else dealt with this email a moment ago; nothing was saved. The page now shows the latest.");
}
