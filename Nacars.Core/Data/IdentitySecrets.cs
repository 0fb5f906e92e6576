using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

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

    private async Task<int> EncryptColumnAsync(NacarsDbContext db, string table, string column, string[] keys, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            var plain = new List<(object[] Keys, string Value)>();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = $"SELECT {string.Join(", ", keys.Select(Quote))}, {Quote(column)} FROM {Quote(table)} WHERE {Quote(column)} IS NOT NULL";
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var value = reader.GetString(keys.Length);
                    if (!IsProtected(value)) plain.Add(([.. Enumerable.Range(0, keys.Length).Select(reader.GetValue)], value));
                }
            }
            foreach (var (rowKeys, value) in plain)
            {
                await using var write = connection.CreateCommand();
                write.CommandText = $"UPDATE {Quote(table)} SET {Quote(column)} = @v WHERE " + string.Join(" AND ", keys.Select((k, i) => $"{Quote(k)} = @k{i}"));
                Add(write, "@v", Protector.Protect(value));
                for (var i = 0; i < keys.Length; i++) Add(write, $"@k{i}", rowKeys[i]);
                await write.ExecuteNonQueryAsync(ct);
            }
            return plain.Count;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

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

    private static string Quote(string name) => $"\"{name}\"";

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
