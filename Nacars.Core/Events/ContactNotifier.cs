using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nacars.Core.Events;

/// <summary>
/// The in-process notifier. Publishing never waits for subscribers: each subscriber has its own bounded queue, served
/// by its own loop, which hands over everything that waited as one batch. A slow subscriber therefore gets fewer,
/// larger batches rather than falling further behind; one that stops altogether (a stuck page) holds at most
/// <see cref="LiveOptions.SubscriberQueueLimit"/> events, after which its queue is emptied and it is told to
/// resynchronise. Neither delays the reporter's request or any other subscriber, and a failing subscriber never
/// stops the others. A paced subscriber's loop waits out the rest of its interval before taking the next batch, so
/// events gather meanwhile; the handler itself never waits on time.
/// </summary>
public sealed class ContactNotifier(ILogger<ContactNotifier> logger, IOptions<NacarsOptions> options, TimeProvider? clock = null) : IContactNotifier
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private Subscriber[] _subscribers = [];
    private long _sequence;
    private readonly int _queueLimit = Math.Max(1, options.Value.Live.SubscriberQueueLimit);

    public Task PublishAsync(ContactEvent contactEvent)
    {
        Publish(contactEvent);
        return Task.CompletedTask;
    }

    /// <summary>Queues the event for every subscriber and returns at once.</summary>
    public void Publish(ContactEvent contactEvent)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber.Post(contactEvent, sequence);
    }

    /// <summary>How many events have been published here. Events are published after their change is saved, so a read
    /// that starts once this reaches <c>n</c> sees the changes of events 1..n.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    public IDisposable Subscribe(Func<ContactEventBatch, Task> handler, TimeSpan pace = default)
    {
        var subscriber = new Subscriber(handler, pace, this);
        lock (_gate) _subscribers = [.. _subscribers, subscriber];
        return subscriber;
    }

    /// <summary>How many subscribers are listening now (health and tests).</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    private void Remove(Subscriber subscriber)
    {
        lock (_gate) _subscribers = [.. _subscribers.Where(s => s != subscriber)];
    }

    private sealed class Subscriber : IDisposable
    {
        private readonly Func<ContactEventBatch, Task> _handler;
        private readonly TimeSpan _pace;
        private readonly ContactNotifier _owner;
        private long? _lastBatchStarted;
        private readonly Lock _queueGate = new();
        private List<ContactEvent> _waiting = [];
        private long _lastSequence;
        private bool _overflowed;
        private bool _delivering;
        private bool _disposed;

        public Subscriber(Func<ContactEventBatch, Task> handler, TimeSpan pace, ContactNotifier owner)
        {
            _handler = handler;
            _pace = pace;
            _owner = owner;
        }

        public void Post(ContactEvent contactEvent, long sequence)
        {
            lock (_queueGate)
            {
                if (_disposed) return;
                _lastSequence = Math.Max(_lastSequence, sequence);
                if (_overflowed) { } // already told to reload everything: nothing more to keep
                else if (_waiting.Count >= _owner._queueLimit)
                {
                    // Stuck or far behind: drop what waits and have it reload once, rather than hold events without bound.
                    _waiting = [];
                    _overflowed = true;
                }
                else _waiting.Add(contactEvent);
                if (_delivering) return;
                _delivering = true;
            }
            // One delivery loop at a time per subscriber, started only when there is something to deliver: an idle
            // subscriber holds no thread and no task.
            _ = Task.Run(DeliverAsync);
        }

        private async Task DeliverAsync()
        {
            while (true)
            {
                lock (_queueGate)
                {
                    if (_disposed || (_waiting.Count == 0 && !_overflowed))
                    {
                        _delivering = false; // idle: no loop and no timer until the next event
                        return;
                    }
                }
                // Paced: what arrives during the rest of the interval joins this batch (a quiet subscriber waits for nothing).
                if (_pace > TimeSpan.Zero && _lastBatchStarted is { } started && _pace - _owner._clock.GetElapsedTime(started) is var rest && rest > TimeSpan.Zero)
                    await Task.Delay(rest, _owner._clock);
                ContactEventBatch batch;
                lock (_queueGate)
                {
                    if (_disposed)
                    {
                        _delivering = false;
                        return;
                    }
                    batch = new ContactEventBatch(_waiting, _overflowed, _lastSequence);
                    _waiting = [];
                    _overflowed = false;
                }
                _lastBatchStarted = _owner._clock.GetTimestamp();
                try { await _handler(batch); }
                catch (Exception ex)
                {
                    _owner._logger.LogWarning(ex, "A subscriber failed on a batch of {Count} event(s)", batch.Events.Count);
                }
            }
        }

        public void Dispose()
        {
            lock (_queueGate)
            {
                if (_disposed) return;
                _disposed = true;
                _waiting = [];
            }
            _owner.Remove(this);
        }
    }

    private readonly ILogger _logger = logger;
}
