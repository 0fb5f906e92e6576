using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Events;

namespace Nacars.Tests.Events;

/// <summary>Every open page that needs the same read after the same events shares one, and nobody is handed a read
/// that began before its own events were announced.</summary>
public class SharedReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ContactNotifier Notifier() => new(NullLogger<ContactNotifier>.Instance, Options.Create(new NacarsOptions()));

    private static ContactEvent Received(int i) => new(ContactEventKind.ContactReceived, $"NAC-SHARED-{i:0000}", "New", null, DateTime.UtcNow);

    [Fact]
    public async Task Thirty_pages_asking_after_the_same_event_share_one_read()
    {
        var notifier = Notifier();
        var reads = 0;
        var release = new TaskCompletionSource<int>();
        var shared = new SharedRead<int>(notifier, async _ => { Interlocked.Increment(ref reads); return await release.Task; });

        notifier.Publish(Received(1));
        var asks = Enumerable.Range(0, 30).Select(_ => shared.AfterAsync(notifier.Sequence)).ToList();
        release.SetResult(42);

        Assert.All(await Task.WhenAll(asks).WaitAsync(TimeSpan.FromSeconds(10), Ct), value => Assert.Equal(42, value));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_page_that_has_seen_a_later_event_gets_a_read_begun_after_it()
    {
        var notifier = Notifier();
        var values = new Queue<int>([1, 2]);
        var reads = 0;
        var shared = new SharedRead<int>(notifier, _ => { Interlocked.Increment(ref reads); lock (values) return Task.FromResult(values.Dequeue()); });

        notifier.Publish(Received(1));
        var seenFirst = notifier.Sequence;
        Assert.Equal(1, await shared.AfterAsync(seenFirst));

        notifier.Publish(Received(2));
        Assert.Equal(2, await shared.AfterAsync(notifier.Sequence)); // the first read began before event 2: read again
        Assert.Equal(2, await shared.AfterAsync(seenFirst));          // a page behind the others may have the newer figures
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_failed_read_is_reported_to_those_who_shared_it_and_the_next_ask_reads_again()
    {
        var notifier = Notifier();
        var attempts = 0;
        var shared = new SharedRead<int>(notifier, _ => ++attempts == 1
            ? Task.FromException<int>(new InvalidOperationException("database unavailable"))
            : Task.FromResult(7));

        notifier.Publish(Received(1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => shared.AfterAsync(notifier.Sequence));
        Assert.Equal(7, await shared.AfterAsync(notifier.Sequence));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_batch_carries_the_number_of_its_last_event()
    {
        var notifier = Notifier();
        var batches = new List<ContactEventBatch>();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        using var _ = notifier.Subscribe(async batch =>
        {
            lock (batches) batches.Add(batch);
            started.TrySetResult();
            await release.Task;
        });

        notifier.Publish(Received(1));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        for (var i = 2; i <= 5; i++) notifier.Publish(Received(i));
        release.SetResult();

        await Eventually.TrueAsync(() => { lock (batches) return batches.Sum(b => b.Events.Count) == 5; });
        lock (batches) Assert.Equal([1L, 5L], batches.Select(b => b.Sequence));
        Assert.Equal(5, notifier.Sequence);
    }
}
