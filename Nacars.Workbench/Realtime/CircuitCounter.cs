using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Nacars.Workbench.Realtime;

/// <summary>Tells <see cref="OpenCircuits"/> when a page's connection comes and goes.</summary>
public sealed class CircuitCounter(OpenCircuits circuits) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Up();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Down();
        return Task.CompletedTask;
    }
}
