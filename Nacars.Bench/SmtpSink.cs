using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace Nacars.Bench;

/// <summary>A real SMTP server on loopback that counts what it accepts.</summary>
public sealed class SmtpSink : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _received;

    public int Port { get; }
    public int Received => Volatile.Read(ref _received);

    public SmtpSink()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        services.Add(new NoDelayListenerFactory());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _received);
        return Task.FromResult(SmtpResponse.Ok);
    }

    /// <summary>Accepts like SmtpServer's own listener but turns Nagle off: on loopback its replies otherwise wait for
    /// delayed ACKs (about 40 ms a message), and the benchmark would measure TCP timers instead of the product.</summary>
    private sealed class NoDelayListenerFactory : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(listener);
        }

        private sealed class Listener(TcpListener listener) : SmtpServer.Net.IEndpointListener
        {
            public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                client.NoDelay = true;
                return new PlainPipe(client);
            }

            public void Dispose() => listener.Stop();
        }

        /// <summary>A plain-text duplex pipe over the accepted connection (the sink never offers STARTTLS).</summary>
        private sealed class PlainPipe(TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
        {
            private readonly System.IO.Pipelines.PipeReader _input = System.IO.Pipelines.PipeReader.Create(client.GetStream());
            private readonly System.IO.Pipelines.PipeWriter _output = System.IO.Pipelines.PipeWriter.Create(client.GetStream());
            public System.IO.Pipelines.PipeReader Input => _input;
            public System.IO.Pipelines.PipeWriter Output => _output;
            public bool IsSecure => false;
            public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;
            public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate, System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException("The benchmark's SMTP sink does not offer TLS.");
            public void Dispose() => client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
    }
}
