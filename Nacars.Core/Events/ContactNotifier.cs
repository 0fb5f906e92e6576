using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nacars.Core.Events;

/// <summary>
/// The in-process notifier. Publishing never waits for subscribers: each subscriber has its own bounded channel, read
/// by its own loop, which hands over everything that waited as one batch. A slow subscriber therefore gets fewer,
/// larger batches rather than falling further behind; one that stops altogether (a stuck page) holds at most
/// <see cref="LiveOptions.SubscriberQueueLimit"/> events; what does not fit is dropped, and when it reads again it gets
/// no events but one "resynchronise" (it reloads what it shows). Neither delays the reporter's request or any other subscriber, and a failing subscriber never
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
        // Bounded: a subscriber that stops reading holds at most the limit; an event that does not fit is dropped and
        // the subscriber is told, once, to reload instead.
        private readonly Channel<ContactEvent> _queue;
        private readonly CancellationTokenSource _stopped = new();
        private long _lastSequence;
        private int _overflowed;

        public Subscriber(Func<ContactEventBatch, Task> handler, TimeSpan pace, ContactNotifier owner)
        {
            _handler = handler;
            _pace = pace;
            _owner = owner;
            _queue = Channel.CreateBounded<ContactEvent>(
                new BoundedChannelOptions(owner._queueLimit) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
                _ => Volatile.Write(ref _overflowed, 1));
            _ = Task.Run(DeliverAsync);
        }

        public void Post(ContactEvent contactEvent, long sequence)
        {
            InterlockedMax(ref _lastSequence, sequence);
            _queue.Writer.TryWrite(contactEvent);
        }

        /// <summary>Everything that waited, as one batch, for as long as the subscriber is subscribed. Waiting for the
        /// first event holds no thread.</summary>
        private async Task DeliverAsync()
        {
            var ct = _stopped.Token;
            long? lastBatchStarted = null;
            try
            {
                while (await _queue.Reader.WaitToReadAsync(ct))
                {
                    // Paced: what arrives during the rest of the interval joins this batch (a quiet subscriber waits for nothing).
                    if (_pace > TimeSpan.Zero && lastBatchStarted is { } started && _pace - _owner._clock.GetElapsedTime(started) is var rest && rest > TimeSpan.Zero)
                        await Task.Delay(rest, _owner._clock, ct);
                    if (ct.IsCancellationRequested) return; // unsubscribed meanwhile: nothing more for it
                    var waiting = new List<ContactEvent>();
                    while (_queue.Reader.TryRead(out var contactEvent)) waiting.Add(contactEvent);
                    // Stuck or far behind: what waited is not applied; the subscriber reloads everything once.
                    var overflowed = Interlocked.Exchange(ref _overflowed, 0) == 1;
                    var batch = new ContactEventBatch(overflowed ? [] : waiting, overflowed, Interlocked.Read(ref _lastSequence));
                    lastBatchStarted = _owner._clock.GetTimestamp();
                    try { await _handler(batch); }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        _owner._logger.LogWarning(ex, "A subscriber failed on a batch of {Count} event(s)", batch.Events.Count);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        }

        private static void InterlockedMax(ref long target, long value)
        {
            var current = Interlocked.Read(ref target);
            while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current) current = seen;
        }

        public void Dispose()
        {
            if (!_queue.Writer.TryComplete()) return;
            _stopped.Cancel();
            _owner.Remove(this);
        }
    }

    private readonly ILogger _logger = logger;
}
