using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nacars.Bench.Scenarios;

/// <summary>The child process of the <c>dashboards</c> scenario: the Chromium pages an analyst keeps open, in a process of
/// their own so the server's heap measures the server alone.</summary>
public static class DashboardPages
{
    /// <summary>Client mode: <c>Nacars.Bench --dashboard-client URL K</c> signs in as an analyst, opens K triage queues
    /// with a MutationObserver stamping each new row and each status change, answers "opened", then on each "collect"
    /// prints the stamps gathered since the last one as a JSON line.</summary>
    public static async Task<int> RunClientAsync(Uri baseAddress, int count)
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException("Chromium is not installed (apt-get install chromium): the dashboards scenario needs it.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--disable-background-timer-throttling", "--disable-renderer-backgrounding"],
        });
        var browserContext = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        var signIn = await browserContext.NewPageAsync();
        await signIn.GotoAsync("Account/Login");
        await signIn.FillAsync("[name='Input.Email']", DashboardsScenario.Watcher);
        await signIn.FillAsync("[name='Input.Password']", "Kettle-Orchard-Demo-57");
        await signIn.ClickAsync("[data-testid='sign-in']");
        await Assertions.Expect(signIn).Not.ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 30_000 });
        await signIn.CloseAsync();

        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var page = await browserContext.NewPageAsync();
            await page.GotoAsync("triage");
            await page.WaitForSelectorAsync("[data-testid='triage-page'][data-ready='true']");
            await page.EvaluateAsync(ObserverScript);
            pages.Add(page);
        }
        var sessions = new List<ICDPSession>();
        foreach (var page in pages)
        {
            var session = await browserContext.NewCDPSessionAsync(page);
            await session.SendAsync("Performance.enable");
            sessions.Add(session);
        }
        // NACARS_TRACE_DIR: a Chromium trace of the browser as the first page sees it, one file per rate.
        var trace = Environment.GetEnvironmentVariable("NACARS_TRACE_DIR") is { Length: > 0 } traceFolder ? new ChromiumTrace(sessions[0], traceFolder) : null;
        Console.WriteLine("opened");
        while (await Console.In.ReadLineAsync() is { } command && command is "collect" or "metrics")
        {
            if (command == "metrics")
            {
                if (trace is not null) await trace.NextAsync();
                // Where the pages spent their renderer's time so far, summed over the pages (seconds).
                var sums = new Dictionary<string, double>();
                foreach (var session in sessions)
                {
                    var result = await session.SendAsync("Performance.getMetrics");
                    foreach (var metric in result!.Value.GetProperty("metrics").EnumerateArray())
                    {
                        var name = metric.GetProperty("name").GetString()!;
                        if (name.EndsWith("Duration", StringComparison.Ordinal))
                            sums[name] = sums.GetValueOrDefault(name) + metric.GetProperty("value").GetDouble();
                    }
                }
                Console.WriteLine(JsonSerializer.Serialize(sums));
                continue;
            }
            var all = new List<string>();
            for (var i = 0; i < pages.Count; i++)
                all.Add(await pages[i].EvaluateAsync<string>("page => { if (!window.__nacarsStamps) throw new Error(`page ${page} is no longer the queue it opened (signed out or reloaded): ${location.href}`); " +
                    "return JSON.stringify(window.__nacarsStamps.splice(0).map(s => ({ ...s, page }))); }", i));
            // One line: the pages' arrays joined into one.
            Console.WriteLine("[" + string.Join(",", all.Select(a => a[1..^1]).Where(a => a.Length > 0)) + "]");
        }
        foreach (var p in pages) await p.CloseAsync();
        return 0;
    }

    /// <summary>Stamps each row that appears and each status a row takes, the moment the page's DOM changes.</summary>
    private const string ObserverScript = """
        () => {
          window.__nacarsStamps = [];
          const now = () => performance.timeOrigin + performance.now();
          const body = document.querySelector('[data-testid="triage-queue"]');
          new MutationObserver(records => {
            const t = now();
            for (const r of records) {
              if (r.type === 'childList') {
                for (const n of r.addedNodes) {
                  if (n.nodeType === 1 && n.matches('tr[data-reference]'))
                    window.__nacarsStamps.push({ reference: n.dataset.reference, kind: 'row', status: n.dataset.status, t });
                }
              } else if (r.type === 'attributes' && r.target.matches('tr[data-reference]')) {
                window.__nacarsStamps.push({ reference: r.target.dataset.reference, kind: 'status', status: r.target.dataset.status, t });
              }
            }
          }).observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-status'] });
        }
        """;

    public sealed record Stamp(string Reference, string Kind, string Status, double T, int Page = 0);
}
