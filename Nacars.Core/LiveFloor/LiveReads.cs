using Nacars.Core.Triage;
using Nacars.Core.Events;

namespace Nacars.Core.LiveFloor;

/// <summary>
/// The reads every open dashboard makes after events, made once and shared by all of them (see <see cref="SharedRead{T}"/>):
/// the queue's counts, the wallboard's floor, and the rows a batch of events touched. However many analysts have the
/// queue open, an event costs the database about the same few queries, so a busy floor does not slow the reporter's
/// own request or the next event.
/// </summary>
public sealed class LiveReads
{
    // Rows read recently, each with the event number its read began at. Only an optimisation: dropped wholesale when large.
    private const int RowsKept = 4096;

    private readonly ContactNotifier _events;
    private readonly ContactSearch _search;
    private readonly SharedRead<QueueCounts> _counts;
    private readonly SharedRead<FloorSnapshot> _floor;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long StartedAt, Task<IReadOnlyList<QueueItem>> Read)> _rows = [];

    public LiveReads(ContactNotifier events, ContactSearch search, Floor floor)
    {
        _events = events;
        _search = search;
        _counts = new SharedRead<QueueCounts>(events, search.CountsAsync);
        _floor = new SharedRead<FloorSnapshot>(events, floor.SnapshotAsync);
    }

    /// <summary>The queue's counts as they stood after event <paramref name="seen"/> at the latest.</summary>
    public Task<QueueCounts> CountsAsync(long seen) => _counts.AfterAsync(seen);

    /// <summary>The floor (wallboard) as it stood after event <paramref name="seen"/> at the latest.</summary>
    public Task<FloorSnapshot> FloorAsync(long seen) => _floor.AfterAsync(seen);

    /// <summary>The given contacts as they stand after event <paramref name="seen"/>, those the filter matches. Rows are
    /// read once for every page that asks; a filter on the subject goes to the database (its keyed hashes).</summary>
    public async Task<IReadOnlyList<QueueItem>> ItemsAsync(IReadOnlyList<string> references, QueueFilter filter, long seen)
    {
        if (references.Count == 0) return [];
        if (!filter.DecidableFromRow) return await _search.ItemsAsync(references, filter);

        var reads = new HashSet<Task<IReadOnlyList<QueueItem>>>();
        List<string>? missing = null;
        TaskCompletionSource<IReadOnlyList<QueueItem>>? mine = null;
        lock (_gate)
        {
            foreach (var reference in references)
            {
                if (_rows.TryGetValue(reference, out var known) && known.StartedAt >= seen && !known.Read.IsFaulted) reads.Add(known.Read);
                else (missing ??= []).Add(reference);
            }
            if (missing is not null)
            {
                if (_rows.Count + missing.Count > RowsKept) _rows.Clear();
                var startedAt = _events.Sequence; // taken before the read begins: it sees every change announced so far
                mine = new TaskCompletionSource<IReadOnlyList<QueueItem>>(TaskCreationOptions.RunContinuationsAsynchronously);
                foreach (var reference in missing) _rows[reference] = (startedAt, mine.Task);
                reads.Add(mine.Task);
            }
        }
        if (mine is not null)
        {
            try { mine.SetResult(await _search.ItemsAsync(missing!, new QueueFilter(StatusFilter.Any))); }
            catch (Exception ex) { mine.SetException(ex); }
        }
        var current = new Dictionary<string, QueueItem>();
        foreach (var read in await Task.WhenAll(reads))
            foreach (var item in read) current[item.Reference] = item;
        return [.. references.Select(r => current.GetValueOrDefault(r)).OfType<QueueItem>().Where(i => filter.Matches(i) == true)];
    }
}
