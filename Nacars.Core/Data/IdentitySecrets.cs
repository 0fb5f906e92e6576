using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Nacars.Core.Data;

/// <summary>
/// Staff sign-in secrets are encrypted at rest with the key ring (<see cref="SensitiveData.IdentitySecretConverter"/>):
/// authenticator keys and recovery codes (Identity's user tokens) and security stamps. A copy of the database file, or
/// a backup, and one phished password must not be enough to get past the second factor that guards every reporter's
/// identity. This class encrypts what an earlier build stored in plain text.
/// </summary>
public sealed class IdentitySecrets(SensitiveData sensitive)
{
    private IDataProtector Protector => sensitive.IdentitySecretsProtector;

    /// <summary>Encrypts the secrets a build before this one left in plain text (once; encrypted values are left alone).</summary>
    public async Task<int> EncryptLegacyAsync(NacarsDbContext db, CancellationToken ct)
    {
        var changed = 0;
        changed += await EncryptColumnAsync(db, "AspNetUserTokens", "Value", ["UserId", "LoginProvider", "Name"], ct);
        changed += await EncryptColumnAsync(db, "AspNetUsers", "SecurityStamp", ["Id"], ct);
        return changed;
    }

    private Task<int> EncryptColumnAsync(NacarsDbContext db, string table, string column, string[] keys, CancellationToken ct) =>
        RawColumns.OnConnectionAsync(db, connection => RawColumns.RewriteAsync(connection, table, keys, column,
            value => value is string text && !IsProtected(text) ? Protector.Protect(text) : null, ct), ct);

    private bool IsProtected(string value)
    {
        try
        {
            Protector.Unprotect(value);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
