using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Nacars.Core.Data;

namespace Nacars.Core.Supervision;

/// <summary>
/// Keeps the running totals (ADR 0008) in step with every save, in the save's own transaction, so no workflow code has
/// to remember to and the context knows nothing of supervision (CleanArchitecture's save interceptor pattern). Before
/// the save it works out what the tracked contacts and reports change in the totals; it writes that change just
/// before the save's transaction commits, so a save that fails changes no total.
/// </summary>
/// <remarks>It reads the entries the context has already detected once for the save (<see cref="NacarsDbContext"/>),
/// so it adds no change detection of its own.</remarks>
public sealed class SupervisionFiguresOnSave : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _saving = new();

    /// <param name="InCallersTransaction">The caller opened the transaction: it commits later, perhaps after other
    /// saves, so the change is written as soon as this save's own commands are.</param>
    /// <param name="Behaviour">The context's setting, restored when the save ends.</param>
    private sealed record Pending(SupervisionFiguresChange? Figures, bool InCallersTransaction, AutoTransactionBehavior Behaviour);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Prepare(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prepare(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Prepare(DbContext? context)
    {
        if (context is not NacarsDbContext db) return;
        if (SupervisionFiguresChange.Of(db.ChangeTracker) is not { } figures)
        {
            _saving.Remove(db);
            return;
        }
        var database = db.Database;
        _saving.AddOrUpdate(db, new Pending(figures, database.CurrentTransaction is not null, database.AutoTransactionBehavior));
        // EF skips the transaction for a save of one statement; a counted save always has one, so the totals are
        // written at its commit, with the contacts, or not at all.
        if (database.CurrentTransaction is null) database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (ToWriteAtCommit(eventData.Context) is { } figures) figures.Apply(transaction);
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        if (ToWriteAtCommit(eventData.Context) is { } figures) await figures.ApplyAsync(transaction, cancellationToken);
        return result;
    }

    /// <summary>The change of the save whose own transaction is committing, taken so it is written once.</summary>
    private SupervisionFiguresChange? ToWriteAtCommit(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var pending) || pending.InCallersTransaction) return null;
        _saving.AddOrUpdate(context, pending with { Figures = null });
        return pending.Figures;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (End(eventData.Context) is { InCallersTransaction: true, Figures: { } figures })
            figures.Apply(eventData.Context!.Database.CurrentTransaction!.GetDbTransaction());
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (End(eventData.Context) is { InCallersTransaction: true, Figures: { } figures })
            await figures.ApplyAsync(eventData.Context!.Database.CurrentTransaction!.GetDbTransaction(), cancellationToken);
        return result;
    }

    // A failed, cancelled or concurrency-refused save writes nothing: each ends here (a concurrency failure is reported
    // through ThrowingConcurrencyException, not SaveChangesFailed).
    public void SaveChangesFailed(DbContextErrorEventData eventData) => End(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => End(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        End(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        End(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Forgets the save and gives the context its own transaction setting back.</summary>
    private Pending? End(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var pending)) return null;
        _saving.Remove(context);
        context.Database.AutoTransactionBehavior = pending.Behaviour;
        return pending;
    }
}
