using System.Diagnostics;
using System.Text.RegularExpressions;
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
        // The browser's driver runs in a child process (this program in client mode), so the server's heap holds the
        // circuits and nothing of Playwright's.
        await using var client = CircuitClient.Start(context.Host.BaseAddress, context.Size.Circuits);
        // A first batch warms everything that is not per circuit (JIT, Kestrel's buffer pool, caches); the measured
        // batch then adds only what each open dashboard holds.
        await client.NextBatchAsync(ct);
        var before = SettledManagedMemory();
        await client.NextBatchAsync(ct);
        var after = SettledManagedMemory();
        // For profiling (dotnet-gcdump): hold the circuits open for a while.
        if (int.TryParse(Environment.GetEnvironmentVariable("NACARS_BENCH_HOLD_SECONDS"), out var hold)) await Task.Delay(TimeSpan.FromSeconds(hold), ct);
        var perCircuitKb = Math.Round((after - before) / 1024.0 / context.Size.Circuits, 1);
        return new ScenarioResult(Name, $"server memory per triage dashboard ({context.Size.Circuits} circuits)",
            new() { ["kb_per_circuit"] = perCircuitKb, ["managed_mb_with_circuits"] = Math.Round(after / 1048576.0, 1) },
            new() { ["managed_mb_before_measured_batch"] = Math.Round(before / 1048576.0, 1) }, Math.Round(after / (double)before, 2),
            "<= 300 KB per circuit", perCircuitKb <= 300,
            "Live managed heap (heap size minus fragmentation after a full compacting GC) of the server's process; the browser is driven from a child process.");
    }

    /// <summary>Client mode: <c>Nacars.Bench --circuit-client URL N</c> signs in, then opens N triage dashboards in
    /// headless Chromium each time it reads "open" on stdin, answering "opened" when they are live.</summary>
    public static async Task<int> RunClientAsync(Uri baseAddress, int count)
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException("Chromium is not installed (apt-get install chromium): the circuits scenario needs it.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        var browserContext = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString() });
        var signIn = await browserContext.NewPageAsync();
        await signIn.GotoAsync("Account/Login");
        await signIn.FillAsync("[name='Input.Email']", "analyst@demo.nacars.test");
        await signIn.FillAsync("[name='Input.Password']", "Kettle-Orchard-Demo-57");
        await signIn.ClickAsync("[data-testid='sign-in']");
        await Assertions.Expect(signIn).Not.ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 30_000 });
        await signIn.CloseAsync();

        var pages = new List<IPage>();
        while (await Console.In.ReadLineAsync() == "open")
        {
            for (var i = 0; i < count; i++)
            {
                var page = await browserContext.NewPageAsync();
                await page.GotoAsync("triage");
                await page.WaitForSelectorAsync("[data-testid='triage-page'][data-ready='true']");
                pages.Add(page);
            }
            Console.WriteLine("opened");
        }
        foreach (var p in pages) await p.CloseAsync();
        return 0;
    }

    /// <summary>Live managed bytes after a full compacting GC: the heap minus its free space (what a gcdump
    /// counts). GC.GetTotalMemory overstated it several-fold here, counting space the GC had kept.</summary>
    internal static long SettledManagedMemory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return info.HeapSizeBytes - info.FragmentedBytes;
    }
}

/// <summary>The child process that drives the browser for <see cref="CircuitsScenario"/>.</summary>
internal sealed class CircuitClient : IAsyncDisposable
{
    private readonly Process _process;
    private CircuitClient(Process process) => _process = process;

    public static CircuitClient Start(Uri baseAddress, int count)
    {
        // This assembly in client mode, wherever it was loaded from (the benchmark's folder, or the harness test's).
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(CircuitClient).Assembly.Location);
        foreach (var arg in new[] { "--circuit-client", baseAddress.ToString(), count.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(arg);
        return new CircuitClient(Process.Start(info)!);
    }

    public async Task NextBatchAsync(CancellationToken ct)
    {
        await _process.StandardInput.WriteLineAsync("open");
        await _process.StandardInput.FlushAsync(ct);
        var answer = await _process.StandardOutput.ReadLineAsync(ct);
        if (answer != "opened") throw new InvalidOperationException($"The browser client stopped (said '{answer}').");
    }

    public ValueTask DisposeAsync() => ChildClients.StopAsync(_process);
}
