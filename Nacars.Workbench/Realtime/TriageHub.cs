using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Nacars.Core.Events;
using Nacars.Workbench.Hosting;

namespace Nacars.Workbench.Realtime;

/// <summary>The same events the dashboards get, for other authenticated clients (a wallboard, the benchmark).
/// Analysts and supervisors only; the payload is references and states, never account text or reporter details.</summary>
[Authorize(Policy = Policies.Triage)]
public sealed class TriageHub(HubSessionWatch sessions) : Hub
{
    public const string Path = "/hubs/triage";
    public const string EventMethod = "contactEvent";

    public override Task OnConnectedAsync()
    {
        sessions.Opened(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Closed(Context);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>What a hub client receives.</summary>
public sealed record TriageHubEvent(string Kind, string Reference, string Status, DateTime AtUtc);

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
