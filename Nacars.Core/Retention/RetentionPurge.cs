using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;
using Npgsql;

namespace Nacars.Core.Retention;

/// <summary>
/// The retention schedule: each decided contact carries a review date; a daily run purges contacts not disseminated,
/// minimises disseminated ones, deletes stale drafts, expires follow-up codes, takes sent PDFs out of the outbox and
/// erases the words of the audit events of the contacts it forgot (their seals still verify).
/// Changes go through the aggregate and the change tracker, so the supervision figures (running totals of counted
/// columns, which a purge never changes) stay exactly as they were. Then the old words are made to leave the file
/// (SQLite: secure_delete on every connection and a WAL checkpoint, with no VACUUM holding the write lock; PostgreSQL: VACUUM).
/// </summary>
public sealed class RetentionPurge(IDbContextFactory<NacarsDbContext> dbFactory, IOptions<NacarsOptions> options, TimeProvider clock, ILogger<RetentionPurge> logger,
    Intake.Attachments.IAttachmentStore attachmentStore, AuditChain auditChain)
{
    private const long RetentionLockId = 0x4E4143524554; // "NACRET"
    private RetentionOptions Retention => options.Value.Retention;

    /// <summary>The review date a contact decided at <paramref name="decidedAtUtc"/> gets.</summary>
    public static DateTime ReviewFor(RetentionOptions retention, ContactStatus decision, DateTime decidedAtUtc) => decision switch
    {
        ContactStatus.Disseminated => decidedAtUtc.AddMonths(retention.MinimiseDisseminatedAfterMonths),
        ContactStatus.NotDisseminated => decidedAtUtc.AddMonths(retention.PurgeNotDisseminatedAfterMonths),
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Only a decided contact has a review date."),
    };

    /// <summary>One run. On PostgreSQL only one instance runs at a time (an advisory lock); another instance that finds
    /// the lock held does nothing and returns null.</summary>
    public async Task<RetentionResult?> RunAsync(CancellationToken ct = default)
    {
        await using var lockDb = await dbFactory.CreateDbContextAsync(ct);
        var postgres = lockDb.Database.IsNpgsql();
        if (postgres)
        {
            await lockDb.Database.OpenConnectionAsync(ct);
            var got = await lockDb.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({RetentionLockId}) AS \"Value\"").SingleAsync(ct);
            if (!got) return null;
        }
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var result = new RetentionResult(
                await ReviewContactsAsync(now, ct, purge: true),
                await ReviewContactsAsync(now, ct, purge: false),
                await DeleteDraftsAsync(now, ct),
                await ExpireFollowUpCodesAsync(now, ct),
                await RemoveSentReportsAsync(now, ct),
                await auditChain.EraseDetailsOfForgottenContactsAsync(ct));
            await ForgetStaffSessionsAsync(now, ct);
            await ForgetDismissedMailAsync(now, ct);
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                db.AuditEvents.Add(new AuditEvent(now, "retention", AuditActions.RetentionRun, null, result.ToString()));
                await db.SaveChangesAsync(ct);
            }
            await CompactAsync(postgres, ct);
            logger.LogInformation("Retention run: {Result}", result);
            return result;
        }
        finally
        {
            if (postgres)
            {
                try { await lockDb.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({RetentionLockId})", ct); }
                catch (NpgsqlException) { /* the session ends below, which releases it */ }
            }
        }
    }

    /// <summary>Contacts due for review, a batch at a time, through the aggregate (so the figures are untouched and a
    /// concurrent edit wins: the next run tries again). Their follow-ups and identifier hashes go with them.</summary>
    private async Task<int> ReviewContactsAsync(DateTime now, CancellationToken ct, bool purge)
    {
        var status = purge ? ContactStatus.NotDisseminated : ContactStatus.Disseminated;
        var done = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var due = await db.Contacts.Where(c => c.ReviewAtUtc != null && c.ReviewAtUtc <= now && c.Status == status)
                .OrderBy(c => c.ReviewAtUtc).Take(200).ToListAsync(ct);
            if (due.Count == 0) return done;
            foreach (var contact in due)
            {
                if (purge) contact.Purge(now);
                else contact.Minimise(now);
            }
            var attachments = await ContactForgetting.RemoveWhatGoesWithAsync(db, due, purge, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                done += due.Count;
                await ContactForgetting.DeleteFilesAsync(attachmentStore, attachments, logger);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("A contact changed while retention reviewed it; the next run will try again");
                return done;
            }
        }
    }

    private async Task<int> DeleteDraftsAsync(DateTime now, CancellationToken ct)
    {
        var before = now.AddDays(-Retention.DraftsExpireAfterDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A form's receipt only has to outlive a reload or a retry of the same post: a day is plenty.
        var receiptsBefore = now.AddDays(-1);
        await db.SubmissionReceipts.Where(r => r.ReceivedAtUtc < receiptsBefore).ExecuteDeleteAsync(ct);
        return await db.IntakeDrafts.Where(d => d.UpdatedAtUtc < before).ExecuteDeleteAsync(ct);
    }

    /// <summary>Sessions left open by a browser that was simply closed are ended once idle (their tickets go), and
    /// ended sessions are forgotten after a month: the audit keeps who signed in and out.</summary>
    private async Task ForgetStaffSessionsAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var idleSince = now.AddMinutes(-options.Value.Security.IdleTimeoutMinutes);
        foreach (var idle in await db.StaffSessions.Where(s => s.EndedAtUtc == null && s.LastSeenAtUtc < idleSince).ToListAsync(ct))
            idle.End(now, "idle");
        await db.SaveChangesAsync(ct);
        var forgetBefore = now.AddDays(-30);
        await db.StaffSessions.Where(s => s.EndedAtUtc != null && s.EndedAtUtc < forgetBefore).ExecuteDeleteAsync(ct);
    }

    /// <summary>Mail dismissed as about no contact goes, with its files, after <see cref="RetentionOptions.DismissedMailExpiresAfterDays"/>.</summary>
    private async Task ForgetDismissedMailAsync(DateTime now, CancellationToken ct)
    {
        var before = now.AddDays(-options.Value.Retention.DismissedMailExpiresAfterDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dismissed = await db.ForceReplies.Include(r => r.Attachments)
            .Where(r => r.State == ForceFeedback.ReplyState.Dismissed && r.HandledAtUtc < before).ToListAsync(ct);
        if (dismissed.Count == 0) return;
        db.ForceReplies.RemoveRange(dismissed);
        await db.SaveChangesAsync(ct);
        await ContactForgetting.DeleteFilesAsync(attachmentStore, [.. dismissed.SelectMany(r => r.Attachments).Select(a => a.StoreKey).OfType<string>()], logger);
    }

    private async Task<int> ExpireFollowUpCodesAsync(DateTime now, CancellationToken ct)
    {
        var before = now.AddMonths(-Retention.FollowUpCodesExpireAfterMonths);
        var done = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var due = await db.Contacts.Where(c => c.ReceivedAtUtc < before && c.FollowUpCodeHash != null).Take(500).ToListAsync(ct);
            if (due.Count == 0) return done;
            foreach (var contact in due) contact.ExpireFollowUpCode();
            try { await db.SaveChangesAsync(ct); done += due.Count; }
            catch (DbUpdateConcurrencyException) { return done; }
        }
    }

    private async Task<int> RemoveSentReportsAsync(DateTime now, CancellationToken ct)
    {
        var before = now.AddDays(-Retention.SentReportsLeaveOutboxAfterDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The queued copy of what was sent: its attachment and body go; the row stays as the delivery record.
        return await db.OutboxMessages.Where(m => m.State == OutboxState.Sent && m.SentAtUtc < before && m.Attachment != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attachment, (byte[]?)null).SetProperty(m => m.Body, ""), ct);
    }

    /// <summary>The old words must leave the file, not only the rows. On SQLite every connection has secure_delete on,
    /// so deleted and overwritten content is zeroed in its page as it goes; what remains is the write-ahead log's older
    /// copies of those pages, which a checkpoint writes back and truncates. No VACUUM: it rewrote the whole file under
    /// the write lock, and a report posted meanwhile was told the service was unavailable. (The file does not shrink;
    /// its free pages are reused.) On PostgreSQL a plain VACUUM, which takes no lock that stops writes.</summary>
    private async Task CompactAsync(bool postgres, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(3600);
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM \"Contacts\", \"FollowUps\", \"ReporterQuestions\", \"ContactAttachments\", \"ContactIdentifiers\", \"OutboxMessages\", \"ForceReplies\", \"ForceOutcomes\", \"IntakeDrafts\", \"AuditEvents\"", ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
    }
}

