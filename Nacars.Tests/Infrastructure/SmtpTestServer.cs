using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;
using SmtpReplyCode = SmtpServer.Protocol.SmtpReplyCode;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace Nacars.Tests.Infrastructure;

/// <summary>One message as the server accepted it: the raw RFC 822 bytes, the envelope, and whether the session was TLS.</summary>
public sealed record CapturedMail(byte[] Raw, string From, IReadOnlyList<string> Recipients, bool OverTls)
{
    public MimeMessage Parse()
    {
        using var stream = new MemoryStream(Raw);
        return MimeMessage.Load(stream);
    }
}

/// <summary>
/// A real SMTP server (SmtpServer 11.1) on loopback for the dissemination tests. It has its own free port for its whole
/// life, so it can be "down" (not started, or stopped) and come back on the same port. It captures every accepted message,
/// can refuse messages with a permanent 5xx, and can offer STARTTLS with a self-signed certificate.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<CapturedMail> _messages = [];
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _cts;
    private Task? _running;
    private int _faultedSessions;

    private SmtpTestServer(bool offerStartTls, X509Certificate2? certificate = null)
    {
        Port = FreeLoopbackPort();
        if (offerStartTls) Certificate = certificate ?? SelfSignedCertificate();
    }

    /// <summary>A started server whose STARTTLS presents <paramref name="certificate"/> (with its private key).</summary>
    public static SmtpTestServer Create(X509Certificate2 certificate)
    {
        var server = new SmtpTestServer(true, certificate);
        server.Start();
        return server;
    }

    /// <summary>A server on a free loopback port; started unless <paramref name="start"/> is false (an SMTP outage).</summary>
    public static SmtpTestServer Create(bool offerStartTls = false, bool start = true)
    {
        var server = new SmtpTestServer(offerStartTls);
        if (start) server.Start();
        return server;
    }

    public int Port { get; }
    /// <summary>The self-signed certificate STARTTLS uses; null when the server offers no STARTTLS.</summary>
    public X509Certificate2? Certificate { get; }
    public bool OffersStartTls => Certificate is not null;
    public bool IsRunning { get { lock (_gate) return _server is not null; } }

    /// <summary>Refuse every message after DATA with 554 (permanent).</summary>
    public bool RejectAll { get; set; }
    /// <summary>Refuse, after DATA with 554 (permanent), any message whose envelope has a recipient for which this is true.</summary>
    public Func<string, bool>? RejectRecipient { get; set; }
    public const string RejectionText = "Mailbox refused by the test server";

    public IReadOnlyList<CapturedMail> Messages { get { lock (_gate) return _messages.ToList(); } }
    public int RejectedCount { get; private set; }
    /// <summary>Sessions that broke off (for example a client that gave up on the TLS handshake).</summary>
    public int FaultedSessions => Volatile.Read(ref _faultedSessions);

    public void Start()
    {
        lock (_gate)
        {
            if (_server is not null) return;
            var options = new SmtpServerOptionsBuilder()
                .ServerName("localhost")
                .Endpoint(e =>
                {
                    e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).SessionTimeout(TimeSpan.FromSeconds(30));
                    if (Certificate is not null) e.Certificate(Certificate).SupportedSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
                })
                .Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new CapturingStore(this));
            var server = new SmtpServer.SmtpServer(options, services);
            server.SessionFaulted += (_, _) => Interlocked.Increment(ref _faultedSessions);
            _cts = new CancellationTokenSource();
            // The listener is bound before StartAsync first yields, so the port accepts connections once this returns.
            _running = server.StartAsync(_cts.Token);
            _server = server;
        }
        if (_running!.IsFaulted) _running.GetAwaiter().GetResult();   // e.g. the port was taken meanwhile: fail loudly
    }

    /// <summary>An outage: stop listening (the port then refuses connections) and end the running sessions.</summary>
    public async Task StopAsync()
    {
        SmtpServer.SmtpServer? server;
        CancellationTokenSource? cts;
        Task? running;
        lock (_gate)
        {
            (server, cts, running) = (_server, _cts, _running);
            (_server, _cts, _running) = (null, null, null);
        }
        if (server is null) return;
        server.Shutdown();
        await server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        await cts!.CancelAsync();
        try { await running!.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (OperationCanceledException) { /* sessions were cancelled: expected */ }
        cts.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Certificate?.Dispose();
    }

    private SmtpResponse Save(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer)
    {
        var recipients = transaction.To.Select(m => m.AsAddress()).ToList();
        if (RejectAll || (RejectRecipient is { } reject && recipients.Any(reject)))
        {
            lock (_gate) RejectedCount++;
            return new SmtpResponse(SmtpReplyCode.TransactionFailed, RejectionText);
        }
        var mail = new CapturedMail(buffer.ToArray(), transaction.From?.AsAddress() ?? "", recipients, context.Pipe.IsSecure);
        lock (_gate) _messages.Add(mail);
        return SmtpResponse.Ok;
    }

    /// <summary>How long the server takes to accept each message (a slow relay), so a burst lasts long enough to
    /// interrupt.</summary>
    public TimeSpan DelayPerMessage { get; set; }

    private sealed class CapturingStore(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (owner.DelayPerMessage > TimeSpan.Zero) await Task.Delay(owner.DelayPerMessage, cancellationToken);
            return owner.Save(context, transaction, buffer);
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Re-imported so SslStream can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
