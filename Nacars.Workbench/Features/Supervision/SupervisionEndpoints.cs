using System.Security.Claims;
using System.Text;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Supervision;
using Nacars.Workbench.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Nacars.Workbench.Features.Supervision;

/// <summary>CSV exports for supervisors. Each download is audited.</summary>
public static class SupervisionEndpoints
{
    public static IEndpointRouteBuilder MapSupervisionExports(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/supervision/export").RequireAuthorization(Policies.Supervision);
        group.MapGet("/forces.csv", (DateOnly from, DateOnly to, string? force, ClaimsPrincipal user, SupervisionStatistics stats,
            IDbContextFactory<NacarsDbContext> db, TimeProvider clock, CancellationToken ct) =>
            ExportAsync("forces", from, to, force, user, db, clock, async f => CsvExport.ForceRates(await stats.ForceRatesAsync(f, ct)), ct));
        group.MapGet("/monthly.csv", (DateOnly from, DateOnly to, string? force, ClaimsPrincipal user, SupervisionStatistics stats,
            IDbContextFactory<NacarsDbContext> db, TimeProvider clock, CancellationToken ct) =>
            ExportAsync("monthly", from, to, force, user, db, clock, async f => CsvExport.Monthly(await stats.MonthlyAsync(f, ct)), ct));
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(string what, DateOnly from, DateOnly to, string? force, ClaimsPrincipal user,
        IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock, Func<StatsFilter, Task<string>> render, CancellationToken ct)
    {
        if (to < from) return Results.Problem("The end date is before the start date.", statusCode: StatusCodes.Status400BadRequest);
        var csv = await render(new StatsFilter(from, to, string.IsNullOrWhiteSpace(force) ? null : force));
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, user.Identity!.Name!, AuditActions.ExportDownloaded, null, $"{what} {from:yyyy-MM-dd}..{to:yyyy-MM-dd} {force}"));
            await db.SaveChangesAsync(ct);
        }
        return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"nacars-{what}-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }
}
