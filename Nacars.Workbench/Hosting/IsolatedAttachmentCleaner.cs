using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Nacars.Core.Intake.Attachments;
using Nacars.Workbench.Features.Intake;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// Cleans each file in a separate, short-lived process (this program's <c>clean-attachment</c> command) so the web
/// process never parses a reporter's file. The child has a hard CPU limit (<c>prlimit</c>), a managed-heap limit, a
/// wall-clock timeout, no network (a new network namespace, where the kernel allows one) and no database or key ring.
/// A crash, a timeout or running out of memory in it is a refusal with a plain message; the service carries on.
/// </summary>
public sealed class IsolatedAttachmentCleaner(IOptions<AttachmentOptions> options, ILogger<IsolatedAttachmentCleaner> logger) : IAttachmentCleaner, IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentCleans));
    private static readonly Lazy<bool> CanIsolateNetwork = new(() => Succeeds("unshare", "--net", "--map-root-user", "true"));
    private static readonly Lazy<bool> CanLimit = new(() => Succeeds("prlimit", "--cpu=1", "true"));

    public AttachmentOptions Options => options.Value;

    public async Task<CleanedAttachment> CleanAsync(Stream upload, Stream output, CancellationToken ct = default)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return await CleanInChildAsync(upload, output, ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<CleanedAttachment> CleanInChildAsync(Stream upload, Stream output, CancellationToken ct)
    {
        var limits = Options;
        using var process = Process.Start(StartInfo(limits)) ?? throw new InvalidOperationException("The cleaning process did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, limits.CleanTimeoutSeconds)));
        var result = process.StandardError.ReadToEndAsync(timeout.Token);
        var copied = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        try
        {
            await WriteUploadAsync(upload, process.StandardInput.BaseStream, limits.MaxFileBytes, timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            await copied;
            var lines = (await result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var outcome = lines.LastOrDefault(l => l.StartsWith('{')) is { } json
                ? JsonSerializer.Deserialize<CleanAttachmentCommand.Outcome>(json, CleanAttachmentCommand.Json) : null;
            if (process.ExitCode == 0 && outcome?.Cleaned is { } cleaned) return cleaned;
            if (process.ExitCode == CleanAttachmentCommand.Refused && outcome?.Refusal is { } reason)
                throw new AttachmentRejectedException(reason);
            logger.LogWarning("The cleaning process ended with code {ExitCode} without an answer (a crash, or out of memory or CPU time)", process.ExitCode);
            throw CouldNotBeChecked();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The cleaning process ran past {Seconds} s and was stopped", limits.CleanTimeoutSeconds);
            Kill(process);
            throw CouldNotBeChecked();
        }
        catch (IOException e) when (!process.HasExited || process.ExitCode != 0)
        {
            // The child died while being fed or read (killed for CPU or memory): the pipe broke.
            logger.LogWarning(e, "The cleaning process ended while a file was being cleaned");
            Kill(process);
            throw CouldNotBeChecked();
        }
        finally
        {
            Kill(process);
        }
    }

    /// <summary>The upload into the child, refused as too large once past the limit (the child is then not asked).</summary>
    private static async Task WriteUploadAsync(Stream upload, Stream input, long maxBytes, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        await using (input)
        {
            int read;
            while ((read = await upload.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                    throw new AttachmentRejectedException(AttachmentRejection.TooLarge);
                await input.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
    }

    private ProcessStartInfo StartInfo(AttachmentOptions limits)
    {
        var workbench = typeof(Program).Assembly.Location;
        // The .NET host that runs this program (dotnet), or the one on the path.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
            : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var command = new List<string>();
        if (CanLimit.Value) command.AddRange(["prlimit", $"--cpu={Math.Max(1, limits.CleanCpuSeconds)}", "--nofile=256", "--core=0"]);
        if (CanIsolateNetwork.Value) command.AddRange(["unshare", "--net", "--map-root-user"]);
        command.AddRange([dotnet, workbench, CleanAttachmentCommand.Name]);
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(workbench)!,
        };
        foreach (var argument in command.Skip(1)) info.ArgumentList.Add(argument);
        info.Environment[CleanAttachmentCommand.OptionsVariable] = JsonSerializer.Serialize(limits, CleanAttachmentCommand.Json);
        info.Environment["DOTNET_GCHeapHardLimit"] = ((long)Math.Max(64, limits.CleanHeapMegabytes) * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_TieredPGO"] = "0";
        // Nothing of the service's own settings or secrets is needed in the child.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Nacars__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        return info;
    }

    private static AttachmentRejectedException CouldNotBeChecked() =>
        new(AttachmentRejection.CouldNotBeChecked);

    private static void Kill(Process process)
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

    public void Dispose() => _slots.Dispose();
}
