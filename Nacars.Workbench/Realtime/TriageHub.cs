using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
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
