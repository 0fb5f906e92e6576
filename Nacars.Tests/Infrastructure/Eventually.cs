namespace Nacars.Tests.Infrastructure;

/// <summary>Waits on a condition (never a fixed sleep): polls every 50 ms up to a limit generous enough for a
/// loaded CI machine (it costs nothing when the condition comes true early).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The condition did not become true in time.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The condition did not become true in time.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
