using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Retention;

/// <summary>Gives a contact its review date in the save that decides it (and clears it if it is reopened), whichever
/// service made the decision: the retention schedule is never forgotten.</summary>
public sealed class RetentionScheduleOnSave(Microsoft.Extensions.Options.IOptions<NacarsOptions> options, TimeProvider clock) : SavingChangesHook
{
    protected override void BeforeSave(DbContext db)
    {
        if (db is not NacarsDbContext) return;
        foreach (var entry in db.ChangeTracker.Entries<Contact>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var contact = entry.Entity;
            if (entry.State == EntityState.Modified && !entry.Property(c => c.Status).IsModified) continue;
            if (contact.PurgedAtUtc is not null || contact.MinimisedAtUtc is not null) continue;
            DateTime? review = contact.IsOpen ? null : RetentionPurge.ReviewFor(options.Value.Retention, contact.Status, contact.DecidedAtUtc ?? clock.GetUtcNow().UtcDateTime);
            if (contact.ReviewAtUtc != review) entry.Property(c => c.ReviewAtUtc).CurrentValue = review;
        }
    }
}
