using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;

namespace Nacars.Core.Data;

/// <summary>
/// Binds a contact's encrypted values to their row. Each column has its own purpose (<see cref="SensitiveData"/>), but
/// EF's converters cannot see the row, so one reporter's account copied over another's in the same column would still
/// decrypt. Every save therefore writes a keyed hash of the contact's id, reference and every encrypted value (a shadow
/// column, <c>Seal</c>); every contact read is checked against it, and one that does not match is refused, naming it.
/// The key is held like the others, under the key ring. Rows written before seals existed are sealed once at start-up.
/// </summary>
public sealed class ContactRowSeal(IServiceProvider services) : SavingChangesHook
{
    public const string Column = "Seal";
    private const string KeyName = "contact-row-seal-key", CompleteName = "contact-row-seals-complete";
    private volatile byte[]? _key;
    private volatile bool _complete;
    private IReadOnlyList<IProperty>? _sealed;

    /// <summary>Loads (or makes) the key, and seals the rows an earlier build left unsealed. At start-up, before any
    /// contact is read.</summary>
    public async Task<int> EnsureAsync(CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NacarsDbContext>>().CreateDbContextAsync(ct);
        var secrets = await db.ProtectedSecrets.Where(s => s.Name == KeyName || s.Name == CompleteName).ToListAsync(ct);
        if (secrets.SingleOrDefault(s => s.Name == KeyName) is not { } key)
        {
            key = new ProtectedSecret { Name = KeyName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            db.ProtectedSecrets.Add(key);
            await db.SaveChangesAsync(ct);
        }
        _key = Convert.FromBase64String(key.Value);
        _complete = secrets.Any(s => s.Name == CompleteName);
        if (_complete) return 0;
        var sealedNow = 0;
        while (await db.Contacts.AsNoTracking().Where(c => EF.Property<string?>(c, Column) == null).Take(500).ToListAsync(ct) is { Count: > 0 } batch)
        {
            foreach (var contact in batch)
            {
                var seal = SealOf(db.Model, contact);
                await db.Contacts.Where(c => c.Id == contact.Id).ExecuteUpdateAsync(s => s.SetProperty(c => EF.Property<string?>(c, Column), seal), ct);
            }
            sealedNow += batch.Count;
        }
        db.ProtectedSecrets.Add(new ProtectedSecret { Name = CompleteName, Value = "1" });
        await db.SaveChangesAsync(ct);
        _complete = true;
        return sealedNow;
    }

    protected override void BeforeSave(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Contact>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            entry.Property(Column).CurrentValue = SealOf(db.Model, entry.Entity);
    }

    /// <summary>Refuses a contact read whose encrypted values are not the ones sealed with its row (see <see cref="ContactRowSealCheck"/>).</summary>
    internal void Verify(IModel model, Contact contact, string? stored)
    {
        if (stored is null ? _complete : !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(stored), Convert.FromHexString(SealOf(model, contact))))
            throw new MisplacedCiphertextException($"Contacts row {contact.Reference}",
                new CryptographicException(stored is null ? "The row's seal was removed." : "The row's encrypted values are not the ones sealed with it."));
    }

    /// <summary>HMAC-SHA-256 over the id, the reference and every encrypted value of the contact, in model order.</summary>
    private string SealOf(IModel model, Contact contact)
    {
        var key = _key ?? throw new InvalidOperationException("Contacts are read or written before start-up loaded the row seal's key.");
        _sealed ??= SealedProperties(model);
        var text = new StringBuilder().Append(contact.Id.ToString("N", CultureInfo.InvariantCulture)).Append('\u001f').Append(contact.Reference);
        foreach (var property in _sealed)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(contact);
            text.Append('\u001f').Append(value switch
            {
                null => "\u0000",
                string s => s,
                var other => JsonSerializer.Serialize(other),
            });
        }
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static List<IProperty> SealedProperties(IModel model)
    {
        var entity = model.FindEntityType(typeof(Contact))!;
        IEnumerable<IProperty> All(ITypeBase type) => type.GetProperties().Concat(type.GetComplexProperties().SelectMany(c => All(c.ComplexType)));
        return [.. All(entity).Where(p => p.GetValueConverter() is IPlaceBound).OrderBy(p => ((IPlaceBound)p.GetValueConverter()!).Place, StringComparer.Ordinal)];
    }
}
