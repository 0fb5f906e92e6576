using System.Globalization;
using System.Security.Claims;
using System.Text;
using Nacars.Core.Audit;
using Nacars.Core.Data;
using Nacars.Core.Supervision;
using Nacars.Workbench.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Nacars.Workbench.Features.Supervision;

/// <summary>CSV exports for supervisors, one per table on the page and an audit extract, each for a period of UK days.
/// Each download is audited.</summary>
public static class SupervisionEndpoints
{
    public static IEndpointRouteBuilder MapSupervisionExports(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/supervision/export").RequireAuthorization(Policies.Supervision);
        Table(group, "forces", async (stats, f, ct) => CsvExport.ForceRates(await stats.ForceRatesAsync(f, ct)));
        Table(group, "monthly", async (stats, f, ct) => CsvExport.Monthly(await stats.MonthlyAsync(f, ct)));
        Table(group, "grid", async (stats, f, ct) => CsvExport.Grid(await stats.GridAsync(f, ct)));
        Table(group, "timeliness", async (stats, f, ct) => CsvExport.Timeliness(await stats.GridAsync(f, ct)));
        Table(group, "workload", async (stats, f, ct) => CsvExport.Workload(await stats.WorkloadOfPeriodAsync(f, ct)));
        Table(group, "reasons", async (stats, f, ct) => CsvExport.Reasons(await stats.ForceRatesAsync(f, ct)));
        // The audit extract is written as it is read (a year of views can be large), after its own audit event.
        group.MapGet("/audit.csv", async (DateOnly from, DateOnly to, ClaimsPrincipal user, SupervisionStatistics stats,
            IDbContextFactory<NacarsDbContext> db, TimeProvider clock, CancellationToken ct) =>
        {
            if (to < from) return BadPeriod();
            await AuditExportAsync("audit", from, to, null, user, db, clock, ct);
            return Results.Stream(output => CsvExport.WriteAuditAsync(output, stats.AuditExtractAsync(from, to, ct), ct), CsvExport.ContentType, FileName("audit", from, to));
        });
        return endpoints;
    }

    private static void Table(RouteGroupBuilder group, string what, Func<SupervisionStatistics, StatsFilter, CancellationToken, Task<string>> render) =>
        group.MapGet($"/{what}.csv", async (DateOnly from, DateOnly to, string? force, ClaimsPrincipal user, SupervisionStatistics stats,
            IDbContextFactory<NacarsDbContext> db, TimeProvider clock, CancellationToken ct) =>
        {
            if (to < from) return BadPeriod();
            var filter = new StatsFilter(from, to, string.IsNullOrWhiteSpace(force) ? null : force);
            var csv = await render(stats, filter, ct);
            await AuditExportAsync(what, from, to, filter.ForceCode, user, db, clock, ct);
            return Results.File(Encoding.UTF8.GetBytes(csv), CsvExport.ContentType, FileName(what, from, to));
        });

    private static IResult BadPeriod() => Results.Problem("The end date is before the start date.", statusCode: StatusCodes.Status400BadRequest);

    private static string FileName(string what, DateOnly from, DateOnly to) =>
        $"nacars-{what}-{from.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{to.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";

    private static async Task AuditExportAsync(string what, DateOnly from, DateOnly to, string? force, ClaimsPrincipal user,
        IDbContextFactory<NacarsDbContext> dbFactory, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow().UtcDateTime, user.Identity!.Name!, AuditActions.ExportDownloaded, null,
            $"{what} {from:yyyy-MM-dd}..{to:yyyy-MM-dd} {force}".TrimEnd()));
        await db.SaveChangesAsync(ct);
    }
}
