using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Nacars.Core;

namespace Nacars.Workbench.Features.Account;

/// <summary>
/// Slows password guessing without giving a stranger a way to lock staff out. Failed sign-ins are counted, in memory
/// only, per connection and per (connection, typed address): each answer after the first few failures waits a little
/// longer (up to <see cref="SecurityOptions.SignInMaxDelaySeconds"/>), so a guesser slows down while the real person,
/// on another connection, does not. An account is locked only on evidence that many connections are guessing at it
/// (<see cref="SecurityOptions.LockAfterFailingClients"/> within the window); an administrator sees and lifts that lock.
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

    /// <summary>How long to wait before answering this attempt.</summary>
    public TimeSpan DelayFor(HttpContext http, string typedEmail)
    {
        var client = Client(http);
        var byClient = Count($"c:{client}");
        var byPair = Count($"p:{client}:{Normalise(typedEmail)}");
        var n = Math.Max(byPair, byClient / 4);
        if (n < 3) return TimeSpan.Zero;
        return TimeSpan.FromSeconds(Math.Min(Math.Pow(2, n - 3), Security.SignInMaxDelaySeconds));
    }

    /// <summary>Counts a failed attempt; true when so many connections have failed for this address within the window
    /// that the account (if there is one) should be locked.</summary>
    public bool Failed(HttpContext http, string typedEmail)
    {
        var client = Client(http);
        var email = Normalise(typedEmail);
        Add($"c:{client}", null);
        Add($"p:{client}:{email}", null);
        var byAddress = Add($"a:{email}", client);
        return byAddress.Clients.Count >= Security.LockAfterFailingClients;
    }

    public void Succeeded(HttpContext http, string typedEmail) => _failures.Remove($"p:{Client(http)}:{Normalise(typedEmail)}");

    private int Count(string key) => _failures.TryGetValue(key, out Failures? f) && f is not null ? Volatile.Read(ref f.Count) : 0;

    private Failures Add(string key, string? client)
    {
        var failures = _failures.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Security.SignInWindowSeconds);
            return new Failures();
        })!;
        Interlocked.Increment(ref failures.Count);
        if (client is not null)
            lock (failures.Clients)
                if (failures.Clients.Count < 1000) failures.Clients.Add(client);
        return failures;
    }

    private static string Normalise(string email) => email.Trim().ToUpperInvariant();

    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    public void Dispose() => _failures.Dispose();
}
