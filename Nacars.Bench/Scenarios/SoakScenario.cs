using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Triage;
using Nacars.Workbench.Realtime;

namespace Nacars.Bench.Scenarios;

/// <summary>
/// A night on the floor (issue 28): reports from the public form at a fixed pace (open loop) for thirty minutes with
/// fifteen triage queues open in Chromium and the rest of the floor deciding each contact after twenty seconds,
/// measured per five-minute window: the server's live managed memory, that memory per open page, the page p95 (report
/// sent → row in every page) and the hub p95. What grows over a night shows as the last window against the first. Run
/// only when named: <c>soak</c> (<c>--soak-minutes 120</c> for longer).
/// </summary>
public sealed class SoakScenario : IScenario
{
    public string Name => "soak";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var size = context.Size;
        var pages = size.SoakPages;
        // A Workbench of its own, with the product's queue page size: the shared host shows 5,000 rows a page for the
        // dashboards scenario's worst case, and a queue that grows all night would then measure that setting, not the
        // product. Sessions outlast the run: an analyst's idle session ends after 30 minutes by design, and the open
        // queues are idle from the session's point of view.
        using var host = new BenchHost(context.Smtp.Port, new Dictionary<string, string>
        {
            ["Nacars:Triage:QueuePageSize"] = new Nacars.Core.TriageOptions().QueuePageSize.ToString(CultureInfo.InvariantCulture),
            ["Nacars:Security:IdleTimeoutMinutes"] = (24 * 60).ToString(CultureInfo.InvariantCulture),
        });
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 64 })
        {
            BaseAddress = host.BaseAddress,
        };
        var token = await BenchHost.TokenAsync(client, "/report");
        var triage = host.Services.GetRequiredService<TriageService>();
        // Warm-up before any page opens, not measured: the first posts pay for the JIT of the whole path, and the
        // memory measured next, with no pages, then holds everything that is not per page.
        await DashboardsScenario.RunRateAsync(client, token, triage, 5, ct, TimeSpan.FromSeconds(Math.Min(10, size.SoakWindow.TotalSeconds)));
        var noPages = CircuitsScenario.SettledManagedMemory();

        await using var browser = DashboardClient.Start(host.BaseAddress, pages, size.BrowsersYieldToServer);
        await browser.WaitOpenedAsync(ct);
        var (_, cookies) = await host.SignInAsync(DashboardsScenario.Watcher);
        var hubStamps = new ConcurrentDictionary<string, double>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, "hubs/triage"), o => o.Cookies = cookies).Build();
        hub.On<TriageHubEvent>(TriageHub.EventMethod, e =>
        {
            if (e.Kind == "ContactReceived") hubStamps.TryAdd(e.Reference, DashboardsScenario.EpochMs());
        });
        await hub.StartAsync(ct);

        using var stopFloor = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var floor = WorkTheFloorAsync(host, stopFloor.Token);
        var windows = new List<Window>();
        for (var w = 1; w <= size.SoakWindows; w++)
        {
            var run = await DashboardsScenario.RunRateAsync(client, token, triage, size.SoakRate, ct, size.SoakWindow, colleagueClaims: false);
            await DashboardsScenario.SettleAsync(browser, run, pages, ct);
            var pageLatency = new List<double>();
            var hubLatency = new List<double>();
            var missing = 0;
            foreach (var (reference, sentAt) in run.Sent)
            {
                var stamps = browser.RowStamps(reference);
                missing += Math.Max(0, pages - stamps.Count);
                pageLatency.AddRange(stamps.Select(t => t - sentAt));
                if (hubStamps.TryRemove(reference, out var heard)) hubLatency.Add(heard - sentAt);
                else missing++;
            }
            browser.Forget(run.Sent.Keys);
            var managed = CircuitsScenario.SettledManagedMemory();
            var window = new Window(w, run.Sent.Count, run.FailedPosts, missing, managed / 1048576.0, (managed - noPages) / 1024.0 / pages,
                Stats.Percentile(pageLatency, 0.95), Stats.Percentile(hubLatency, 0.95), ResidentMb());
            windows.Add(window);
            context.Log.WriteLine($"  soak: window {w} ({size.SoakWindow.TotalMinutes:0.#} min, {size.SoakRate}/s): {window.Reports} reports, " +
                $"{window.FailedPosts} failed posts, {window.MissingRows} missing rows; managed {window.ManagedMb:0.0} MB " +
                $"({window.KbPerPage:0} KB per page above none), resident {window.ResidentMb:0} MB; page p95 {window.PageP95:0.#} ms, hub p95 {window.HubP95:0.#} ms");
        }

        await stopFloor.CancelAsync();
        await floor;
        var (first, last) = (windows[0], windows[^1]);
        static double Ratio(double last, double first) => Math.Round(last / Math.Max(0.001, first), 2);
        var figures = new Dictionary<string, double>
        {
            ["windows"] = windows.Count,
            ["reports"] = windows.Sum(w => w.Reports),
            ["errors"] = windows.Sum(w => w.FailedPosts),
            ["missing_rows"] = windows.Sum(w => w.MissingRows),
            ["managed_mb_first"] = Math.Round(first.ManagedMb, 1),
            ["managed_mb_last"] = Math.Round(last.ManagedMb, 1),
            ["managed_growth"] = Ratio(last.ManagedMb, first.ManagedMb),
            ["kb_per_page_first"] = Math.Round(first.KbPerPage),
            ["kb_per_page_last"] = Math.Round(last.KbPerPage),
            ["per_page_growth"] = Ratio(last.KbPerPage, first.KbPerPage),
            ["page_p95_ms_first"] = Math.Round(first.PageP95, 1),
            ["page_p95_ms_last"] = Math.Round(last.PageP95, 1),
            ["page_p95_growth"] = Ratio(last.PageP95, first.PageP95),
            ["hub_p95_ms_first"] = Math.Round(first.HubP95, 1),
            ["hub_p95_ms_last"] = Math.Round(last.HubP95, 1),
            ["hub_p95_growth"] = Ratio(last.HubP95, first.HubP95),
            ["resident_mb_last"] = Math.Round(last.ResidentMb),
        };
        var goalsMet = figures["managed_growth"] <= 1.2 && figures["per_page_growth"] <= 1.2 && figures["page_p95_growth"] <= 1.2
            && figures["hub_p95_growth"] <= 1.2 && figures["errors"] == 0 && figures["missing_rows"] == 0;
        return new ScenarioResult(Name,
            $"{windows.Count} windows of {size.SoakWindow.TotalMinutes:0.#} min at {size.SoakRate.ToString(CultureInfo.InvariantCulture)} reports/s with {pages} open queues in Chromium: last window against the first",
            figures,
            new() { ["managed_mb_no_pages"] = Math.Round(noPages / 1048576.0, 1) },
            figures["page_p95_growth"],
            "last window within 1.2x of the first on managed memory, memory per page, page p95 and hub p95; no failed post, no missing row",
            goalsMet,
            "Managed memory: the live heap of the bench process (the soak's own Workbench, with the product's queue page size, and the idle shared one) after a full compacting GC at the end of each window; the bench's own stamps are dropped as each window is read. Per page: above the same process before the pages opened. Ratio = page p95 growth.");
    }

    /// <summary>The rest of the shift: every contact open for more than twenty seconds is claimed and decided by a
    /// colleague, so the open work stays what a floor keeps (tens of contacts, all on the queue's first page) rather than
    /// growing by 3,600 over the run. What the soak then measures is the service over time, not a longer queue.</summary>
    private static async Task WorkTheFloorAsync(BenchHost host, CancellationToken ct)
    {
        var triage = host.Services.GetRequiredService<TriageService>();
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<NacarsDbContext>>();
        var colleague = DashboardsScenario.Colleague;
        var left = new HashSet<string>();
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                List<(string Reference, string? ClaimedBy)> due;
                await using (var db = await dbFactory.CreateDbContextAsync(ct))
                {
                    var cutoff = DateTime.UtcNow.AddSeconds(-20);
                    due = [.. (await db.Contacts.AsNoTracking()
                        .Where(c => (c.Status == ContactStatus.New || c.Status == ContactStatus.InTriage) && c.ReceivedAtUtc < cutoff)
                        .Select(c => new { c.Reference, c.ClaimedBy }).ToListAsync(ct)).Select(c => (c.Reference, c.ClaimedBy))];
                }
                // The demo contacts other analysts hold stay theirs, and one that cannot be decided (new information
                // unread) is left as a person would leave it.
                foreach (var (reference, claimedBy) in due.Where(c => (c.ClaimedBy is null || c.ClaimedBy == colleague) && !left.Contains(c.Reference)))
                {
                    try
                    {
                        if (claimedBy is null) await triage.ClaimAsync(reference, colleague, ct);
                        await triage.DecideNotToDisseminateAsync(reference, colleague, NotDisseminatedReason.InsufficientDetail, null, ct);
                    }
                    catch (Exception ex) when (ex is DomainRuleException or ContactChangedException)
                    {
                        left.Add(reference);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private sealed record Window(int Number, int Reports, int FailedPosts, int MissingRows, double ManagedMb, double KbPerPage, double PageP95, double HubP95, double ResidentMb);

    /// <summary>The process's resident memory (VmRSS), as an operator's tools read it.</summary>
    private static double ResidentMb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}
