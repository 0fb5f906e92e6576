using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Dissemination;
using MimeKit;

namespace Nacars.Tests.Dissemination;

/// <summary>
/// Issue 28, item 2: a relay's certificate refused for a reason says the reason. A test CA issues the relay's
/// certificate; its revocation list lives at a loopback address nothing answers (a locked-down server that reaches the
/// relay but not the CA's CRL), and the setting decides: IfReachable sends and warns, Required refuses and says why.
/// </summary>
public sealed class RelayCertificateTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("nacars-relay-ca-").FullName;
    private readonly CapturingLogger _log = new();

    private sealed class CapturingLogger : ILogger<SmtpTransport>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private (X509Certificate2 Ca, string CaPath) Ca(string name = "Nacars Test Relay CA")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, $"ca-{Guid.NewGuid():N}.crt");
        File.WriteAllText(path, ca.ExportCertificatePem());
        return (ca, path);
    }

    /// <summary>A relay certificate from <paramref name="ca"/> for <paramref name="name"/>, with a CRL address nothing answers.</summary>
    private static X509Certificate2 Relay(X509Certificate2 ca, string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(
            [$"http://127.0.0.1:{ClosedPort()}/nacars-test-{Guid.NewGuid():N}.crl"]));
        using var issued = request.Create(ca, notBefore, notAfter, RandomNumberGenerator.GetBytes(12));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    private SmtpTransport Transport(SmtpTestServer smtp, string? caPath, RevocationCheck revocation) =>
        new(Options.Create(new NacarsOptions
        {
            Mail = new MailOptions
            {
                Mode = MailMode.Smtp, SmtpHost = "localhost", SmtpPort = smtp.Port, RequireTls = true, TrustedCaPath = caPath, Revocation = revocation,
            },
        }), _log);

    private static MimeMessage Message()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("nacars@example.org"));
        message.To.Add(MailboxAddress.Parse("intel@kent.example.org"));
        message.Subject = "NACARS information report";
        message.Body = new TextPart("plain") { Text = "Attached." };
        return message;
    }

    [Fact]
    public async Task With_the_CAs_list_unreachable_IfReachable_sends_and_warns_and_the_check_shows_the_chain()
    {
        var (ca, caPath) = Ca();
        await using var smtp = SmtpTestServer.Create(Relay(ca, "localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)));
        var transport = Transport(smtp, caPath, RevocationCheck.IfReachable);

        await using (var session = await transport.OpenAsync(Ct)) await session.SendAsync(Message(), Ct);
        Assert.Single(smtp.Messages);
        Assert.Contains(_log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("revocation status"));

        var check = await transport.CheckAsync(Ct);
        Assert.Contains("certificate chain: CN=localhost ← CN=Nacars Test Relay CA", check);
        Assert.Contains("revocation status", check);
    }

    [Fact]
    public async Task With_the_CAs_list_unreachable_Required_refuses_and_says_revocation_status_unknown()
    {
        var (ca, caPath) = Ca();
        await using var smtp = SmtpTestServer.Create(Relay(ca, "localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)));
        var refused = await Assert.ThrowsAsync<TlsRequiredException>(() => Transport(smtp, caPath, RevocationCheck.Required).OpenAsync(Ct));
        Assert.Contains("revocation status unknown", refused.Message);
        Assert.Contains("Nothing was sent", refused.Message);
        Assert.Empty(smtp.Messages);
        Assert.Contains(_log.Lines, l => l.Contains("revocation status unknown"));
    }

    [Theory]
    [InlineData("expired", "has expired or is not yet valid")]
    [InlineData("other-name", "name mismatch: the certificate is for relay.example.org, not localhost")]
    [InlineData("other-ca", "untrusted root")]
    [InlineData("same-name-other-key", "signature does not match")]
    public async Task Each_refusal_names_its_cause(string problem, string cause)
    {
        var (ca, caPath) = Ca();
        var (otherCa, _) = Ca("Some Other CA");
        var certificate = problem switch
        {
            "expired" => Relay(ca, "localhost", DateTimeOffset.UtcNow.AddDays(-20), DateTimeOffset.UtcNow.AddDays(-2)),
            "other-name" => Relay(ca, "relay.example.org", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)),
            "other-ca" => Relay(otherCa, "localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)),
            // A forger's CA with the trusted CA's very name.
            _ => Relay(Ca().Ca, "localhost", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)),
        };
        await using var smtp = SmtpTestServer.Create(certificate);
        var transport = Transport(smtp, caPath, RevocationCheck.IfReachable);
        var refused = await Assert.ThrowsAsync<TlsRequiredException>(() => transport.OpenAsync(Ct));
        Assert.Contains(cause, refused.Message);
        Assert.Contains(cause, await transport.CheckAsync(Ct)); // what the admin's mail check shows
        Assert.Empty(smtp.Messages);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
