using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Dissemination;

namespace Nacars.Core.Forces;

/// <summary>Admins keep the force directory right. Every change is audited with what changed.</summary>
public sealed class ForceAdministration(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<Force>> AllAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Forces.AsNoTracking().OrderBy(f => f.Code == Contact.UnknownForce).ThenBy(f => f.Name).ToListAsync(ct);
    }

    public async Task UpdateAsync(string code, ForceChange change, string admin, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Staff.StaffRoles.RequireAsync(db, admin, Staff.Roles.Admin, "change the force directory", ct);
        var force = await db.Forces.SingleOrDefaultAsync(f => f.Code == code, ct) ?? throw new DomainRuleException($"There is no force '{code}'.");
        // A force with open contacts or queued mail must keep a mailbox to send to.
        var hasContactsToSend = await db.Contacts.AnyAsync(c => c.ForceCode == code && (c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage), ct)
            || await db.Disseminations.AnyAsync(d => d.ForceCode == code
                && db.OutboxMessages.Any(m => m.DisseminationId == d.Id && m.State != OutboxState.Sent), ct);
        var before = $"{force.NominatedMailbox}|{force.FastTimeInHours}|{force.FastTimeOutOfHours}|{force.OfficeOpens}-{force.OfficeCloses}";
        force.Update(change.NominatedMailbox, change.FastTimeInHours, change.FastTimeOutOfHours, change.OfficeOpens, change.OfficeCloses, hasContactsToSend);
        var after = $"{force.NominatedMailbox}|{force.FastTimeInHours}|{force.FastTimeOutOfHours}|{force.OfficeOpens}-{force.OfficeCloses}";
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, admin, AuditActions.ForceUpdated, null, $"{code}: {before} -> {after}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ContactChangedException($"Someone else changed {force.Name} a moment ago. Check the latest and try again.");
        }
    }
}
