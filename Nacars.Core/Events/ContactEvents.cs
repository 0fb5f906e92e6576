namespace Nacars.Core.Events;

/// <summary>
/// What happened to a contact, as pushed to every open dashboard and hub client. Carries references and states
/// only: never the account or anything about the reporter.
/// </summary>
public sealed record ContactEvent(ContactEventKind Kind, string Reference, string Status, string? Actor, DateTime AtUtc, string? Detail = null);

public enum ContactEventKind
{
    ContactReceived,
    FollowUpAdded,
    ContactClaimed,
    ContactReleased,
    ContactUpdated,
    ContactDecided,
    DisseminationStatusChanged,
    /// <summary>Events from other instances may have been missed (their listener reconnected): reload what is shown.</summary>
    Resynchronise,
}

/// <summary>One place Core announces events and the UI listens (eShop's singleton notifier).</summary>
public interface IContactNotifier
{
    /// <summary>Announce to every subscriber in this process and, when configured, to other instances.</summary>
    Task PublishAsync(ContactEvent contactEvent);

    /// <summary>Listen; dispose the result to stop (components do so in Dispose).</summary>
    IDisposable Subscribe(Func<ContactEvent, Task> handler);
}

/// <summary>The in-process notifier. A failing subscriber never stops the others, nor the publisher.</summary>
public sealed class ContactNotifier(Microsoft.Extensions.Logging.ILogger<ContactNotifier> logger) : IContactNotifier
{
    private readonly Lock _gate = new();
    private ImmutableHandlers _handlers = new([]);

    public async Task PublishAsync(ContactEvent contactEvent)
    {
        foreach (var handler in _handlers.Items)
        {
            try { await handler(contactEvent); }
            catch (Exception ex) { Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, ex, "A subscriber failed on {Kind} {Reference}", contactEvent.Kind, contactEvent.Reference); }
        }
    }

    public IDisposable Subscribe(Func<ContactEvent, Task> handler)
    {
        lock (_gate) _handlers = new([.. _handlers.Items, handler]);
        return new Subscription(() => { lock (_gate) _handlers = new([.. _handlers.Items.Where(h => h != handler)]); });
    }

    private sealed record ImmutableHandlers(Func<ContactEvent, Task>[] Items);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose() { if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose(); }
    }
}
