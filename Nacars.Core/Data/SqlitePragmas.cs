using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nacars.Core.Data;

/// <summary>Per-connection SQLite settings. With WAL, synchronous=NORMAL is durable against application crashes and
/// only risks the last commits on a power loss of the whole machine; it removes an fsync from every commit.
/// busy_timeout lets SQLite's own fine-grained wait handle a lock instead of the driver's coarse retry sleep.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// SQLite allows one writer at a time. Concurrent SaveChanges in one process would otherwise collide and back off
/// inside the driver (a sleep of many milliseconds each time), so writes queue here instead, asynchronously.
/// The embedded SQLite mode is one process by design; several instances use PostgreSQL.
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor
{
    public static readonly SqliteWriteGate Instance = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> _holders = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.IsSqlite())
        {
            await _gate.WaitAsync(cancellationToken);
            _holders.AddOrUpdate(context, this);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.Database.IsSqlite())
        {
            _gate.Wait();
            _holders.AddOrUpdate(context, this);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) { Release(eventData.Context); return result; }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // A concurrency failure is reported here, not through SaveChangesFailed: the gate must be released here too.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.Remove(context)) _gate.Release();
    }
}
