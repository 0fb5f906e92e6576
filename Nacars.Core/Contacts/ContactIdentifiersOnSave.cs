using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nacars.Core.Data;

namespace Nacars.Core.Contacts;

/// <summary>
/// Keeps each contact's <see cref="ContactIdentifier"/> hashes in step with the contact, in the same save: written
/// when the contact is received and again whenever its subject is corrected, so no workflow code has to remember to
/// and search never disagrees with the contact (CleanArchitecture's save interceptor pattern).
/// </summary>
public sealed class ContactIdentifiersOnSave(IdentifierHasher hasher) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is NacarsDbContext db) Apply(db, existing: ids => db.ContactIdentifiers.Where(i => ids.Contains(i.ContactId)).ToList());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NacarsDbContext db)
        {
            var changed = ChangedSubjects(db);
            var existing = changed.Count == 0 ? [] : await db.ContactIdentifiers.Where(i => changed.Contains(i.ContactId)).ToListAsync(cancellationToken);
            Apply(db, _ => existing);
        }
        return result;
    }

    private void Apply(NacarsDbContext db, Func<List<Guid>, List<ContactIdentifier>> existing)
    {
        foreach (var entry in db.ChangeTracker.Entries<Contact>().Where(e => e.State == EntityState.Added).ToList())
            foreach (var identifier in HashesOf(entry.Entity)) db.ContactIdentifiers.Add(identifier);

        var changed = ChangedSubjects(db);
        if (changed.Count == 0) return;
        var stored = existing(changed).Where(i => i.Kind is IdentifierKinds.SubjectNumber or IdentifierKinds.SubjectSurname)
            .ToLookup(i => i.ContactId);
        foreach (var entry in db.ChangeTracker.Entries<Contact>().Where(e => changed.Contains(e.Entity.Id)).ToList())
        {
            var wanted = HashesOf(entry.Entity).ToList();
            var have = stored[entry.Entity.Id].ToList();
            foreach (var old in have.Where(h => !wanted.Any(w => Same(w, h)))) db.ContactIdentifiers.Remove(old);
            foreach (var add in wanted.Where(w => !have.Any(h => Same(w, h)))) db.ContactIdentifiers.Add(add);
        }
    }

    private static bool Same(ContactIdentifier a, ContactIdentifier b) => a.Kind == b.Kind && a.Hash.AsSpan().SequenceEqual(b.Hash);

    private static List<Guid> ChangedSubjects(NacarsDbContext db) =>
        db.ChangeTracker.Entries<Contact>().Where(e => e.State == EntityState.Modified && SubjectChanged(e)).Select(e => e.Entity.Id).ToList();

    private static bool SubjectChanged(EntityEntry<Contact> entry) =>
        entry.ComplexProperty(c => c.Subject).Properties.Any(p => p.IsModified)
        || entry.ComplexProperty(c => c.ReportedSubject).Properties.Any(p => p.IsModified);

    private IEnumerable<ContactIdentifier> HashesOf(Contact contact) =>
        IdentifierKinds.OfSubject(contact).Distinct().Select(i => new ContactIdentifier(contact.Id, i.Kind, hasher.Hash(i.Kind, i.Value)));
}
