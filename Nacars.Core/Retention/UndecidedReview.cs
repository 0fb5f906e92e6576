using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Events;
using Nacars.Core.Intake.Attachments;
using Nacars.Core.Staff;

namespace Nacars.Core.Retention;

/// <summary>
/// The retention schedule's answer for contacts never decided: a year after arrival (or after a supervisor last kept
/// one) each is listed for a supervisor, who keeps it with a reason for another period or closes it, not disseminated,
/// and purges it at once. Both are audited; the reason is in the (encrypted) audit detail.
/// </summary>
public sealed class UndecidedReview(IDbContextFactory<NacarsDbContext> dbFactory, IOptions<NacarsOptions> options, TimeProvider clock,
    IContactNotifier notifier, IAttachmentStore attachmentStore, ILogger<UndecidedReview> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private int Months => options.Value.Retention.ReviewUndecidedAfterMonths;

    public async Task<IReadOnlyList<UndecidedContact>> DueAsync(string supervisor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAsync(db, supervisor, Roles.Supervisor, "review undecided contacts", ct);
        var now = Now;
        var arrivedBefore = now.AddMonths(-Months);
        return await db.Contacts.AsNoTracking()
            .Where(c => (c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage) && c.ReceivedAtUtc <= arrivedBefore
                && (c.KeptUndecidedUntilUtc == null || c.KeptUndecidedUntilUtc <= now))
            .OrderBy(c => c.ReceivedAtUtc)
            .Select(c => new UndecidedContact(c.Reference, c.ReceivedAtUtc, c.ForceCode, c.Status, c.ClaimedBy, c.KeptUndecidedUntilUtc))
            .Take(500).ToListAsync(ct);
    }

    public async Task KeepAsync(string reference, string reason, string supervisor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAsync(db, supervisor, Roles.Supervisor, "keep an undecided contact", ct);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Say why the contact is kept undecided.");
        var contact = await FindAsync(db, reference, ct);
        var until = Now.AddMonths(Months);
        contact.KeepUndecided(until);
        db.AuditEvents.Add(new AuditEvent(Now, supervisor, AuditActions.KeptUndecided, reference, $"kept until {until:yyyy-MM-dd}: {reason.Trim()}"));
        await SaveAsync(db, reference, ct);
    }

    public async Task CloseAndPurgeAsync(string reference, string supervisor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAsync(db, supervisor, Roles.Supervisor, "close and purge an undecided contact", ct);
        var contact = await FindAsync(db, reference, ct);
        var now = Now;
        contact.CloseAtRetentionReview(supervisor, now);
        contact.Purge(now);
        var attachments = await ContactForgetting.RemoveWhatGoesWithAsync(db, [contact], purge: true, ct);
        db.AuditEvents.Add(new AuditEvent(now, supervisor, AuditActions.ClosedAtReview, reference, "closed undecided at the yearly review and purged"));
        await SaveAsync(db, reference, ct);
        await ContactForgetting.DeleteFilesAsync(attachmentStore, attachments, logger);
        await notifier.PublishAsync(new ContactEvent(ContactEventKind.ContactDecided, reference, contact.Status.ToString(), supervisor, now));
    }

    private static async Task<Contact> FindAsync(NacarsDbContext db, string reference, CancellationToken ct) =>
        await db.Contacts.SingleOrDefaultAsync(c => c.Reference == reference, ct) ?? throw new DomainRuleException($"There is no contact {reference}.");

    private static async Task SaveAsync(NacarsDbContext db, string reference, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new ContactChangedException($"Someone changed {reference} a moment ago. Check the latest and try again.");
        }
    }
}
