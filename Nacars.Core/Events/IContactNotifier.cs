namespace Nacars.Core.Events;

/// <summary>One place Core announces events and the UI listens (eShop's singleton notifier).</summary>
public interface IContactNotifier
{
    /// <summary>Announce to every subscriber in this process and, when configured, to other instances. Never waits
    /// for a subscriber.</summary>
    Task PublishAsync(ContactEvent contactEvent);

    /// <summary>Listen; dispose the result to stop (components do so in Dispose). The handler gets every event that
    /// waited while it was busy, in order, as one batch; it is never called again before its task completes.</summary>
    /// <param name="pace">The least time from the start of one batch to the start of the next. A page passes
    /// <see cref="LiveOptions.ScreenUpdateInterval"/>: a quiet page still gets an event at once, a busy one gets the
    /// events of each interval together in one render. Zero (the hub relay) hands each batch over as soon as it can.</param>
    IDisposable Subscribe(Func<ContactEventBatch, Task> handler, TimeSpan pace = default);
}
