namespace Nacars.Core.Events;

/// <summary>
/// One database read shared by every subscriber that needs it after the same events. Thirty open queues that each
/// re-counted the open work for every event made thirty identical queries per event, and on two cores those queued
/// behind each other and behind the reporter's own request. Here the first subscriber to ask starts the read; every
/// other one that asks while it runs, or after it, gets the same result — as long as the read began after the last
/// event that subscriber has seen, so nobody is handed figures from before its own events.
/// </summary>
public sealed class SharedRead<T>(ContactNotifier events, Func<CancellationToken, Task<T>> read)
{
    private readonly Lock _gate = new();
    private long _startedAt = -1;
    private Task<T>? _latest;

    /// <summary>A result read after event <paramref name="seen"/> was published (<see cref="ContactEventBatch.Sequence"/>).</summary>
    public Task<T> AfterAsync(long seen)
    {
        TaskCompletionSource<T> result;
        lock (_gate)
        {
            if (_latest is { IsFaulted: false, IsCanceled: false } latest && _startedAt >= seen) return latest;
            // Read the number before the read starts: every event up to it was saved before it was published.
            _startedAt = events.Sequence;
            result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _latest = result.Task;
        }
        _ = ReadInto(result);
        return result.Task;
    }

    private async Task ReadInto(TaskCompletionSource<T> result)
    {
        try { result.SetResult(await read(CancellationToken.None)); }
        catch (Exception ex) { result.SetException(ex); } // handed to every waiter; the next ask reads again
    }
}
