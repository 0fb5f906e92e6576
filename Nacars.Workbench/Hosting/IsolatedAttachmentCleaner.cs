using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Nacars.Core.Intake.Attachments;
using Nacars.Workbench.Features.Intake;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// Cleans each file in a separate, short-lived process (this program's <c>clean-attachment</c> command, started by
/// <see cref="IsolatedProcess"/>) so the web process never parses a reporter's file. The child has a hard CPU limit
/// (<c>prlimit</c>), a managed-heap limit, a wall-clock timeout, no network (a new network namespace, where the kernel
/// allows one) and no database or key ring. A crash, a timeout or running out of memory in it is a refusal with a
/// plain message; the service carries on.
/// </summary>
public sealed class IsolatedAttachmentCleaner(IOptions<AttachmentOptions> options, ILogger<IsolatedAttachmentCleaner> logger) : IAttachmentCleaner, IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentCleans));

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
            await IsolatedProcess.WriteInputAsync(upload, process.StandardInput.BaseStream, limits.MaxFileBytes,
                () => new AttachmentRejectedException(AttachmentRejection.TooLarge), timeout.Token);
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

    private static ProcessStartInfo StartInfo(AttachmentOptions limits) =>
        IsolatedProcess.StartInfo(CleanAttachmentCommand.Name, limits.CleanCpuSeconds, limits.CleanHeapMegabytes,
            CleanAttachmentCommand.OptionsVariable, JsonSerializer.Serialize(limits, CleanAttachmentCommand.Json));

    private static AttachmentRejectedException CouldNotBeChecked() =>
        new(AttachmentRejection.CouldNotBeChecked);

    private static void Kill(Process process) => IsolatedProcess.Kill(process);

    public void Dispose() => _slots.Dispose();
}
