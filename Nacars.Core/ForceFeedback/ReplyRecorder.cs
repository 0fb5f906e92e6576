using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Events;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Core.ForceFeedback;

/// <summary>Records one message from the service's mailbox, once: read in a limited process, its files cleaned and
/// stored encrypted, matched to the report it answers (which it acknowledges when it comes from the force's domain),
/// audited, and announced so the contact's page and the queue show it. What matches nothing waits on the unmatched list.</summary>
public sealed class ReplyRecorder(
    IDbContextFactory<NacarsDbContext> dbFactory,
    IMailReader reader,
    AttachmentIntake attachments,
    IContactNotifier notifier,
    TimeProvider clock,
    IOptions<NacarsOptions> options,
    ILogger<ReplyRecorder> logger)
{
    public const string Actor = "mailbox";
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string FingerprintOf(ReadOnlySpan<byte> raw) => Convert.ToHexStringLower(SHA256.HashData(raw));

    /// <summary>Records the message unless it already is. Returns false when it was (by this or another instance).</summary>
    public Task<bool> RecordAsync(byte[] raw, CancellationToken ct = default) => RecordAsync(raw, null, ct);

    /// <param name="arrivedAtUtc">When the mailbox received it (IMAP's INTERNALDATE); now when not known.</param>
    public Task<bool> RecordAsync(byte[] raw, DateTime? arrivedAtUtc, CancellationToken ct = default) =>
        RecordAsync(FingerprintOf(raw), () => ReadAsync(raw, ct), arrivedAtUtc, ct);

    /// <summary>A message the service will not read (too large, or failing every time): recorded, by its place in the
    /// mailbox, as one the analysts must read there.</summary>
    public Task<bool> RecordUnreadAsync(string mailboxPlace, string why, DateTime? arrivedAtUtc, CancellationToken ct = default) =>
        RecordAsync(FingerprintOf(System.Text.Encoding.UTF8.GetBytes("unread:" + mailboxPlace)), () => throw new UnreadableMailException(why), arrivedAtUtc, ct);

    private async Task<ReadMail> ReadAsync(byte[] raw, CancellationToken ct)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return await reader.ReadAsync(stream, ct);
    }

    private async Task<bool> RecordAsync(string fingerprint, Func<Task<ReadMail>> read, DateTime? arrivedAtUtc, CancellationToken ct)
    {
        if (await RecordedAsync(fingerprint, ct)) return false;
        var arrived = arrivedAtUtc is { } at && at <= Now ? at : Now;
        ReadMail? mail = null;
        string? unreadable = null;
        try { mail = await read(); }
        catch (UnreadableMailException e) { unreadable = e.Message; }
        var reply = mail is null ? ForceReply.CouldNotRead(fingerprint, unreadable ?? "could not be read", arrived) : ForceReply.Read(fingerprint, mail, arrived);
        var stored = mail is null ? [] : await KeepAttachmentsAsync(reply, mail, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var acknowledged = false;
        if (mail is not null && await ReplyMatcher.MatchAsync(db, mail, options.Value.Service.MessageIdDomain, ct) is { } match)
        {
            reply.Match(match.Record, match.How);
            acknowledged = reply.Acknowledges && await AcknowledgeAsync(db, match.Record, reply.ReceivedAtUtc, ct);
        }
        db.ForceReplies.Add(reply);
        db.AuditEvents.Add(new AuditEvent(Now, Actor, AuditActions.ForceReplyReceived, reply.Reference, Describe(reply, acknowledged)));
        try
        {
            await SaveAsync(db, reply, ct);
        }
        catch (Exception e) when (e is DbUpdateException or OperationCanceledException or System.Data.Common.DbException)
        {
            // Another instance recorded it between the check and this save (or this save went through after all): the
            // recorded copy stands. Otherwise this one's files go, and the message is read again next time.
            if (await RecordedAsync(fingerprint, CancellationToken.None)) return false;
            await attachments.DiscardAsync(stored);
            throw;
        }
        logger.LogInformation("Mailbox message recorded: {State} {MatchedBy}", reply.State, reply.MatchedBy);
        if (reply.Reference is not null)
            await notifier.PublishAsync(new ContactEvent(ContactEventKind.DisseminationStatusChanged, reply.Reference, "ForceReplied", Actor, Now));
        return true;
    }

    /// <summary>The reply, its acknowledgement and the contact's "force replied" in one transaction. The contact's mark
    /// is written beside the aggregate, not through it: a reply arriving must never make an analyst's edit of the same
    /// contact fail as "changed by someone else".</summary>
    public static async Task SaveAsync(NacarsDbContext db, ForceReply reply, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (reply.Acknowledges && reply.ContactId is { } contactId)
            await db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ForceRepliedAtUtc, reply.ReceivedAtUtc), ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<bool> RecordedAsync(string fingerprint, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ForceReplies.AnyAsync(r => r.Fingerprint == fingerprint, ct);
    }

    /// <summary>The force's first reply from its own domain acknowledges the report, timed in the force's office hours.</summary>
    public static async Task<bool> AcknowledgeAsync(NacarsDbContext db, Dissemination.DisseminationRecord record, DateTime atUtc, CancellationToken ct) =>
        record.Acknowledge(atUtc, await Forces.BankHolidayCalendar.OfficeHoursAsync(db, record.ForceCode, ct));

    /// <summary>Each file cleaned as a reporter's is, in its own limited process; a refused one is recorded as refused.</summary>
    private async Task<IReadOnlyList<StoredAttachment>> KeepAttachmentsAsync(ForceReply reply, ReadMail mail, CancellationToken ct)
    {
        var stored = new List<StoredAttachment>();
        foreach (var file in mail.Attachments)
        {
            try
            {
                using var content = new MemoryStream(file.Content, writable: false);
                var kept = await attachments.AcceptAsync(content, ct);
                stored.Add(kept);
                reply.Keep(ForceReplyAttachment.Stored(reply.Id, kept.ForContact()));
            }
            catch (AttachmentRejectedException refused)
            {
                reply.Keep(ForceReplyAttachment.Refusal(reply.Id, refused.Message));
            }
        }
        return stored;
    }

    /// <summary>The audit's words: how it was matched and from which domain, never the sender's whole address.</summary>
    private static string Describe(ForceReply reply, bool acknowledged)
    {
        var domain = reply.From.Contains('@') ? reply.From[(reply.From.LastIndexOf('@') + 1)..] : "no sender";
        if (reply.Unreadable is not null) return $"unreadable: {reply.Unreadable}";
        return reply.State == ReplyState.Matched
            ? $"from {domain}, matched by {reply.MatchedBy}{(reply.FromForceDomain ? "" : " (not the force's domain)")}{(reply.Automatic ? " (an automatic reply)" : "")}{(acknowledged ? "; acknowledged the report" : "")}"
            : $"from {domain}, unmatched";
    }
}
