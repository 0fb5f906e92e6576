using Microsoft.Extensions.Options;
using Nacars.Core.Intake.Attachments;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// How many posts with files the server takes at once (<see cref="AttachmentOptions.MaxConcurrentUploads"/>). Past it, a
/// post's files are not read and the reporter is told the service is busy, their words kept: a burst of large uploads
/// cannot take the disk and the cleaner's time from everyone else.
/// </summary>
public sealed class UploadSlots(IOptions<AttachmentOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentUploads));

    /// <summary>A slot, given back when the result is disposed; null when none is free.</summary>
    public IDisposable? TryTake() => _slots.Wait(0) ? new Lease(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
