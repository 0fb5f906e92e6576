using Nacars.Core.Operations;

namespace Nacars.Workbench.Realtime;

/// <summary>How many staff pages are connected now (Blazor circuits with a live connection), for the operations
/// gauge <c>nacars_dashboards_connected</c>: a floor at 3 a.m. with no page open is worth knowing about.</summary>
public sealed class OpenCircuits
{
    private int _connected;

    public OpenCircuits(NacarsMetrics metrics) =>
        metrics.Meter.CreateObservableGauge("nacars_dashboards_connected", () => Connected, description: "Staff pages connected to this instance now.");

    public int Connected => Volatile.Read(ref _connected);
    public void Up() => Interlocked.Increment(ref _connected);
    public void Down() => Interlocked.Decrement(ref _connected);
}
