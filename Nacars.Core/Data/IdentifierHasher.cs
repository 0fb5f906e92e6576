using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Nacars.Core.Data;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of normalised identifiers. The key is random, made on first start and kept as a
/// <see cref="ProtectedSecret"/>: held like the Data Protection keys, and shared by every instance through the
/// database. A plain hash of a collar number could be reversed by trying every number; a keyed one cannot without the key.
/// </summary>
public sealed class IdentifierHasher(IServiceProvider services)
{
    public const string SecretName = "identifier-hash-key";
    private byte[]? _key;
    private readonly Lock _gate = new();

    /// <summary>Makes the key if the database has none (start-up, under the start-up lock), and loads it.</summary>
    public async Task EnsureKeyAsync(CancellationToken ct = default)
    {
        // Resolved when needed, not injected: the contexts' options carry the interceptor that uses this hasher.
        await using var db = await services.GetRequiredService<IDbContextFactory<NacarsDbContext>>().CreateDbContextAsync(ct);
        var secret = await db.ProtectedSecrets.SingleOrDefaultAsync(s => s.Name == SecretName, ct);
        if (secret is null)
        {
            secret = new ProtectedSecret { Name = SecretName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            db.ProtectedSecrets.Add(secret);
            await db.SaveChangesAsync(ct);
        }
        lock (_gate) _key = Convert.FromBase64String(secret.Value);
    }

    /// <summary>The first 128 bits of HMAC-SHA256(kind + value), as base64: short enough to index and compare in a
    /// query's IN list, far too many to collide among a service's contacts.</summary>
    public string Hash(string kind, string normalisedValue)
    {
        var mac = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes($"{kind}\n{normalisedValue}"));
        return Convert.ToBase64String(mac, 0, 16);
    }

    private byte[] Key
    {
        get
        {
            if (Volatile.Read(ref _key) is { } key) return key;
            // Start-up loads it; a host that skipped start-up (a tool) loads it on first use.
            EnsureKeyAsync().GetAwaiter().GetResult();
            return _key!;
        }
    }
}
