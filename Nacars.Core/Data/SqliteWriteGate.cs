using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nacars.Core.Data;

/// <summary>
/// SQLite allows one writer at a time. Concurrent SaveChanges in one process would otherwise collide and back off
/// inside the driver (a sleep of many milliseconds each time), so writes queue here instead, asynchronously.
/// The embedded SQLite mode is one process by design; several instances use PostgreSQL.
/// </summary>
/// <remarks>The gate is taken when a SaveChanges begins its transaction (or sends its first command), not when it
/// starts: change detection and preparing the save then happen outside it, in parallel. Holding it for the
/// whole SaveChanges made the public form's throughput fall to a fifth of a bare insert's under load, because the
/// holder shared two cores with the pages being rendered (benchmark <c>intake</c>).</remarks>
internal sealed class SqliteWriteGate : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, State> _saving = new();

    private sealed class State { public bool Holding; }

    // A SaveChanges on SQLite is marked as saving; its first command takes the gate.
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which takes SQLite's write lock: the gate comes first.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) { Release(eventData.Context); return result; }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // A concurrency failure is reported here, not through SaveChangesFailed: the gate must be released here too.
    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Mark(DbContext? context)
    {
        if (context is not null && context.Database.IsSqlite()) _saving.AddOrUpdate(context, new State());
    }

    /// <summary>The saving context's first command waits for the gate; queries outside SaveChanges never do.</summary>
    private State? ToEnter(DbContext? context) =>
        context is not null && _saving.TryGetValue(context, out var state) && !state.Holding ? state : null;

    private async ValueTask EnterAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (ToEnter(context) is not { } state) return;
        await _gate.WaitAsync(cancellationToken);
        state.Holding = true;
    }

    private void Enter(DbContext? context)
    {
        if (ToEnter(context) is not { } state) return;
        _gate.Wait();
        state.Holding = true;
    }

    private void Release(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var state)) return;
        _saving.Remove(context);
        if (state.Holding) _gate.Release();
    }
}
