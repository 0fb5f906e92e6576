namespace Nacars.Core;

/// <summary>The service's mailbox, where forces answer (Nacars:Replies). Read over IMAP with IDLE; off until a host is set.</summary>
public sealed class RepliesOptions
{
    /// <summary>The IMAP server; null or empty: replies are not read.</summary>
    public string? ImapHost { get; set; }
    public int ImapPort { get; set; } = 993;
    /// <summary>True: TLS from the first byte (IMAPS, port 993). False: STARTTLS, which is then required. Never plain text.</summary>
    public bool TlsOnConnect { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string Folder { get; set; } = "INBOX";
    /// <summary>IDLE is renewed this often (RFC 9051 asks for under 29 minutes), and a missed notification is found by then.</summary>
    public int IdleMinutes { get; set; } = 9;
    /// <summary>Seconds to wait before each reconnection after a failure; the last repeats.</summary>
    public int[] ReconnectBackoffSeconds { get; set; } = [1, 2, 5, 15, 60];
    /// <summary>Messages read per round; the rest follow in the next round.</summary>
    public int BatchSize { get; set; } = 50;

    public bool Enabled => !string.IsNullOrWhiteSpace(ImapHost);
}
