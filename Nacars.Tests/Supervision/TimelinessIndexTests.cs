using Microsoft.EntityFrameworkCore;
using Nacars.Core.Supervision;

namespace Nacars.Tests.Supervision;

/// <summary>The ranked reads behind the timeliness figures walk an index in time-to-send order and never sort or read
/// the rows: over a year of sends, a sort per read is what would break the page's budget.</summary>
public class TimelinessIndexTests(WorkbenchFactory app) : IClassFixture<WorkbenchFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true, "IX_Disseminations_TimelinessByMonth")]
    [InlineData(false, "IX_Disseminations_Timeliness")]
    public async Task Each_read_is_a_walk_of_a_covering_index_without_a_sort(bool inMonth, string index)
    {
        await using var db = await app.Db.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        await using var explain = db.Database.GetDbConnection().CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + RankedSends.PreparedSql(inMonth);
        foreach (var (name, value) in new (string, object)[] { ("@f", "kent"), ("@a", inMonth ? "2026-01" : new DateTime(2026, 1, 1)), ("@b", new DateTime(2026, 4, 1)), ("@m", 3), ("@p", 1) })
        {
            if (inMonth && name == "@b") continue;
            var p = explain.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            explain.Parameters.Add(p);
        }
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Ct))
            while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(3));
        var steps = plan.Where(step => step.StartsWith("SEARCH") || step.StartsWith("SCAN") && step != "SCAN CONSTANT ROW").ToList();
        Assert.True(steps.Count == 2, string.Join(" | ", plan)); // the median and the 90th percentile
        Assert.All(steps, step => Assert.Contains($"USING COVERING INDEX {index} ", step + " "));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE"));
    }
}
