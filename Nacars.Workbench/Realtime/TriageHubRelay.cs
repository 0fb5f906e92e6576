using Microsoft.AspNetCore.SignalR;
using Nacars.Core.Events;

namespace Nacars.Workbench.Realtime;

/// <summary>Relays every Core event to the hub's clients.</summary>
internal sealed class TriageHubRelay(IContactNotifier notifier, IHubContext<TriageHub> hub, TimeProvider clock) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(async batch =>
        {
            // Hub clients get every event, in order; after an overflow, one Resynchronise tells them to reload.
            if (batch.Resynchronise && batch.Events.All(e => e.Kind != ContactEventKind.Resynchronise))
                await hub.Clients.All.SendAsync(TriageHub.EventMethod, new TriageHubEvent(nameof(ContactEventKind.Resynchronise), "", "", clock.GetUtcNow().UtcDateTime));
            foreach (var e in batch.Events)
                await hub.Clients.All.SendAsync(TriageHub.EventMethod, new TriageHubEvent(e.Kind.ToString(), e.Reference, e.Status, e.AtUtc));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
