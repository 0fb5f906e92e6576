using Microsoft.Playwright;

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
        await OpenDashboardAsync(signIn); // warm-up circuit: JIT, caches, first render
        await signIn.CloseAsync();
        await Task.Delay(500, ct);

        var before = SettledManagedMemory();
        var pages = new List<IPage>();
        for (var i = 0; i < context.Size.Circuits; i++)
        {
            var page = await browserContext.NewPageAsync();
            await OpenDashboardAsync(page);
            pages.Add(page);
        }
        var after = SettledManagedMemory();
        var perCircuitKb = Math.Round((after - before) / 1024.0 / context.Size.Circuits, 1);
        foreach (var p in pages) await p.CloseAsync();
        return new ScenarioResult(Name, $"server memory per triage dashboard ({context.Size.Circuits} circuits)",
            new() { ["kb_per_circuit"] = perCircuitKb, ["managed_mb_with_circuits"] = Math.Round(after / 1048576.0, 1) },
            new() { ["managed_mb_no_circuits"] = Math.Round(before / 1048576.0, 1) }, Math.Round(after / (double)before, 2),
            "<= 300 KB per circuit", perCircuitKb <= 300, "Managed heap after a full GC, in the server's process.");
    }

    private static async Task OpenDashboardAsync(IPage page)
    {
        await page.GotoAsync("triage");
        await page.WaitForSelectorAsync("[data-testid='triage-page'][data-ready='true']");
    }

    private static long SettledManagedMemory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
