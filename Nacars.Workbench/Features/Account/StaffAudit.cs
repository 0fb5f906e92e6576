using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Data;

namespace Nacars.Workbench.Features.Account;

/// <summary>Audit events for staff sign-ins and sessions (who, what, when; never a password or a code).</summary>
public sealed class StaffAudit(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string? detail = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, actor, action, null, detail));
        await db.SaveChangesAsync();
    }
}
