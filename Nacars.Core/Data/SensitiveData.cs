using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nacars.Core.Data;

/// <summary>
/// Encrypts the fields that could identify a reporter or carry their words (account, follow-ups, contact details,
/// drafts, queued PDFs) with ASP.NET Core Data Protection. The key ring lives apart from the database, so a copy of
/// the database file alone reveals nothing. Each column has a purpose of its own (its place, "Contacts.Account"): a
/// ciphertext moved by hand to another column does not decrypt there, so an insider cannot, say, copy one reporter's
/// account into a question another reporter's follow-up page shows (<see cref="CiphertextPlaces"/>).
/// </summary>
public sealed class SensitiveData(IDataProtectionProvider provider)
{
    /// <summary>The one purpose every column shared before each had its own. Audit details keep it (sealed events are
    /// never rewritten, so theirs are the only values under it once <see cref="CiphertextPlaces"/> has run).</summary>
    internal const string SharedPurpose = "Nacars.SensitiveData.v1";
    private const string PlacePurpose = "Nacars.SensitiveData.v2";

    private readonly IDataProtector _shared = provider.CreateProtector(SharedPurpose);
    private readonly ConcurrentDictionary<string, IDataProtector> _places = new(StringComparer.Ordinal);

    /// <summary>The key-ring check's canary and audit details: under the shared purpose.</summary>
    public string Protect(string plain) => _shared.Protect(plain);
    public string Unprotect(string cipher) => _shared.Unprotect(cipher);

    internal IDataProtector SharedProtector => _shared;

    /// <summary>The protector of one column: <paramref name="place"/> is "Table.Column" (or "Table.Complex.Property").</summary>
    internal IDataProtector For(string place) => _places.GetOrAdd(place, p => provider.CreateProtector(PlacePurpose, p));

    internal ValueConverter StringConverterFor(string place) => new PlaceBoundConverter<string, string>(place,
        v => Protect(place, v), v => Unprotect(place, v));

    internal ValueConverter BytesConverterFor(string place) => new PlaceBoundConverter<byte[], byte[]>(place,
        v => For(place).Protect(v), v => UnprotectBytes(place, v));

    /// <summary>A value kept as encrypted JSON in its column.</summary>
    internal ValueConverter JsonConverterFor<T>(string place, Func<T> empty) where T : class => new PlaceBoundConverter<T, string>(place,
        v => Protect(place, System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null)),
        v => System.Text.Json.JsonSerializer.Deserialize<T>(Unprotect(place, v), (System.Text.Json.JsonSerializerOptions?)null) ?? empty());

    internal ValueConverter SharedStringConverter => _sharedConverter ??= new ValueConverter<string, string>(v => _shared.Protect(v), v => _shared.Unprotect(v));
    private ValueConverter? _sharedConverter;

    internal string Protect(string place, string plain) => For(place).Protect(plain);

    /// <summary>A value that does not decrypt in its own column was moved there or altered: said as such, with the place.</summary>
    internal string Unprotect(string place, string cipher)
    {
        try { return For(place).Unprotect(cipher); }
        catch (CryptographicException e) { throw new MisplacedCiphertextException(place, e); }
    }

    private byte[] UnprotectBytes(string place, byte[] cipher)
    {
        try { return For(place).Unprotect(cipher); }
        catch (CryptographicException e) { throw new MisplacedCiphertextException(place, e); }
    }

    /// <summary>Staff sign-in secrets (authenticator keys, recovery codes, security stamps), under a purpose of their
    /// own: a reporter-data ciphertext copied into their column does not decrypt, nor the reverse.</summary>
    internal IDataProtector IdentitySecretsProtector => _identityProtector ??= provider.CreateProtector("Nacars.IdentitySecrets.v1");
    internal ValueConverter IdentitySecretConverter => _identityConverter ??= new ValueConverter<string, string>(
        v => IdentitySecretsProtector.Protect(v), v => IdentitySecretsProtector.Unprotect(v));
    private IDataProtector? _identityProtector;
    private ValueConverter? _identityConverter;
}
