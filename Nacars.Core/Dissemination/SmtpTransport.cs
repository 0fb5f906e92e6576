using System.Security.Authentication;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Nacars.Core.Dissemination;

/// <summary>SMTP with MailKit. TLS is required by default (STARTTLS, certificate validated, TLS 1.2+): with no
/// STARTTLS or a bad certificate nothing is sent in plaintext; the message stays queued.</summary>
public sealed class SmtpTransport(IOptions<NacarsOptions> options) : IMailTransport
{
    private MailOptions Mail => options.Value.Mail;

    public string Describe() => $"SMTP {Mail.SmtpHost}:{Mail.SmtpPort}, " + (Mail.RequireTls ? "STARTTLS required (TLS 1.2+, certificate validated)" : "TLS NOT required (test only)");

    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = 30_000, SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13, CheckCertificateRevocation = !Mail.AllowUntrustedCertificate };
        if (Mail.AllowUntrustedCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
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
            throw new TlsRequiredException($"TLS with {Mail.SmtpHost}:{Mail.SmtpPort} failed (certificate not trusted or protocol refused): nothing was sent.", ex);
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
        return new Session(client);
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
        }

        public async ValueTask DisposeAsync()
        {
            try { if (client.IsConnected) await client.DisconnectAsync(true); }
            catch (Exception) { /* the connection is going anyway */ }
            client.Dispose();
        }
    }
}
