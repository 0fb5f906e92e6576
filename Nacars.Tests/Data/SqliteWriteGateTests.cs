using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nacars.Core.Data;
using Nacars.Tests.Infrastructure;

namespace Nacars.Tests.Data;

/// <summary>
/// ADR 0014: on SQLite every write queues at one gate, so none backs off inside the driver and none waits for a lock
/// held by a write that waits for the gate. Shown on a real SQLite file with a gate of the test's own (the product's
/// is process-wide), by the order in which commands reach the database.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.db");
    private readonly SqliteWriteGate _gate = new();
    private readonly List<string> _sent = [];

    public sealed class Row
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    private sealed class RowsDb(DbContextOptions<RowsDb> options, string name) : DbContext(options)
    {
        public string Name { get; } = name;
        public DbSet<Row> Rows => Set<Row>();
    }

    /// <summary>Notes each write command as the database receives it, after the gate has let it through.</summary>
    private sealed class Sent(List<string> log) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            lock (log) log.Add($"{((RowsDb)eventData.Context!).Name}:{command.CommandText.TrimStart().Split(' ')[0]}");
            return ValueTask.FromResult(result);
        }
    }

    private RowsDb Open(string name) => new(new DbContextOptionsBuilder<RowsDb>()
        .UseSqlite($"Data Source={_file};Pooling=False;Default Timeout=30")
        .AddInterceptors(SqlitePragmas.Instance, _gate, new Sent(_sent)).Options, name);

    public SqliteWriteGateTests()
    {
        using var db = Open("setup");
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        _sent.Clear();
    }

    [Fact]
    public async Task An_ExecuteDelete_waits_at_the_gate_while_a_transaction_holds_it_and_reaches_the_database_after_the_commit()
    {
        await using var a = Open("A");
        await using var b = Open("B");
        await using (var transaction = await a.Database.BeginTransactionAsync(Ct))
        {
            a.Rows.Add(new Row { Name = "first" });
            await a.SaveChangesAsync(Ct); // a save inside the transaction does not wait for the gate its transaction holds
            var deleting = b.Rows.Where(r => r.Id > 0).ExecuteDeleteAsync(Ct);
            await Eventually.TrueAsync(() => _gate.Waiting == 1);
            lock (_sent) Assert.DoesNotContain(_sent, s => s.StartsWith("B:", StringComparison.Ordinal));
            await transaction.CommitAsync(Ct);
            lock (_sent) _sent.Add("A:committed");
            Assert.Equal(1, await deleting);
        }
        lock (_sent) Assert.True(_sent.IndexOf("A:committed") < _sent.IndexOf("B:DELETE"), string.Join(", ", _sent));
        Assert.Equal(0, _gate.Waiting);
    }

    [Fact]
    public async Task A_transaction_disposed_without_a_commit_gives_the_gate_back()
    {
        await using (var a = Open("A"))
        await using (var transaction = await a.Database.BeginTransactionAsync(Ct))
        {
            a.Rows.Add(new Row { Name = "never kept" });
            await a.SaveChangesAsync(Ct);
        } // as an exception in an "await using" would leave it

        await using var b = Open("B");
        b.Rows.Add(new Row { Name = "kept" });
        await b.SaveChangesAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(["kept"], await b.Rows.Select(r => r.Name).ToListAsync(Ct));
    }

    public void Dispose()
    {
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(path);
    }
}
