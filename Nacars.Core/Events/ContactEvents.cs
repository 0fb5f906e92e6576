using System.Threading.Channels;
using Microsoft.Extensions.Logging;

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

/// <summary>
/// The in-process notifier. Publishing never waits for subscribers: each subscriber has its own queue, served in
/// order by its own loop, so a dashboard that is slow (or flashing a row for three seconds) delays neither the
/// reporter's request nor any other dashboard. A failing subscriber never stops the others.
/// </summary>
public sealed class ContactNotifier(ILogger<ContactNotifier> logger) : IContactNotifier
{
    private readonly Lock _gate = new();
    private Subscriber[] _subscribers = [];

    public Task PublishAsync(ContactEvent contactEvent)
    {
        Publish(contactEvent);
        return Task.CompletedTask;
    }

    /// <summary>Queues the event for every subscriber and returns at once.</summary>
    public void Publish(ContactEvent contactEvent)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber.Post(contactEvent);
    }

    public IDisposable Subscribe(Func<ContactEvent, Task> handler)
    {
        var subscriber = new Subscriber(handler, this);
        lock (_gate) _subscribers = [.. _subscribers, subscriber];
        return subscriber;
    }

    private void Remove(Subscriber subscriber)
    {
        lock (_gate) _subscribers = [.. _subscribers.Where(s => s != subscriber)];
    }

    private sealed class Subscriber : IDisposable
    {
        private readonly Channel<ContactEvent> _queue = Channel.CreateUnbounded<ContactEvent>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Func<ContactEvent, Task> _handler;
        private readonly ContactNotifier _owner;
        private int _disposed;

        public Subscriber(Func<ContactEvent, Task> handler, ContactNotifier owner)
        {
            _handler = handler;
            _owner = owner;
            _ = Task.Run(DeliverAsync);
        }

        public void Post(ContactEvent contactEvent) => _queue.Writer.TryWrite(contactEvent);

        private async Task DeliverAsync()
        {
            await foreach (var contactEvent in _queue.Reader.ReadAllAsync())
            {
                try { await _handler(contactEvent); }
                catch (Exception ex)
                {
                    _owner._logger.LogWarning(ex, "A subscriber failed on {Kind} {Reference}", contactEvent.Kind, contactEvent.Reference);
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _owner.Remove(this);
            _queue.Writer.TryComplete();
        }
    }

    private readonly ILogger _logger = logger;
}
