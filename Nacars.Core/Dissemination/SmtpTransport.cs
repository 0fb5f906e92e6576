using System.Security.Authentication;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Nacars.Core.Dissemination;

/// <summary>SMTP with MailKit. TLS is required by default (STARTTLS, certificate validated, TLS 1.2+): with no
/// STARTTLS or a bad certificate nothing is sent in plaintext; the message stays queued, and the refusal says why
/// (<see cref="RelayCertificateCheck"/>).</summary>
public sealed class SmtpTransport(IOptions<NacarsOptions> options, ILogger<SmtpTransport> logger) : IMailTransport
{
    private MailOptions Mail => options.Value.Mail;

    public string Describe() => $"SMTP {Mail.SmtpHost}:{Mail.SmtpPort}, " + (Mail.RequireTls
        ? $"STARTTLS required (TLS 1.2+, certificate validated, revocation {Mail.Revocation}{(Mail.TrustedCaPath is null ? "" : $", CA {Mail.TrustedCaPath}")})"
        : "TLS NOT required (test only)");

    /// <summary>Connects to the relay as a send would and says what it found: the certificate chain, a warning, or why
    /// the connection was refused. Nothing is sent.</summary>
    public async Task<string> CheckAsync(CancellationToken ct)
    {
        try
        {
            var (session, check) = await ConnectAsync(ct);
            await session.DisposeAsync();
            return $"Connected to {Mail.SmtpHost}:{Mail.SmtpPort}" + (check?.Chain is { } chain ? $"; certificate chain: {chain}" : " without TLS") +
                (check?.Warning is { } warning ? $". Warning: {warning}." : ".");
        }
        catch (Exception ex) when (ex is TlsRequiredException or IOException or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException or MailKit.Security.AuthenticationException)
        {
            return ex.Message;
        }
    }

    public async Task<IMailSession> OpenAsync(CancellationToken ct) => (await ConnectAsync(ct)).Session;

    private async Task<(IMailSession Session, RelayCertificateCheck? Check)> ConnectAsync(CancellationToken ct)
    {
        // Revocation is checked by RelayCertificateCheck, which knows what an unreachable list should mean here.
        var client = new SmtpClient { Timeout = 30_000, SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13, CheckCertificateRevocation = false };
        RelayCertificateCheck? check = null;
        if (Mail.AllowUntrustedCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        else
        {
            check = new RelayCertificateCheck(Mail, Mail.SmtpHost);
            client.ServerCertificateValidationCallback = check.Validate;
        }
        // Nagle off: SMTP is a chatty request/response protocol and small writes would otherwise wait for delayed ACKs.
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(Mail.SmtpHost, Mail.SmtpPort, ct);
            await client.ConnectAsync(socket, Mail.SmtpHost, Mail.SmtpPort, Mail.RequireTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(Mail.UserName)) await client.AuthenticateAsync(Mail.UserName, Mail.Password ?? "", ct);
        }
        catch (NotSupportedException ex)
        {
            client.Dispose();
            socket.Dispose();
            throw new TlsRequiredException($"{Mail.SmtpHost}:{Mail.SmtpPort} does not offer STARTTLS and TLS is required: nothing was sent.", ex);
        }
        catch (SslHandshakeException ex)
        {
            client.Dispose();
            socket.Dispose();
            var why = check?.Refusal ?? $"the TLS handshake failed ({ex.InnerException?.Message ?? ex.Message})";
            logger.LogWarning("TLS with {Host}:{Port} refused: {Cause}", Mail.SmtpHost, Mail.SmtpPort, why);
            throw new TlsRequiredException($"TLS with {Mail.SmtpHost}:{Mail.SmtpPort} refused: {why}. Nothing was sent.", ex);
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
        if (check?.Warning is { } warning) logger.LogWarning("Relay {Host}:{Port}: {Warning}", Mail.SmtpHost, Mail.SmtpPort, warning);
        return (new Session(client), check);
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                throw new PermanentMailException($"The mail server refused the message: {(int)ex.StatusCode} {ex.Message}", ex);
            }
            catch (SmtpCommandException ex)
            {
                throw new TransientMailException($"The mail server deferred the message: {(int)ex.StatusCode} {ex.Message}", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try { if (client.IsConnected) await client.DisconnectAsync(true); }
            catch (Exception) { /* the connection is going anyway */ }
            client.Dispose();
        }
    }
}
