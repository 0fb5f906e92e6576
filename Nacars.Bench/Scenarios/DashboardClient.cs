using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Nacars.Bench.Scenarios;

/// <summary>A Chromium performance trace (CDP <c>Tracing</c>), one file per stretch between two calls of
/// <see cref="NextAsync"/>: the client calls it at each "metrics" command, so there is one file per rate (and one
/// for each pause between rates). Open them in Perfetto or chrome://tracing.</summary>
internal sealed class ChromiumTrace
{
    private const string Categories = "toplevel,blink,cc,devtools.timeline,v8,disabled-by-default-devtools.timeline";
    private readonly ICDPSession _session;
    private readonly string _folder;
    private readonly List<string> _events = [];
    private readonly SemaphoreSlim _complete = new(0);
    private bool _running;
    private int _number;

    public ChromiumTrace(ICDPSession session, string folder)
    {
        _session = session;
        _folder = folder;
        Directory.CreateDirectory(folder);
        session.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            lock (_events) foreach (var item in e!.Value.GetProperty("value").EnumerateArray()) _events.Add(item.GetRawText());
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => _complete.Release();
    }

    /// <summary>Writes the trace so far (if one is running) and starts the next.</summary>
    public async Task NextAsync()
    {
        if (_running)
        {
            await _session.SendAsync("Tracing.end");
            await _complete.WaitAsync();
            lock (_events)
            {
                File.WriteAllText(Path.Combine(_folder, $"trace-{_number++}.json"), "[" + string.Join(",", _events) + "]");
                _events.Clear();
            }
        }
        await _session.SendAsync("Tracing.start", new Dictionary<string, object> { ["categories"] = Categories, ["transferMode"] = "ReportEvents" });
        _running = true;
    }
}

/// <summary>The child process that drives Chromium for <see cref="DashboardsScenario"/>, and the stamps it has sent.</summary>
internal sealed class DashboardClient : IAsyncDisposable
{
    private readonly Process _process;
    // The first time each page showed each row, and each status of each row: by reference, then page.
    private readonly Dictionary<string, Dictionary<int, double>> _rows = [];
    private readonly Dictionary<(string Reference, string Status), Dictionary<int, double>> _statuses = [];
    private DashboardClient(Process process) => _process = process;

    public static DashboardClient Start(Uri baseAddress, int count, bool yieldToServer)
    {
        // The thirty browsers stand in for thirty analysts' own computers, but here they share the server's two cores,
        // and the scheduler would give each of their many threads the same share as each of the server's. Under
        // SCHED_IDLE (util-linux's chrt, which Debian always has) they run on whatever CPU the server leaves, as a
        // browser on its own machine would not take the server's. Chromium sets its children's nice values itself, so
        // a lower nice would not reach the pages; the policy is inherited and it keeps it. The pages still share the
        // leftover CPU between them, so each still waits its turn (ADR 0012).
        const string chrt = "/usr/bin/chrt";
        var idle = yieldToServer && File.Exists(chrt);
        var info = new ProcessStartInfo(idle ? chrt : "dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (idle) foreach (var arg in new[] { "--idle", "0", "dotnet" }) info.ArgumentList.Add(arg);
        info.ArgumentList.Add(typeof(DashboardClient).Assembly.Location);
        foreach (var arg in new[] { "--dashboard-client", baseAddress.ToString(), count.ToString(CultureInfo.InvariantCulture) }) info.ArgumentList.Add(arg);
        return new DashboardClient(Process.Start(info)!);
    }

    public async Task WaitOpenedAsync(CancellationToken ct)
    {
        var answer = await _process.StandardOutput.ReadLineAsync(ct);
        if (answer != "opened") throw new InvalidOperationException($"The browser client stopped (said '{answer}').");
    }

    /// <summary>Fetches the stamps the pages made since the last call and keeps the first of each.</summary>
    public async Task CollectAsync(CancellationToken ct)
    {
        await _process.StandardInput.WriteLineAsync("collect");
        await _process.StandardInput.FlushAsync(ct);
        var line = await _process.StandardOutput.ReadLineAsync(ct) ?? throw new InvalidOperationException("The browser client stopped.");
        foreach (var s in JsonSerializer.Deserialize<DashboardPages.Stamp[]>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [])
        {
            if (s.Kind == "row") Of(_rows, s.Reference).TryAdd(s.Page, s.T);
            // A row that first appears already claimed counts as showing the claim when it appears.
            Of(_statuses, (s.Reference, s.Status)).TryAdd(s.Page, s.T);
        }
    }

    private static Dictionary<int, double> Of<TKey>(Dictionary<TKey, Dictionary<int, double>> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var pages)) map[key] = pages = [];
        return pages;
    }

    /// <summary>The renderer time the pages have spent so far (CDP Performance metrics, seconds, summed over pages).</summary>
    public async Task<Dictionary<string, double>> MetricsAsync(CancellationToken ct)
    {
        await _process.StandardInput.WriteLineAsync("metrics");
        await _process.StandardInput.FlushAsync(ct);
        var line = await _process.StandardOutput.ReadLineAsync(ct) ?? throw new InvalidOperationException("The browser client stopped.");
        return JsonSerializer.Deserialize<Dictionary<string, double>>(line) ?? [];
    }

    /// <summary>CPU seconds used so far by the client and every process under it (Playwright's node, Chromium and its
    /// renderers), read from /proc: what the thirty analysts' computers would spend, here taken from the server's two
    /// cores.</summary>
    public double CpuSeconds()
    {
        var parents = new Dictionary<int, int>();
        var seconds = new Dictionary<int, double>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(folder, "stat")); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; } // it ended meanwhile
            // After "pid (name) ": state, ppid, …; utime and stime are the 12th and 13th, in clock ticks (100 a second).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            seconds[pid] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        var total = 0.0;
        foreach (var (pid, used) in seconds)
        {
            for (var p = pid; p > 1; p = parents.GetValueOrDefault(p))
            {
                if (p != _process.Id) continue;
                total += used;
                break;
            }
        }
        return total;
    }

    public IReadOnlyCollection<double> RowStamps(string reference) => _rows.TryGetValue(reference, out var pages) ? pages.Values : [];
    public IReadOnlyCollection<double> StatusStamps(string reference, string status) => _statuses.TryGetValue((reference, status), out var pages) ? pages.Values : [];

    /// <summary>Drops the stamps of these references: a long run measures window by window, and keeping every stamp
    /// would grow the very process whose memory it measures.</summary>
    public void Forget(IReadOnlyCollection<string> references)
    {
        var gone = references.ToHashSet();
        foreach (var reference in gone) _rows.Remove(reference);
        foreach (var key in _statuses.Keys.Where(k => gone.Contains(k.Reference)).ToList()) _statuses.Remove(key);
    }

    public ValueTask DisposeAsync() => ChildClients.StopAsync(_process);
}
