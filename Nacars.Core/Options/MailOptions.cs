namespace Nacars.Core;

public sealed class MailOptions
{
    public MailMode Mode { get; set; } = MailMode.Pickup;
    /// <summary>Pickup folder for .eml files; default {DataRoot}/mail-pickup.</summary>
    public string? PickupPath { get; set; }
    public string FromAddress { get; set; } = "nacars@crimestoppers-uk.example";
    public string FromName { get; set; } = "National Anti-Corruption and Abuse Reporting Service";
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 587;
    /// <summary>STARTTLS with certificate validation. Never turn off in production (CJSM requires TLS).</summary>
    public bool RequireTls { get; set; } = true;
    /// <summary>Only for tests against a loopback server with a self-signed certificate.</summary>
    public bool AllowUntrustedCertificate { get; set; }
    /// <summary>Whether the relay's certificate must be shown not revoked. <see cref="RevocationCheck.IfReachable"/>
    /// (default) checks, and when the CA's revocation list cannot be reached (a locked-down server) sends and warns;
    /// <see cref="RevocationCheck.Off"/> is refused in Production.</summary>
    public RevocationCheck Revocation { get; set; } = RevocationCheck.IfReachable;
    /// <summary>A CA certificate (PEM or DER file) the relay's certificate must chain to, instead of the machine's trust
    /// store: for a relay with a private CA. Null: the machine's trust store.</summary>
    public string? TrustedCaPath { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Recipients must be in one of these domains (empty: any). E.g. ["cjsm.net"].</summary>
    public string[] AllowedRecipientDomains { get; set; } = [];
    /// <summary>Seconds to wait before each retry of a transient failure; the last repeats.</summary>
    public int[] RetryBackoffSeconds { get; set; } = [5, 30, 120, 600];
    /// <summary>Transient failures before a message is "stuck": supervisors are alerted and it keeps being retried at the
    /// slowest interval (with the default schedule, about three hours of outage).</summary>
    public int MaxAttempts { get; set; } = 20;
    /// <summary>Messages a dispatcher claims, sends on one connection and records in one transaction. Recording costs
    /// about as much per row as per batch, so 50 is where dispatch reaches over half of raw MailKit's pace (the
    /// dispatch bench); a crash still repeats each report at most once, whatever the size.</summary>
    public int BatchSize { get; set; } = 50;
    public int LeaseSeconds { get; set; } = 120;
    public double PollSeconds { get; set; } = 5;
}
