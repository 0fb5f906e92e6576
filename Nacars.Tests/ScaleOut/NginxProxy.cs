using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nacars.Tests.ScaleOut;

/// <summary>Debian's nginx in front of two instances, running the documented config (docs/deploy/nginx-nacars.conf)
/// with only its ports and log folder changed.</summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _prefix;

    private NginxProxy(Process process, string prefix, int port)
    {
        _process = process;
        _prefix = prefix;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static async Task<NginxProxy> StartAsync(Uri first, Uri second)
    {
        if (!File.Exists(NginxPath))
            throw new InvalidOperationException($"nginx is not installed at {NginxPath}. Run the README's test command (bash eng/test.sh), which installs it.");
        var prefix = Directory.CreateTempSubdirectory("nacars-nginx-").FullName;
        foreach (var dir in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" }) Directory.CreateDirectory(Path.Combine(prefix, "tmp", dir));
        var port = FreePort();

        var documented = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "deploy", "nginx-nacars.conf"));
        var site = documented
            .Replace("server 127.0.0.1:5001 ", $"server {first.Authority} ", StringComparison.Ordinal)
            .Replace("server 127.0.0.1:5002 ", $"server {second.Authority} ", StringComparison.Ordinal)
            .Replace("listen 8080;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("/var/log/nginx/", prefix + "/", StringComparison.Ordinal);
        if (site == documented) throw new InvalidOperationException("The documented nginx config no longer has the lines this test adapts.");
        await File.WriteAllTextAsync(Path.Combine(prefix, "nacars.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/main-error.log warn;
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            events { worker_connections 512; }
            http {
                client_body_temp_path {{prefix}}/tmp/body;
                proxy_temp_path {{prefix}}/tmp/proxy;
                fastcgi_temp_path {{prefix}}/tmp/fastcgi;
                uwsgi_temp_path {{prefix}}/tmp/uwsgi;
                scgi_temp_path {{prefix}}/tmp/scgi;
                include {{prefix}}/nacars.conf;
            }
            """);

        var info = new ProcessStartInfo(NginxPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-e", Path.Combine(prefix, "startup-error.log") })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var proxy = new NginxProxy(process, prefix, port);
        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                var log = File.Exists(Path.Combine(prefix, "main-error.log")) ? await File.ReadAllTextAsync(Path.Combine(prefix, "main-error.log")) : "";
                await proxy.DisposeAsync();
                throw new InvalidOperationException($"nginx did not start: {await process.StandardError.ReadToEndAsync()} {log}");
            }
            await Task.Delay(50);
        }
        return proxy;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try { await client.ConnectAsync(IPAddress.Loopback, port); return true; }
        catch (SocketException) { return false; }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    /// <summary>What nginx wrote to its access log (the test checks it holds no client address).</summary>
    public string AccessLog => File.Exists(Path.Combine(_prefix, "nacars-access.log")) ? File.ReadAllText(Path.Combine(_prefix, "nacars-access.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_prefix, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
