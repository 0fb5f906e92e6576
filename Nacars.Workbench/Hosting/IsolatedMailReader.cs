using System.Diagnostics;
using System.Text.Json;
using Nacars.Core.ForceFeedback;
using Nacars.Workbench.Features.ForceFeedback;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// Reads each message from the service's mailbox in a separate, short-lived process (this program's <c>read-mail</c>
/// command, started by <see cref="IsolatedProcess"/>), so the web process never parses an email: anyone can send one.
/// The child has a CPU limit, a managed-heap limit and a wall-clock timeout, and its answer is read with a bound and
/// checked against the limits before it is believed. A crash, a timeout or a bad answer makes the message unreadable
/// with a plain reason (it is recorded, to be read in the mailbox); the service carries on.
/// </summary>
public sealed class IsolatedMailReader : IMailReader, IDisposable
{
    /// <summary>Children at once: reading is rare (a force's reply), and each child may take its whole heap limit.</summary>
    private const int Slots = 2;
    private readonly SemaphoreSlim _slots = new(Slots);
    private readonly ILogger<IsolatedMailReader> _logger;
    private readonly MailReadLimits _limits;

    public IsolatedMailReader(ILogger<IsolatedMailReader> logger) : this(logger, MailReadLimits.Default) { }

    internal IsolatedMailReader(ILogger<IsolatedMailReader> logger, MailReadLimits limits)
    {
        _logger = logger;
        _limits = limits;
    }

    public async Task<ReadMail> ReadAsync(Stream rawMessage, CancellationToken ct = default)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return await ReadInChildAsync(rawMessage, ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<ReadMail> ReadInChildAsync(Stream rawMessage, CancellationToken ct)
    {
        var limits = _limits;
        var info = IsolatedProcess.StartInfo(ReadMailCommand.Name, limits.CpuSeconds, limits.HeapMegabytes,
            ReadMailCommand.LimitsVariable, JsonSerializer.Serialize(limits, ReadMailCommand.Json));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The mail reading process did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, limits.TimeoutSeconds)));
        var answer = ReadAnswerAsync(process, MaxAnswerBytes(limits), timeout.Token);
        // Drained so a child writing to it never blocks; never shown (it may quote the message).
        var errors = process.StandardError.BaseStream.CopyToAsync(Stream.Null, timeout.Token);
        try
        {
            await IsolatedProcess.WriteInputAsync(rawMessage, process.StandardInput.BaseStream, limits.MaxMessageBytes,
                () => new UnreadableMailException(MailParser.TooLargeReason(limits.MaxMessageBytes)), timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            using var output = await answer;
            await errors;
            var outcome = Outcome(output);
            if (process.ExitCode == 0 && outcome?.Mail is { } mail && WithinLimits(mail, limits)) return mail;
            if (process.ExitCode == ReadMailCommand.Unreadable && outcome?.Unreadable is { Length: > 0 and <= 500 } reason)
                throw new UnreadableMailException(reason);
            _logger.LogWarning("The mail reading process ended with code {ExitCode} without a usable answer (a crash, out of memory or CPU time, or an answer past the limits)", process.ExitCode);
            throw CouldNotBeRead();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _logger.LogWarning("The mail reading process ran past {Seconds} s and was stopped", limits.TimeoutSeconds);
            IsolatedProcess.Kill(process);
            throw CouldNotBeRead();
        }
        catch (IOException e) when (!process.HasExited || process.ExitCode != 0)
        {
            // The child died while being fed or read (killed for CPU or memory): the pipe broke.
            _logger.LogWarning(e, "The mail reading process ended while a message was being read");
            IsolatedProcess.Kill(process);
            throw CouldNotBeRead();
        }
        finally
        {
            IsolatedProcess.Kill(process);
        }
    }

    /// <summary>The child's standard output, or null (and the child killed) once it passes what a real answer can be.</summary>
    private static async Task<MemoryStream?> ReadAnswerAsync(Process process, long maxBytes, CancellationToken ct)
    {
        var answer = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await process.StandardOutput.BaseStream.ReadAsync(buffer, ct)) > 0)
        {
            if (answer.Length + read > maxBytes)
            {
                IsolatedProcess.Kill(process);
                await answer.DisposeAsync();
                return null;
            }
            answer.Write(buffer, 0, read);
        }
        answer.Position = 0;
        return answer;
    }

    /// <summary>The files as base64 (a third larger) — and the files together are never more than the message — plus
    /// room for the text, subject and threads, each escaped at worst six characters to one.</summary>
    private static long MaxAnswerBytes(MailReadLimits limits) =>
        Math.Min(limits.MaxMessageBytes, (long)limits.MaxAttachments * limits.MaxAttachmentBytes) / 3 * 4 + 4 * 1024 * 1024;

    private static ReadMailCommand.Outcome? Outcome(MemoryStream? output)
    {
        if (output is null) return null;
        try
        {
            return JsonSerializer.Deserialize<ReadMailCommand.Outcome>(output, ReadMailCommand.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The child is trusted no more than the message it read: an answer past the limits is no answer.</summary>
    private static bool WithinLimits(ReadMail mail, MailReadLimits limits) =>
        mail.MessageId is null or { Length: > 0 and <= MailParser.MaxMessageIdLength }
        && mail.Threads is { Count: <= MailParser.MaxThreads } threads && threads.All(t => t is { Length: > 0 and <= MailParser.MaxMessageIdLength })
        && mail.From is { Length: <= MailParser.MaxAddressLength }
        && mail.Subject is { Length: <= MailParser.MaxSubjectLength }
        && mail.Text is { Length: <= ReadMail.MaxTextLength }
        && mail.AttachmentsLeftOut >= 0
        && mail.Attachments is { } files && files.Count <= limits.MaxAttachments
        && files.All(f => f is { FileName: { Length: > 0 and <= MailParser.MaxFileNameLength } name, Content: { } content }
            && name == Path.GetFileName(name) && !name.Contains('\\') && content.Length <= limits.MaxAttachmentBytes);

    private static UnreadableMailException CouldNotBeRead() =>
        new("The message could not be read safely (the reading process failed or ran out of time).");

    public void Dispose() => _slots.Dispose();
}
