using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nacars.Core.Data;

/// <summary>An interceptor that does one thing to the tracked changes just before they are saved, the same whether the
/// save is synchronous or not.</summary>
public abstract class SavingChangesHook : SaveChangesInterceptor
{
    protected abstract void BeforeSave(DbContext db);

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) BeforeSave(db);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) BeforeSave(db);
        return ValueTask.FromResult(result);
    }
}
