using System.Diagnostics;
using System.Globalization;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// The one definition of "run one of this program's commands in a limited child", shared by everything that parses
/// hostile input (a reporter's file, a message from the mailbox) so the web process never does. The child is this
/// program (<c>dotnet Nacars.Workbench.dll COMMAND</c>) with a hard CPU limit (<c>prlimit</c>), a managed-heap limit,
/// no core dumps, few file descriptors, no network (a new network namespace, where the kernel allows one) and none of
/// the service's settings or secrets. Its caller adds the wall-clock timeout and decides what a failure means.
/// </summary>
internal static class IsolatedProcess
{
    private static readonly Lazy<bool> CanIsolateNetwork = new(() => Succeeds("unshare", "--net", "--map-root-user", "true"));
    private static readonly Lazy<bool> CanLimit = new(() => Succeeds("prlimit", "--cpu=1", "true"));

    /// <summary>The child running <paramref name="command"/>, with standard input, output and error redirected and its
    /// options (JSON) in <paramref name="optionsVariable"/>.</summary>
    public static ProcessStartInfo StartInfo(string command, int cpuSeconds, int heapMegabytes, string optionsVariable, string optionsJson)
    {
        var workbench = typeof(Program).Assembly.Location;
        // The .NET host that runs this program (dotnet), or the one on the path.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
            : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var arguments = new List<string>();
        if (CanLimit.Value) arguments.AddRange(["prlimit", $"--cpu={Math.Max(1, cpuSeconds)}", "--nofile=256", "--core=0"]);
        if (CanIsolateNetwork.Value) arguments.AddRange(["unshare", "--net", "--map-root-user"]);
        arguments.AddRange([dotnet, workbench, command]);
        var info = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(workbench)!,
        };
        foreach (var argument in arguments.Skip(1)) info.ArgumentList.Add(argument);
        info.Environment[optionsVariable] = optionsJson;
        info.Environment["DOTNET_GCHeapHardLimit"] = ((long)Math.Max(64, heapMegabytes) * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_TieredPGO"] = "0";
        // Nothing of the service's own settings or secrets is needed in the child.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Nacars__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        return info;
    }

    /// <summary>Copies <paramref name="source"/> into the child's standard input and closes it; past
    /// <paramref name="maxBytes"/> it throws <paramref name="tooLarge"/>'s exception instead (the child is then not
    /// asked, and never holds more than the limit).</summary>
    public static async Task WriteInputAsync(Stream source, Stream input, long maxBytes, Func<Exception> tooLarge, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        await using (input)
        {
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                    throw tooLarge();
                await input.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
    }

    /// <summary>Ends the child and anything it started; one that has already ended is left alone.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
    }

    private static bool Succeeds(string file, params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in arguments) info.ArgumentList.Add(a);
            using var process = Process.Start(info);
            if (process is null) return false;
            process.WaitForExit(5000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }
}
