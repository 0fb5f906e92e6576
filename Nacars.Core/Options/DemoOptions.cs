namespace Nacars.Core;

public sealed class DemoOptions
{
    /// <summary>Demo users and sample contacts. Only ever honoured in the Development environment.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Adds a realistic contact every <see cref="SimulatorIntervalSeconds"/> (also: --simulate).</summary>
    public bool Simulate { get; set; }
    public double SimulatorIntervalSeconds { get; set; } = 8;
    /// <summary>Months of fictional, decided contacts behind the demo queue, so the supervisor's pages have a history
    /// (13 in appsettings.Development.json; 0: none).</summary>
    public int HistoryMonths { get; set; }
}
