using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nacars.Core.Contacts;
using Nacars.Core.Data;

namespace Nacars.Core.Intake;

/// <summary>Call handlers' drafts: saved as they type, listed for their owner, never lost.</summary>
public sealed class IntakeDraftService(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> StartAsync(string owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Staff.StaffRoles.RequireAsync(db, owner, Staff.Roles.CallHandler, "keep a draft of a call", ct);
        var draft = new IntakeDraft(Guid.CreateVersion7(), owner, clock.GetUtcNow().UtcDateTime);
        draft.Save(JsonSerializer.Serialize(new TelephoneReport { CallStartedAtUtc = draft.CreatedAtUtc }, Json), draft.CreatedAtUtc);
        db.IntakeDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    public async Task SaveAsync(Guid id, string owner, TelephoneReport content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Staff.StaffRoles.RequireAsync(db, owner, Staff.Roles.CallHandler, "keep a draft of a call", ct);
        var draft = await db.IntakeDrafts.SingleOrDefaultAsync(d => d.Id == id && d.Owner == owner, ct)
            ?? throw new DomainRuleException("That draft does not exist or is not yours.");
        draft.Save(JsonSerializer.Serialize(content, Json), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task<TelephoneReport?> LoadAsync(Guid id, string owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Staff.StaffRoles.RequireAsync(db, owner, Staff.Roles.CallHandler, "keep a draft of a call", ct);
        var draft = await db.IntakeDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Owner == owner && d.SubmittedReference == null, ct);
        return draft is null ? null : JsonSerializer.Deserialize<TelephoneReport>(draft.Content, Json);
    }

    public sealed record DraftSummary(Guid Id, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

    public async Task<IReadOnlyList<DraftSummary>> OpenDraftsAsync(string owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Staff.StaffRoles.RequireAsync(db, owner, Staff.Roles.CallHandler, "keep a draft of a call", ct);
        return await db.IntakeDrafts.AsNoTracking()
            .Where(d => d.Owner == owner && d.SubmittedReference == null)
            .OrderByDescending(d => d.UpdatedAtUtc)
            .Select(d => new DraftSummary(d.Id, d.CreatedAtUtc, d.UpdatedAtUtc))
            .ToListAsync(ct);
    }
}
