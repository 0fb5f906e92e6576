using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nacars.Core.Data;

/// <summary>
/// Encrypts the fields that could identify a reporter or carry their words (account, follow-ups, contact details,
/// drafts, queued PDFs) with ASP.NET Core Data Protection. The key ring lives apart from the database, so a copy of
/// the database file alone reveals nothing.
/// </summary>
public sealed class SensitiveData(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Nacars.SensitiveData.v1");

    public string Protect(string plain) => _protector.Protect(plain);
    public string Unprotect(string cipher) => _protector.Unprotect(cipher);
    public byte[] Protect(byte[] plain) => _protector.Protect(plain);
    public byte[] Unprotect(byte[] cipher) => _protector.Unprotect(cipher);

    internal ValueConverter StringConverter => _stringConverter ??= new ValueConverter<string, string>(v => Protect(v), v => Unprotect(v));

    /// <summary>Staff sign-in secrets (authenticator keys, recovery codes, security stamps), under a purpose of their
    /// own: a reporter-data ciphertext copied into their column does not decrypt, nor the reverse.</summary>
    internal IDataProtector IdentitySecretsProtector => _identityProtector ??= provider.CreateProtector("Nacars.IdentitySecrets.v1");
    internal ValueConverter IdentitySecretConverter => _identityConverter ??= new ValueConverter<string, string>(
        v => IdentitySecretsProtector.Protect(v), v => IdentitySecretsProtector.Unprotect(v));
    private IDataProtector? _identityProtector;
    private ValueConverter? _identityConverter;
    internal ValueConverter BytesConverter => _bytesConverter ??= new ValueConverter<byte[], byte[]>(v => Protect(v), v => Unprotect(v));
    private ValueConverter? _stringConverter;
    private ValueConverter? _bytesConverter;
}

/// <summary>A protected canary for each Data Protection key that has protected data here, written when the key first
/// comes into use: if any cannot be read back at start-up, the key ring is missing, wrong, or restored from a backup
/// older than some of the data, and the app refuses to start rather than write data nobody can read.</summary>
public sealed class KeyCheck
{
    public int Id { get; set; }
    public string Canary { get; set; } = "";
    /// <summary>The key the canary was protected with (null for the first canary of an older database).</summary>
    public Guid? KeyId { get; set; }
    public const string Expected = "nacars-key-check";
}
