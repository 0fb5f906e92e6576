namespace Nacars.Core.Dissemination;

/// <summary>Where outbox messages go: a pickup folder (embedded default) or an SMTP relay (CJSM in production).</summary>
public interface IMailTransport
{
    string Describe();
    /// <summary>One session per burst, so a relay connection is reused across messages.</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
    /// <summary>For the admin's mail check: connect as a send would and say what was found. Nothing is sent.</summary>
    Task<string> CheckAsync(CancellationToken ct);
}
