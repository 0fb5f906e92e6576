using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Staff;

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
