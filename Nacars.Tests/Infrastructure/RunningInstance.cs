using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nacars.Tests.Infrastructure;

/// <summary>
/// The Workbench as an outsider meets it: its own process (Development: demo users), on a loopback port, with its own
/// data folder. Attacks go at it over HTTP only, and its memory is read from /proc as an operator would, so nothing
/// the test process holds is counted.
/// </summary>
public class RunningInstance : IAsyncLifetime
{
    private Process? _process;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nacars-instance", Guid.NewGuid().ToString("N"));

    /// <summary>Settings as environment variables (Nacars__Intake__SubmissionsPerWindow and the like).</summary>
    public Dictionary<string, string> Environment { get; } = new();
    public Uri BaseAddress { get; private set; } = default!;
    public string DataRoot => _root;

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Nacars__DataRoot"] = _root;
        info.Environment["Nacars__Demo__Simulate"] = "false";
        info.Environment["Nacars__Demo__HistoryMonths"] = "0";
        foreach (var (key, value) in Environment) info.Environment[key] = value;
        _process = Process.Start(info)!;
        // Ready when the host says it has started (after migrations and demo data), or failed when the process ends.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true) started.TrySetResult(); };
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"The Workbench exited at start-up with code {_process.ExitCode}."));
        _process.BeginOutputReadLine();
        _ = _process.StandardError.ReadToEndAsync(); // read, so the process never blocks on a full pipe
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(90));
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/ready")).StatusCode);
    }

    /// <summary>A client with its own cookie jar that does not follow redirects (an attacker reads every answer),
    /// connecting from <paramref name="from"/>: any 127.x.y.z address is this machine, so tests can be many clients.</summary>
    public HttpClient Client(CookieContainer? cookies = null, string from = "127.0.0.1")
    {
        var source = IPAddress.Parse(from);
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies ?? new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    }

    /// <summary>The process's resident memory now (VmRSS) and at its peak so far (VmHWM), in bytes.</summary>
    public (long Now, long Peak) Memory()
    {
        long Read(string key) => long.Parse(File.ReadLines($"/proc/{_process!.Id}/status").First(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public bool HasExited => _process?.HasExited ?? true;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
