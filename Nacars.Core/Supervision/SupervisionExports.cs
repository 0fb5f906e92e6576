using Microsoft.EntityFrameworkCore;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Staff;

namespace Nacars.Core.Supervision;

/// <summary>A supervisor's download of a table or of the audit trail: allowed here, not only by the endpoint's policy,
/// and audited before a byte is written.</summary>
public sealed class SupervisionExports(IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock)
{
    public async Task RecordAsync(string what, DateOnly from, DateOnly to, string? forceCode, string supervisor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaffRoles.RequireAsync(db, supervisor, Roles.Supervisor, "download supervision figures or the audit trail", ct);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, supervisor, AuditActions.ExportDownloaded, null,
            $"{what} {from:yyyy-MM-dd}..{to:yyyy-MM-dd} {forceCode}".TrimEnd()));
        await db.SaveChangesAsync(ct);
    }
}
