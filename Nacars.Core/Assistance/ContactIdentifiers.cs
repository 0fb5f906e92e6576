using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Assistance;

/// <summary>
/// Keeps each contact's <see cref="ContactIdentifier"/> hashes in step with the contact, in the same save: the subject's
/// number and surname (for search) and the identifiers another contact about the same officer would share (for related
/// contacts: a collar number in a force, a registration, a phone, a handle …). The services that receive a contact or
/// change its subject, force or account, or add a follow-up, call <see cref="KeepInStepAsync"/> just before they save:
/// the recognisers run there, in the service, not inside SaveChanges. Retention deletes a forgotten contact's rows
/// itself (ContactForgetting).
/// </summary>
public sealed class ContactIdentifiers(IdentifierHasher hasher)
{
    /// <summary>Adds, and for changed contacts rewrites, the identifier rows of the contacts this context is about to save.</summary>
    public async Task KeepInStepAsync(NacarsDbContext db, CancellationToken ct = default)
    {
        var changed = Changed(db);
        var existing = changed.Count == 0 ? [] : await db.ContactIdentifiers.Where(i => changed.Contains(i.ContactId)).ToListAsync(ct);
        var followUps = changed.Count == 0 ? [] : await StoredFollowUps(db, changed).ToListAsync(ct);
        Apply(db, changed, existing, followUps);
    }

    /// <summary>Follow-ups already saved for the contacts whose identifiers are rewritten (the new ones are in the tracker).</summary>
    private static IQueryable<FollowUpText> StoredFollowUps(NacarsDbContext db, List<Guid> contacts) =>
        db.FollowUps.AsNoTracking().Where(f => contacts.Contains(f.ContactId)).Select(f => new FollowUpText(f.ContactId, f.Id, f.Text));

    private sealed record FollowUpText(Guid ContactId, long Id, string Text);

    private void Apply(NacarsDbContext db, List<Guid> changed, List<ContactIdentifier> existing, List<FollowUpText> stored)
    {
        var addedFollowUps = db.ChangeTracker.Entries<FollowUp>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var entry in db.ChangeTracker.Entries<Contact>().Where(e => e.State == EntityState.Added).ToList())
            foreach (var identifier in HashesOf(entry.Entity, addedFollowUps.Where(f => f.ContactId == entry.Entity.Id).Select(f => f.Text)))
                db.ContactIdentifiers.Add(identifier);

        if (changed.Count == 0) return;
        var have = existing.ToLookup(i => i.ContactId);
        foreach (var entry in db.ChangeTracker.Entries<Contact>().Where(e => changed.Contains(e.Entity.Id)).ToList())
        {
            var texts = stored.Where(f => f.ContactId == entry.Entity.Id).OrderBy(f => f.Id).Select(f => f.Text)
                .Concat(addedFollowUps.Where(f => f.ContactId == entry.Entity.Id).Select(f => f.Text));
            var wanted = HashesOf(entry.Entity, texts).ToList();
            var current = have[entry.Entity.Id].ToList();
            foreach (var old in current.Where(h => !wanted.Any(w => Same(w, h)))) db.ContactIdentifiers.Remove(old);
            foreach (var add in wanted.Where(w => !current.Any(h => Same(w, h)))) db.ContactIdentifiers.Add(add);
        }
    }

    private static bool Same(ContactIdentifier a, ContactIdentifier b) => a.Kind == b.Kind && a.Hash == b.Hash;

    /// <summary>Contacts already saved whose identifiers may have changed: subject, force or account edited, or a
    /// follow-up added.</summary>
    private static List<Guid> Changed(NacarsDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var withNewFollowUps = db.ChangeTracker.Entries<FollowUp>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.ContactId).ToHashSet();
        return db.ChangeTracker.Entries<Contact>()
            .Where(e => e.State == EntityState.Modified && (withNewFollowUps.Contains(e.Entity.Id) || IdentifyingChanged(e)))
            .Select(e => e.Entity.Id).ToList();
    }

    private static bool IdentifyingChanged(EntityEntry<Contact> entry) =>
        entry.ComplexProperty(c => c.Subject).Properties.Any(p => p.IsModified)
        || entry.ComplexProperty(c => c.Reported).ComplexProperty(r => r.Subject).Properties.Any(p => p.IsModified)
        || entry.Property(c => c.ForceCode).IsModified
        || entry.ComplexProperty(c => c.Reported).Property(r => r.Account).IsModified;

    /// <summary>Every identifier of a contact, hashed with the service's key.</summary>
    private IEnumerable<ContactIdentifier> HashesOf(Contact contact, IEnumerable<string> followUps)
    {
        var subject = IdentifierKinds.OfSubject(contact);
        var text = string.Join("\n\n", followUps.Prepend(contact.Reported.Account));
        var related = RelatedIdentifiers.From(text, contact.Subject, contact.ForceCode)
            .Concat(contact.Reported.Subject == contact.Subject ? [] : RelatedIdentifiers.From("", contact.Reported.Subject, contact.ForceCode))
            .Select(r => (Kind: IdentifierKinds.RelatedPrefix + r.Kind, Value: r.NormalisedValue));
        return subject.Concat(related).Distinct()
            .Select(i => new ContactIdentifier(contact.Id, i.Kind, hasher.Hash(i.Kind, i.Value)));
    }
}
