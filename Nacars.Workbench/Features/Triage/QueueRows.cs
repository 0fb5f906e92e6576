using Nacars.Core.Events;
using Nacars.Core.Triage;

namespace Nacars.Workbench.Features.Triage;

/// <summary>
/// The rows one page of the queue shows, in its view's order, and where a batch of live changes lands in them: a
/// changed row in place, a row whose place in the order changed (flagged urgent) moved, a new one placed where the
/// order puts it if that is on this page, one that left the view removed. Each row a change shows is highlighted.
/// Plain state, apart from the page, so these rules are tested without a browser.
/// </summary>
public sealed class QueueRows(int pageSize)
{
    private readonly Dictionary<string, bool> _flashParity = [];
    private QueueFilter _view = new();
    private bool _firstPage = true;

    public List<QueueItem> Items { get; private set; } = [];

    /// <summary>Where the next page starts; null when this is the last.</summary>
    public QueueCursor? Next { get; private set; }

    /// <summary>A page read from the database: the rows as they are, nothing highlighted afresh.</summary>
    public void Show(QueueFilter view, bool firstPage, IEnumerable<QueueItem> items, QueueCursor? next)
    {
        _view = view;
        _firstPage = firstPage;
        Items = [.. items];
        Next = next;
    }

    /// <summary>Applies what the contacts a batch touched now are (<paramref name="current"/>: those still in this
    /// view) and returns how many contacts received in the batch joined the view, on this page or another.</summary>
    public int Apply(ContactEventBatch batch, IReadOnlyList<QueueItem> current)
    {
        var now = current.ToDictionary(i => i.Reference);
        var received = batch.Events.Where(e => e.Kind == ContactEventKind.ContactReceived).Select(e => e.Reference).ToHashSet();
        var arrived = 0;
        foreach (var reference in batch.References)
        {
            var index = Items.FindIndex(r => r.Reference == reference);
            if (!now.TryGetValue(reference, out var item))
            {
                // No longer in this view (decided, claimed away from a filter, ...).
                if (index >= 0) Items.RemoveAt(index);
                continue;
            }
            if (index >= 0)
            {
                if (_view.Compare(Items[index], item) == 0 || SortsAt(item, index)) { Items[index] = item; Flash(reference); continue; }
                Items.RemoveAt(index); // its place in the order changed: placed again below
            }
            else if (received.Contains(reference)) arrived++;
            if (Place(item)) Flash(reference);
        }
        return arrived;
    }

    /// <summary>"a" or "b", alternating with each change of the row (a changed animation name restarts the highlight in
    /// the browser); null for a row no change has touched.</summary>
    public string? FlashOf(string reference) => _flashParity.TryGetValue(reference, out var odd) ? (odd ? "a" : "b") : null;

    private void Flash(string reference) => _flashParity[reference] = !_flashParity.GetValueOrDefault(reference);

    /// <summary>Whether the row at <paramref name="index"/> may stay there with the item's new values.</summary>
    private bool SortsAt(QueueItem item, int index) =>
        (index == 0 || _view.Compare(Items[index - 1], item) <= 0) && (index == Items.Count - 1 || _view.Compare(item, Items[index + 1]) <= 0);

    /// <summary>Puts a row where the view's order puts it, if that is on this page; the others stay where they are.</summary>
    private bool Place(QueueItem item)
    {
        var at = Items.FindIndex(r => _view.Compare(item, r) < 0);
        if (at < 0) at = Items.Count;
        if (at == 0 && !_firstPage) return false;                                                 // belongs to an earlier page
        if (at == Items.Count && Items.Count >= pageSize) { Next ??= QueueCursor.After(Items[^1]); return false; } // a later one
        Items.Insert(at, item);
        if (Items.Count > pageSize)
        {
            Items.RemoveAt(Items.Count - 1);
            Next = QueueCursor.After(Items[^1]);
        }
        return true;
    }
}
