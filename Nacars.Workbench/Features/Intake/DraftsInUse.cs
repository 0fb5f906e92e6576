using System.Collections.Concurrent;

namespace Nacars.Workbench.Features.Intake;

/// <summary>Drafts open on a page of this server, counted: an empty draft another tab shows (and is about to be
/// typed into) is never handed out again as a "new" call, which would mix two calls in one draft.</summary>
internal static class DraftsInUse
{
    private static readonly ConcurrentDictionary<Guid, int> Pages = new();

    public static void Open(Guid id) => Pages.AddOrUpdate(id, 1, (_, n) => n + 1);

    /// <summary>Opens the draft only if no page has it open.</summary>
    public static bool TryClaim(Guid id) => Pages.TryAdd(id, 1);

    public static void Close(Guid id)
    {
        Pages.AddOrUpdate(id, 0, (_, n) => n - 1);
        Pages.TryRemove(KeyValuePair.Create(id, 0));
    }
}
