using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace Nacars.Tests.Infrastructure;

/// <summary>
/// Debian's Postfix on loopback as a stand-in CJSM relay, set up by <c>eng/relay.sh</c> (which the test script runs):
/// STARTTLS required, a certificate from a test CA in the machine's trust store, every recipient delivered to one
/// Maildir. Tests find their messages there by Message-ID, and read Postfix's own log for how each one arrived.
/// Without the relay these tests fail and say how to start it: they never skip.
/// </summary>
public sealed partial class TestRelay
{
    private TestRelay(JsonElement relay)
    {
        Host = relay.GetProperty("host").GetString()!;
        TlsPort = relay.GetProperty("tlsPort").GetInt32();
        PlainPort = relay.GetProperty("plainPort").GetInt32();
        OfflineRevocationPort = relay.GetProperty("offlineRevocationPort").GetInt32();
        RevokedPort = relay.GetProperty("revokedPort").GetInt32();
        Maildir = relay.GetProperty("maildir").GetString()!;
        Log = relay.GetProperty("log").GetString()!;
        Greylist = relay.GetProperty("greylist").GetString()!;
        RefusedRecipient = relay.GetProperty("refusedRecipient").GetString()!;
    }

    public string Host { get; }
    /// <summary>STARTTLS required; certificate from the test CA, whose revocation list is served on loopback.</summary>
    public int TlsPort { get; }
    /// <summary>Offers no STARTTLS.</summary>
    public int PlainPort { get; }
    /// <summary>A certificate from a second test CA whose revocation list nothing serves.</summary>
    public int OfflineRevocationPort { get; }
    /// <summary>A certificate the test CA has revoked.</summary>
    public int RevokedPort { get; }
    public string Maildir { get; }
    public string Log { get; }
    /// <summary>A Postfix access table the relay reads at each new session: "address 451 text" greylists it.</summary>
    public string Greylist { get; }
    /// <summary>Refused by the relay with 550.</summary>
    public string RefusedRecipient { get; }

    public static TestRelay Instance { get; } = Load();

    private static TestRelay Load()
    {
        var folder = System.Environment.GetEnvironmentVariable("NACARS_TEST_RELAY_DIR") ?? "/var/lib/nacars-relay";
        var file = Path.Combine(folder, "relay.json");
        if (!File.Exists(file))
            throw new InvalidOperationException($"No test relay: {file} is missing. Start it with `bash eng/relay.sh` (the test script does).");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return new TestRelay(json.RootElement);
    }

    /// <summary>The delivered message with this Message-ID (without angle brackets), once Postfix has put it in the
    /// Maildir; the test fails if none arrives within the limit.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string messageId, TimeSpan limit)
    {
        await Eventually.TrueAsync(() => Messages(messageId).Count > 0, (int)limit.TotalMilliseconds);
        return Messages(messageId)[0];
    }

    /// <summary>Every delivered copy of this Message-ID.</summary>
    public List<MimeMessage> Messages(string messageId)
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder)) return [];
        // Each file's Message-ID is read once, from its headers alone: tests poll while the Maildir fills with every
        // other test's mail, and re-reading whole messages would load the machine the other tests run on.
        foreach (var file in Directory.GetFiles(folder))
        {
            if (_messageIds.ContainsKey(file)) continue;
            using var stream = File.OpenRead(file);
            _messageIds[file] = HeaderList.Load(stream)[HeaderId.MessageId] is { } id ? MimeKit.Utils.MimeUtils.ParseMessageId(id) ?? "" : "";
        }
        return [.. _messageIds.Where(f => f.Value == messageId).Select(f => MimeMessage.Load(f.Key))];
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _messageIds = new();

    /// <summary>How Postfix says this message reached it: the TLS line of the session that brought it in, found through
    /// the queue ID of the message-id line and the smtpd process that received that queue ID. Null until it is logged.</summary>
    public string? TlsLineFor(string messageId)
    {
        var lines = File.ReadAllLines(Log);
        var queueId = lines.Select(l => CleanupLine().Match(l)).FirstOrDefault(m => m.Success && m.Groups["id"].Value == messageId)?.Groups["queue"].Value;
        if (queueId is null) return null;
        var at = Array.FindIndex(lines, l => ClientLine().Match(l) is { Success: true } m && m.Groups["queue"].Value == queueId);
        if (at < 0) return null;
        var session = $"smtpd[{ClientLine().Match(lines[at]).Groups["pid"].Value}]: ";
        // The nearest TLS line of that process before it: process IDs come round again in a long-lived log.
        for (var i = at - 1; i >= 0; i--)
        {
            if (!lines[i].Contains(session, StringComparison.Ordinal)) continue;
            if (lines[i].Contains("TLS connection established", StringComparison.Ordinal)) return lines[i];
            if (lines[i].Contains(": connect from ", StringComparison.Ordinal)) return null;
        }
        return null;
    }

    [GeneratedRegex(@"postfix/cleanup\[\d+\]: (?<queue>[0-9A-F]+): message-id=<(?<id>[^>]+)>")]
    private static partial Regex CleanupLine();

    [GeneratedRegex(@"postfix/smtpd\[(?<pid>\d+)\]: (?<queue>[0-9A-F]+): client=")]
    private static partial Regex ClientLine();
}
