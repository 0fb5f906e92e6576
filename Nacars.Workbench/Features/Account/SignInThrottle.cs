using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Nacars.Core;

namespace Nacars.Workbench.Features.Account;

/// <summary>
/// Slows password guessing without giving a stranger a way to lock staff out. Failed sign-ins are counted, in memory
/// only, per connection and per (connection, typed address): each answer after the first few failures waits a little
/// longer (up to <see cref="SecurityOptions.SignInMaxDelaySeconds"/>), so a guesser slows down while the real person,
/// on another connection, does not. An account is locked only on evidence that many connections are guessing at it
/// (<see cref="SecurityOptions.LockAfterFailingClients"/> within the window, an IPv6 /64 counting as one), and then for
/// <see cref="SecurityOptions.LockMinutes"/>; an administrator sees and can lift that lock sooner.
/// Typed addresses are counted whether or not an account has them, so the delays say nothing about which exist.
/// </summary>
public sealed class SignInThrottle(IOptions<NacarsOptions> options) : IDisposable
{
    private sealed class Failures
    {
        public int Count;
        public readonly HashSet<string> Clients = [];
    }

    // Bounded: a flood of made-up addresses evicts the oldest entries instead of growing without end.
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    private SecurityOptions Security => options.Value.Security;

    /// <summary>How long to wait before answering this attempt: longer the more this connection has failed, for this
    /// address or any, and the more this address has failed from anywhere (which slows a guesser spread over many
    /// connections, and slows the real person too, but never locks them out).</summary>
    public TimeSpan DelayFor(HttpContext http, string typedEmail)
    {
        var client = Client(http);
        var email = Fingerprint(typedEmail);
        var n = Math.Max(Count($"p:{client}:{email}"), Math.Max(Count($"c:{client}") / 4, Count($"a:{email}") / 8));
        if (n < 3) return TimeSpan.Zero;
        return TimeSpan.FromSeconds(Math.Min(Math.Pow(2, n - 3), Security.SignInMaxDelaySeconds));
    }

    /// <summary>Counts a failed attempt; true when so many connections have failed for this address within the window
    /// that the account (if there is one) should be locked for a while.</summary>
    public bool Failed(HttpContext http, string typedEmail)
    {
        var client = Client(http);
        var email = Fingerprint(typedEmail);
        Add($"c:{client}", null);
        Add($"p:{client}:{email}", null);
        var byAddress = Add($"a:{email}", client);
        lock (byAddress.Clients) return byAddress.Clients.Count >= Security.LockAfterFailingClients;
    }

    public void Succeeded(HttpContext http, string typedEmail) => _failures.Remove($"p:{Client(http)}:{Fingerprint(typedEmail)}");

    private int Count(string key) => _failures.TryGetValue(key, out Failures? f) && f is not null ? Volatile.Read(ref f.Count) : 0;

    private Failures Add(string key, string? client)
    {
        var failures = _failures.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            // Sliding: a slow, steady guesser keeps its count; a quiet window forgets it.
            entry.SlidingExpiration = TimeSpan.FromSeconds(Security.SignInWindowSeconds);
            return new Failures();
        })!;
        Interlocked.Increment(ref failures.Count);
        if (client is not null)
            lock (failures.Clients)
                if (failures.Clients.Count < 1000) failures.Clients.Add(client);
        return failures;
    }

    /// <summary>A fixed-size key for whatever was typed: a stranger's megabyte-long "address" costs 64 characters.</summary>
    private static string Fingerprint(string email) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    /// <summary>The connection: its IPv4 address, or its IPv6 /64 (one home or phone is given a whole /64, so one
    /// stranger cannot pose as many connections).</summary>
    private static string Client(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "local";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8)) + "/64";
    }

    public void Dispose() => _failures.Dispose();
}
