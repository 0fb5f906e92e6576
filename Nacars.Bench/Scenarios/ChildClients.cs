using System.Diagnostics;

namespace Nacars.Bench.Scenarios;

/// <summary>What the benchmark's browser clients (child processes driving Chromium) share.</summary>
internal static class ChildClients
{
    /// <summary>Closing its input tells a client to close its pages and exit; one that has not within 30 s is killed
    /// with everything it started, so no Chromium outlives the run.</summary>
    public static async ValueTask StopAsync(Process process)
    {
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        process.Dispose();
    }
}
