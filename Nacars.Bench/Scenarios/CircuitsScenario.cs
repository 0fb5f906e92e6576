using Microsoft.Playwright;

// The baseline is the same process before the measured batch of circuits opens.

namespace Nacars.Bench.Scenarios;

/// <summary>Server memory per open triage dashboard circuit: N headless Chromium pages in one browser, against the
/// same process with no circuits.</summary>
public sealed class CircuitsScenario : IScenario
{
    public string Name => "circuits";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException("Chromium is not installed (apt-get install chromium): the circuits scenario needs it.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        var browserContext = await browser.NewContextAsync(new() { BaseURL = context.Host.BaseAddress.ToString() });
        var signIn = await browserContext.NewPageAsync();
        await signIn.GotoAsync("Account/Login");
        await signIn.FillAsync("[name='Input.Email']", "analyst@demo.nacars.test");
        await signIn.FillAsync("[name='Input.Password']", "Demo-Passw0rd!");
        await signIn.ClickAsync("[data-testid='sign-in']");
        await signIn.WaitForURLAsync(u => !u.Contains("/Account/Login"));
        await signIn.CloseAsync();

        // A first batch warms everything that is not per circuit (JIT, Kestrel's buffer pool, caches); the measured
        // batch then adds only what each open dashboard holds.
        var pages = new List<IPage>();
        await OpenBatchAsync(browserContext, pages, context.Size.Circuits);
        var before = SettledManagedMemory();
        await OpenBatchAsync(browserContext, pages, context.Size.Circuits);
        var after = SettledManagedMemory();
        // For profiling (dotnet-gcdump): hold the circuits open for a while.
        if (int.TryParse(Environment.GetEnvironmentVariable("NACARS_BENCH_HOLD_SECONDS"), out var hold)) await Task.Delay(TimeSpan.FromSeconds(hold), ct);
        var perCircuitKb = Math.Round((after - before) / 1024.0 / context.Size.Circuits, 1);
        foreach (var p in pages) await p.CloseAsync();
        return new ScenarioResult(Name, $"server memory per triage dashboard ({context.Size.Circuits} circuits)",
            new() { ["kb_per_circuit"] = perCircuitKb, ["managed_mb_with_circuits"] = Math.Round(after / 1048576.0, 1) },
            new() { ["managed_mb_before_measured_batch"] = Math.Round(before / 1048576.0, 1) }, Math.Round(after / (double)before, 2),
            "<= 300 KB per circuit", perCircuitKb <= 300, "Live managed heap (heap size minus fragmentation after a full compacting GC) in the server's process; includes the Playwright client's own objects, so it errs high.");
    }

    private static async Task OpenBatchAsync(IBrowserContext browserContext, List<IPage> pages, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var page = await browserContext.NewPageAsync();
            await OpenDashboardAsync(page);
            pages.Add(page);
        }
    }

    private static async Task OpenDashboardAsync(IPage page)
    {
        await page.GotoAsync("triage");
        await page.WaitForSelectorAsync("[data-testid='triage-page'][data-ready='true']");
    }

    /// <summary>Live managed bytes after a full compacting GC: the heap minus its free space (what a gcdump
    /// counts). GC.GetTotalMemory overstated it several-fold here, counting space the GC had kept.</summary>
    private static long SettledManagedMemory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return info.HeapSizeBytes - info.FragmentedBytes;
    }
}
