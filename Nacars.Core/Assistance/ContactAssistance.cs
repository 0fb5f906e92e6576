using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Assistance;

/// <summary>
/// The assistance panel's data for one contact: the engine's reading of its account and follow-ups, and the related
/// contacts found through keyed hashes of shared identifiers. The other contacts are never decrypted to compare: the
/// open contact's identifiers are hashed and looked up, and the reasons are read from its own, already decrypted, text.
/// </summary>
public sealed class ContactAssistance(IDbContextFactory<NacarsDbContext> dbFactory, IdentifierHasher hasher)
{
    /// <summary>What the account and the subject's fields say (entities, forces, reporter flags, hints).</summary>
    public static AccountAssistance Read(Contact contact) => AccountAnalyser.Assist(contact.Reported.Account, contact.Reported.Reporter, contact.Subject);

    /// <summary>The sanitised account's starting point: the original with every flagged detail replaced by a neutral phrase.</summary>
    public static string RedactedDraft(Contact contact) =>
        SanitisationGuard.Redact(contact.Reported.Account, SanitisationGuard.Find(contact.Reported.Account, contact.Reported.Reporter));

    /// <summary>Contacts of any status sharing an identifier with this one, strongest first.</summary>
    public async Task<IReadOnlyList<RelatedContact>> RelatedAsync(Contact contact, CancellationToken ct = default)
    {
        var text = string.Join("\n\n", contact.FollowUps.OrderBy(f => f.ReceivedAtUtc).Select(f => f.Text).Prepend(contact.Reported.Account));
        var mine = RelatedIdentifiers.From(text, contact.Subject, contact.ForceCode)
            .Concat(contact.Reported.Subject == contact.Subject ? [] : RelatedIdentifiers.From("", contact.Reported.Subject, contact.ForceCode))
            .ToHashSet();
        if (mine.Count == 0) return [];
        var byHash = mine.GroupBy(i => hasher.Hash(IdentifierKinds.RelatedPrefix + i.Kind, i.NormalisedValue)).ToDictionary(g => g.Key, g => g.First());
        var hashes = byHash.Keys.ToList();
        // The exact kinds, not a "rel:" prefix: a prefix is a range on the index's first column, after which the hash
        // cannot be sought, and every related identifier in the table was read (1.4 s at a million contacts).
        var kinds = mine.Select(i => IdentifierKinds.RelatedPrefix + i.Kind).Distinct().ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One read of the (kind, hash, contact) index for all of this contact's identifiers: a seek per kind and hash.
        var matches = await db.ContactIdentifiers.AsNoTracking()
            .Where(i => kinds.Contains(i.Kind) && hashes.Contains(i.Hash) && i.ContactId != contact.Id)
            .Select(i => new { i.ContactId, i.Hash }).ToListAsync(ct);
        var scored = matches.GroupBy(m => m.ContactId)
            .Select(g => (ContactId: g.Key, Result: RelatedScore.Score(mine, g.Select(m => byHash[m.Hash]).ToHashSet())))
            .Where(s => s.Result.Score > 0)
            .OrderByDescending(s => s.Result.Score).Take(20).ToList();
        if (scored.Count == 0) return [];
        var ids = scored.Select(s => s.ContactId).ToList();
        var rows = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Reference, c.Status, c.ReceivedAtUtc, c.ForceCode }).ToDictionaryAsync(c => c.Id, ct);
        return scored.Where(s => rows.ContainsKey(s.ContactId)).Select(s =>
        {
            var r = rows[s.ContactId];
            return new RelatedContact(r.Reference, r.Status, r.ReceivedAtUtc, r.ForceCode, s.Result.Score, s.Result.Reasons);
        }).ToList();
    }
}
