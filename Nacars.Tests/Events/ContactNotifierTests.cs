using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nacars.Core;
using Nacars.Core.Events;

namespace Nacars.Tests.Events;

/// <summary>The notifier never lets one subscriber's pace hold anything else back, and never holds more than its
/// queue limit for a subscriber that has stopped.</summary>
public class ContactNotifierTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ContactNotifier Notifier(int queueLimit = 1000) =>
        new(NullLogger<ContactNotifier>.Instance, Options.Create(new NacarsOptions { Live = new LiveOptions { SubscriberQueueLimit = queueLimit } }));

    private static ContactEvent Received(int i) => new(ContactEventKind.ContactReceived, $"NAC-TEST-{i:0000}", "New", null, DateTime.UtcNow);

    [Fact]
    public async Task Events_that_wait_for_a_busy_subscriber_arrive_together_in_order()
    {
        var notifier = Notifier();
        var batches = new List<ContactEventBatch>();
        var firstStarted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        using var _ = notifier.Subscribe(async batch =>
        {
            lock (batches) batches.Add(batch);
            firstStarted.TrySetResult();
            await release.Task;
        });

        notifier.Publish(Received(0));
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        for (var i = 1; i <= 50; i++) notifier.Publish(Received(i));
        release.SetResult();

        await Eventually.TrueAsync(() => { lock (batches) return batches.Sum(b => b.Events.Count) == 51; });
        lock (batches)
        {
            // One event, then the 50 that waited as one batch: one render, not fifty.
            Assert.Equal(2, batches.Count);
            Assert.Equal(Enumerable.Range(0, 51).Select(i => $"NAC-TEST-{i:0000}"), batches.SelectMany(b => b.Events).Select(e => e.Reference));
            Assert.All(batches, b => Assert.False(b.Resynchronise));
        }
    }

    [Fact]
    public async Task A_stuck_subscriber_delays_no_one_and_holds_no_more_than_its_limit_then_resynchronises()
    {
        var notifier = Notifier(queueLimit: 10);
        var stuck = new TaskCompletionSource();
        var stuckBatches = new List<ContactEventBatch>();
        var stuckStarted = new TaskCompletionSource();
        using var slow = notifier.Subscribe(async batch =>
        {
            lock (stuckBatches) stuckBatches.Add(batch);
            stuckStarted.TrySetResult();
            await stuck.Task;
        });
        var seen = 0;
        using var fast = notifier.Subscribe(batch => { Interlocked.Add(ref seen, batch.Events.Count); return Task.CompletedTask; });

        notifier.Publish(Received(0));
        await stuckStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        // A thousand more while the first subscriber is stuck: the other keeps up with every one of them.
        for (var i = 1; i <= 1000; i++)
        {
            notifier.Publish(Received(i));
            if (i % 5 == 0)
            {
                var upTo = i + 1;
                await Eventually.TrueAsync(() => Volatile.Read(ref seen) == upTo);
            }
        }
        stuck.SetResult();
        await Eventually.TrueAsync(() => { lock (stuckBatches) return stuckBatches.Count == 2; });
        lock (stuckBatches)
        {
            // The stuck one kept at most ten, then was told to reload rather than be handed a thousand stale events.
            Assert.True(stuckBatches[1].Resynchronise);
            Assert.Empty(stuckBatches[1].Events);
        }
    }

    [Fact]
    public async Task A_failing_subscriber_stops_nothing_and_keeps_receiving()
    {
        var notifier = Notifier();
        var calls = 0;
        using var failing = notifier.Subscribe(_ => { Interlocked.Increment(ref calls); throw new InvalidOperationException("boom"); });
        var seen = new List<string>();
        using var healthy = notifier.Subscribe(batch => { lock (seen) seen.AddRange(batch.Events.Select(e => e.Reference)); return Task.CompletedTask; });

        notifier.Publish(Received(1));
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) >= 1);
        notifier.Publish(Received(2));

        await Eventually.TrueAsync(() => { lock (seen) return seen.Count == 2; });
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) >= 2);
    }

    [Fact]
    public async Task After_dispose_a_subscriber_gets_nothing_more()
    {
        var notifier = Notifier();
        var seen = 0;
        var subscription = notifier.Subscribe(batch => { Interlocked.Add(ref seen, batch.Events.Count); return Task.CompletedTask; });
        notifier.Publish(Received(1));
        await Eventually.TrueAsync(() => Volatile.Read(ref seen) == 1);

        subscription.Dispose();
        Assert.Equal(0, notifier.SubscriberCount);
        // Publishing queues an event for every listed subscriber before it returns, and the disposed one is no longer
        // listed. A witness shows event 2 was published and delivered, without waiting a fixed time for a negative.
        var witnessed = 0;
        using var witness = notifier.Subscribe(batch => { Interlocked.Add(ref witnessed, batch.Events.Count); return Task.CompletedTask; });
        notifier.Publish(Received(2));
        await Eventually.TrueAsync(() => Volatile.Read(ref witnessed) == 1);

        Assert.Equal(1, Volatile.Read(ref seen));
    }

    [Fact]
    public async Task A_paced_subscriber_shows_a_lone_event_at_once_and_a_burst_together_once_its_interval_is_over()
    {
        var clock = new FakeTimeProvider();
        var notifier = new ContactNotifier(NullLogger<ContactNotifier>.Instance, Options.Create(new NacarsOptions()), clock);
        var page = new List<ContactEventBatch>();
        var relay = new List<ContactEventBatch>();
        using var paced = notifier.Subscribe(batch => { lock (page) page.Add(batch); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(100));
        using var unpaced = notifier.Subscribe(batch => { lock (relay) relay.Add(batch); return Task.CompletedTask; });

        // A quiet page: the first event is delivered without the clock moving at all.
        notifier.Publish(Received(0));
        await Eventually.TrueAsync(() => { lock (page) return page.Count == 1; });

        // A burst within the interval: the unpaced relay gets all of it meanwhile; the page gets none of it yet...
        for (var i = 1; i <= 20; i++) notifier.Publish(Received(i));
        await Eventually.TrueAsync(() => { lock (relay) return relay.Sum(b => b.Events.Count) == 21; });
        lock (page) Assert.Single(page);

        // ...and all of it as one batch (one render) when the interval ends, in order.
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await Eventually.TrueAsync(() => { lock (page) return page.Count == 2; });
        lock (page) Assert.Equal(Enumerable.Range(1, 20).Select(i => $"NAC-TEST-{i:0000}"), page[1].Events.Select(e => e.Reference));

        // Quiet again for longer than the interval: the next event is shown at once.
        clock.Advance(TimeSpan.FromMilliseconds(150));
        notifier.Publish(Received(21));
        await Eventually.TrueAsync(() => { lock (page) return page.Count == 3; });
        lock (page) Assert.Equal("NAC-TEST-0021", Assert.Single(page[2].Events).Reference);
    }

    [Fact]
    public void A_batch_names_each_contact_once_and_a_resynchronise_event_marks_it()
    {
        var events = new[] { Received(1), Received(2), Received(1) with { Kind = ContactEventKind.ContactClaimed } };
        var batch = new ContactEventBatch(events, resynchronise: false);
        Assert.Equal(["NAC-TEST-0001", "NAC-TEST-0002"], batch.References);
        Assert.True(batch.Concerns("NAC-TEST-0002"));
        Assert.False(batch.Concerns("NAC-TEST-0003"));

        var withResync = new ContactEventBatch([.. events, new ContactEvent(ContactEventKind.Resynchronise, "", "", null, DateTime.UtcNow)], false);
        Assert.True(withResync.Resynchronise);
        Assert.True(withResync.Concerns("NAC-TEST-0003"));
    }
}
