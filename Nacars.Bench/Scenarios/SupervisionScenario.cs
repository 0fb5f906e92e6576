using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nacars.Core.Contacts;
using Nacars.Core.Data;
using Nacars.Core.Supervision;

namespace Nacars.Bench.Scenarios;

/// <summary>The supervision page's figures over many synthetic contacts, against one hand-written SQL GROUP BY.</summary>
public sealed class SupervisionScenario : IScenario
{
    public string Name => "supervision";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken ct)
    {
        var services = context.Host.Services;
        var db = services.GetRequiredService<IDbContextFactory<NacarsDbContext>>();
        var n = context.Size.SupervisionContacts;
        var seedClock = Stopwatch.StartNew();
        await SeedAsync(services, n, ct);
        context.Log.WriteLine($"  supervision: seeded {n:N0} contacts in {seedClock.Elapsed.TotalSeconds:0.0} s");

        var stats = services.GetRequiredService<SupervisionStatistics>();
        var filter = StatsFilter.LastTwelveMonths(DateTime.UtcNow);
        await PageFiguresAsync(stats, filter, [], ct); // warm up
        var runs = new List<double>();
        var parts = new Dictionary<string, List<double>>();
        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await PageFiguresAsync(stats, filter, parts, ct);
            runs.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
        }
        // The baseline gets the index that suits it best (the product no longer has it: it reads running totals).
        await using (var indexing = await db.CreateDbContextAsync(ct))
        {
            indexing.Database.SetCommandTimeout(600);
            await indexing.Database.ExecuteSqlRawAsync("CREATE INDEX IF NOT EXISTS \"IX_Bench_GroupBy\" ON \"Contacts\" (\"ForceCode\", \"ReceivedAtUtc\", \"Status\", \"Urgent\")", ct);
        }
        var baseline = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using var raw = await db.CreateDbContextAsync(ct);
            var conn = raw.Database.GetDbConnection();
            await conn.OpenAsync(ct);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT ForceCode, COUNT(*), SUM(Status = 'Disseminated'), SUM(Status = 'NotDisseminated'), SUM(Urgent) FROM Contacts WHERE ReceivedAtUtc >= $from GROUP BY ForceCode";
            var p = cmd.CreateParameter(); p.ParameterName = "$from"; p.Value = filter.FromUtc.ToString("yyyy-MM-dd HH:mm:ss"); cmd.Parameters.Add(p);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) { }
            baseline.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
        }
        var median = Stats.Percentile(runs, 0.5);
        var baseMedian = Stats.Percentile(baseline, 0.5);
        var figures = new Dictionary<string, double> { ["page_figures_ms"] = median };
        foreach (var (part, times) in parts) figures[$"{part}_ms"] = Stats.Percentile(times, 0.5);
        return new ScenarioResult(Name, $"supervision figures over {n:N0} contacts (ms)", figures,
            new() { ["one_group_by_ms"] = baseMedian }, Math.Round(median / baseMedian, 2), "<= 300 ms and <= 3x baseline",
            median <= 300 && median <= 3 * baseMedian,
            "Page figures = per-force table (counts, both rates, reasons, timeliness, re-routes), months, force × month grid with timeliness per force-month, open-by-age, urgent, workload and outbox health.");
    }

    /// <summary>Everything the supervision page shows, with the time each part took (to see where the time goes).</summary>
    private static async Task PageFiguresAsync(SupervisionStatistics stats, StatsFilter filter, Dictionary<string, List<double>> parts, CancellationToken ct)
    {
        async Task Part(string name, Func<Task> figure)
        {
            var start = Stopwatch.GetTimestamp();
            await figure();
            if (!parts.TryGetValue(name, out var times)) parts[name] = times = [];
            times.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
        }
        await Part("forces_and_months", () => stats.PeriodAsync(filter, ct));
        await Part("open", () => stats.OpenByAgeAsync(ct));
        await Part("urgent", () => stats.UrgentAsync(filter, ct));
        await Part("workload", () => stats.WorkloadAsync(filter, ct));
        await Part("outbox", () => stats.OutboxAsync(ct));
    }

    /// <summary>One real contact written through EF (so every column is right), copied n times by SQL with varied
    /// reference, time, force, status and reason; a dissemination row for each disseminated one.</summary>
    private static async Task SeedAsync(IServiceProvider services, int n, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<NacarsDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = Contact.Receive(Reference.NewReference(), Channel.Online, DateTime.UtcNow,
            new ReportedFacts { Account = "Synthetic account.", Categories = ["other"], ForceCode = "kent" }, null);
        db.Contacts.Add(template);
        await db.SaveChangesAsync(ct);
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        var columns = new List<string>();
        await using (var info = conn.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Contacts')";
            await using var reader = await info.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
        }
        var forces = string.Join(",", Nacars.Core.Forces.ForceDirectory.Entries.Where(e => e.Code != "unknown").Select(e => $"'{e.Code}'"));
        var overrides = new Dictionary<string, string>
        {
            ["Id"] = "lower(hex(randomblob(16)))",
            ["Reference"] = "'B' || printf('%012d', n.i)",
            ["ReceivedAtUtc"] = "strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (n.i % 360) || ' days', '-' || (n.i % 24) || ' hours')",
            ["ForceCode"] = $"json_extract('[{forces.Replace('\'', '"')}]', '$[' || (n.i % 48) || ']')",
            ["DecidedForceCode"] = $"CASE WHEN n.i % 100 < 85 THEN json_extract('[{forces.Replace('\'', '"')}]', '$[' || (n.i % 48) || ']') END",
            ["Status"] = "CASE WHEN n.i % 100 < 35 THEN 'Disseminated' WHEN n.i % 100 < 85 THEN 'NotDisseminated' WHEN n.i % 100 < 95 THEN 'New' ELSE 'InTriage' END",
            ["NotDisseminatedReason"] = "CASE WHEN n.i % 100 >= 35 AND n.i % 100 < 85 THEN json_extract('[\"InsufficientDetail\",\"NotAboutPolice\",\"PersonalComplaint\",\"Duplicate\",\"MaliciousOrTest\"]', '$[' || (n.i % 5) || ']') END",
            ["Urgent"] = "n.i % 20 = 0",
            ["DecidedBy"] = "CASE WHEN n.i % 100 < 85 THEN 'analyst' || (n.i % 6) || '@example.org' END",
            ["DecidedAtUtc"] = "CASE WHEN n.i % 100 < 85 THEN strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (n.i % 360) || ' days') END",
        };
        var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var expr) ? expr : $"t.\"{c}\""));
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var insert = conn.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandTimeout = 600;
            insert.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n - 1})
                INSERT INTO Contacts ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
                SELECT {select} FROM n, Contacts t WHERE t.Reference = '{template.Reference}';
                INSERT INTO Disseminations (Id, ContactId, Reference, ForceCode, Recipient, CreatedAtUtc, CreatedBy, RerouteReason, SecondsFromReceipt,
                    ContactReceivedAtUtc, ContactReceivedMonth, ReroutedFromForceCode)
                SELECT lower(hex(randomblob(16))), Id, Reference, ForceCode, 'x@example.org', ReceivedAtUtc, 'analyst', NULL, 600 + (abs(random()) % 86400),
                    ReceivedAtUtc, strftime('%Y-%m', ReceivedAtUtc), NULL
                FROM Contacts WHERE Status = 'Disseminated';
                """;
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        // Rows written by SQL bypass the running totals: count them the way start-up does after an upgrade.
        await using (var counting = await dbFactory.CreateDbContextAsync(ct)) await SupervisionFigures.RebuildAsync(counting, ct);
        await using var analyze = conn.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync(ct);
    }
}
