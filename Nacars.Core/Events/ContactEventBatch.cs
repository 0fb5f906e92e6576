namespace Nacars.Core.Events;

/// <summary>
/// The events that waited for one subscriber while it was busy, delivered together so a page applies them in one
/// render. When <see cref="Resynchronise"/> is set, some events were dropped (or another instance's were missed):
/// the subscriber reloads what it shows instead of applying <see cref="Events"/>.
/// </summary>
public sealed class ContactEventBatch(IReadOnlyList<ContactEvent> events, bool resynchronise, long sequence = 0)
{
    public IReadOnlyList<ContactEvent> Events { get; } = events;

    /// <summary>The notifier's number for the last event in the batch (<see cref="ContactNotifier.Sequence"/>): a read
    /// begun at or after it sees every change the batch announces, so subscribers can share one (<see cref="SharedRead{T}"/>).</summary>
    public long Sequence { get; } = sequence;
    public bool Resynchronise { get; } = resynchronise || events.Any(e => e.Kind == ContactEventKind.Resynchronise);

    /// <summary>Each contact the batch is about, once, in the order first seen.</summary>
    public IReadOnlyList<string> References => Events.Where(e => e.Kind != ContactEventKind.Resynchronise)
        .Select(e => e.Reference).Distinct().ToList();

    public bool Concerns(string reference) => Resynchronise || Events.Any(e => e.Reference == reference);
}
