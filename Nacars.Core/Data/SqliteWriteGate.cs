using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nacars.Core.Data;

/// <summary>
/// SQLite allows one writer at a time. Concurrent writes in one process would otherwise collide and back off inside
/// the driver (a sleep of many milliseconds each time), so every write queues here instead, asynchronously: a
/// SaveChanges, an explicit transaction, and a write command outside both (ExecuteUpdate, ExecuteDelete, raw SQL).
/// The embedded SQLite mode is one process by design; several instances use PostgreSQL. Kept by measurement (ADR 0014).
/// </summary>
/// <remarks>A SaveChanges takes the gate when it begins its transaction (or sends its first command), not when it
/// starts: change detection and preparing the save happen outside it, in parallel. An explicit transaction holds it
/// from BEGIN to COMMIT or ROLLBACK, so a write inside it never waits behind a save that waits for SQLite's lock.</remarks>
internal sealed class SqliteWriteGate : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, State> _writing = new();

    private enum Scope { Save, Transaction, Command }

    private sealed class State(Scope scope)
    {
        public Scope Scope { get; } = scope;
        public bool Holding;
    }

    // A SaveChanges on SQLite is marked as saving; its first command takes the gate (unless a transaction holds it).
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context, Scope.Save);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context, Scope.Save);
        return result;
    }

    // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which takes SQLite's write lock: the gate comes first.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context, Scope.Transaction);
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Mark(eventData.Context, Scope.Transaction);
        Enter(eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context, Scope.Transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Scope.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context, Scope.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Scope.Transaction);
        return Task.CompletedTask;
    }

    // A failed savepoint leaves the transaction open; any other failure (to begin, commit or roll back) ends it.
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (!eventData.Action.Contains("Savepoint", StringComparison.OrdinalIgnoreCase)) Release(eventData.Context, Scope.Transaction);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Enter(eventData.Context);
        return result;
    }

    // A write command outside a save or a transaction (ExecuteUpdate, ExecuteDelete, raw SQL) holds the gate for itself.
    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null) Mark(eventData.Context, Scope.Command);
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null) Mark(eventData.Context, Scope.Command);
        Enter(eventData.Context);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Release(eventData.Context, Scope.Command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Scope.Command);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(eventData.Context, Scope.Command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Scope.Command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(eventData.Context, Scope.Command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Scope.Command);
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) { Release(eventData.Context, Scope.Save); return result; }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Scope.Save);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context, Scope.Save);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Scope.Save);
        return Task.CompletedTask;
    }

    // A concurrency failure is reported here, not through SaveChangesFailed: the gate must be released here too.
    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context, Scope.Save);
        return result;
    }

    public ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Scope.Save);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context, Scope.Save);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Scope.Save);
        return Task.CompletedTask;
    }

    // A transaction disposed without a commit or a rollback (an exception in an "await using") tells no interceptor
    // but closes its connection: whatever the context held is given back then, so the gate is never lost.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => ReleaseAny(eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ReleaseAny(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A write begins; inside a wider one (a save inside a transaction) the wider one keeps the gate.</summary>
    private void Mark(DbContext? context, Scope scope)
    {
        if (context is null || !context.Database.IsSqlite() || _writing.TryGetValue(context, out _)) return;
        _writing.AddOrUpdate(context, new State(scope));
    }

    /// <summary>A marked context's first command waits for the gate; reads outside a write never do.</summary>
    private State? ToEnter(DbContext? context) =>
        context is not null && _writing.TryGetValue(context, out var state) && !state.Holding ? state : null;

    /// <summary>Writes waiting for the gate now.</summary>
    internal int Waiting => Volatile.Read(ref _waiting);
    private int _waiting;

    private async ValueTask EnterAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (ToEnter(context) is not { } state) return;
        Interlocked.Increment(ref _waiting);
        try { await _gate.WaitAsync(cancellationToken); }
        finally { Interlocked.Decrement(ref _waiting); }
        state.Holding = true;
    }

    private void Enter(DbContext? context)
    {
        if (ToEnter(context) is not { } state) return;
        Interlocked.Increment(ref _waiting);
        try { _gate.Wait(); }
        finally { Interlocked.Decrement(ref _waiting); }
        state.Holding = true;
    }

    /// <summary>Only the write that took the gate gives it back: a save inside a transaction leaves it to the transaction.</summary>
    private void Release(DbContext? context, Scope scope)
    {
        if (context is null || !_writing.TryGetValue(context, out var state) || state.Scope != scope) return;
        ReleaseAny(context);
    }

    private void ReleaseAny(DbContext? context)
    {
        if (context is null || !_writing.TryGetValue(context, out var state)) return;
        _writing.Remove(context);
        if (state.Holding) _gate.Release();
    }
}
