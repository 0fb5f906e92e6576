using System.Globalization;
using System.Security.Claims;
using System.Text;
using Nacars.Core.Supervision;
using Nacars.Workbench.Hosting;

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
        Table<Nacars.Core.Supervision.ForceFeedbackFigures>(group, "acknowledgements", async (figures, f, ct) => CsvExport.Acknowledgements(await figures.MonthsAsync(f, ct)));
        // A force's monthly pack as it would be sent now, for a supervisor to read first (audited by the service).
        group.MapGet("/monthly-pack/{forceCode}/{month}.pdf", async (string forceCode, string month, ClaimsPrincipal user,
            Nacars.Core.Supervision.MonthlyPacks packs, CancellationToken ct) =>
        {
            if (!Nacars.Core.Contacts.Months.IsMonth(month)) return Results.Problem("The month is written 2026-11.", statusCode: StatusCodes.Status400BadRequest);
            try
            {
                var (fileName, pdf) = await packs.PreviewAsync(forceCode, month, user.Identity!.Name!, ct);
                return Results.File(pdf, "application/pdf", fileName);
            }
            catch (Nacars.Core.Contacts.DomainRuleException e) { return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden); }
        });
        // The audit extract is written as it is read (a year of views can be large), after its own audit event.
        group.MapGet("/audit.csv", async (DateOnly from, DateOnly to, ClaimsPrincipal user, SupervisionStatistics stats, SupervisionExports exports, CancellationToken ct) =>
        {
            if (to < from) return BadPeriod();
            if (!await AllowedAsync(exports, "audit", from, to, null, user, ct)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            return Results.Stream(output => CsvExport.WriteAuditAsync(output, stats.AuditExtractAsync(from, to, ct), ct), CsvExport.ContentType, FileName("audit", from, to));
        });
        return endpoints;
    }

    private static void Table(RouteGroupBuilder group, string what, Func<SupervisionStatistics, StatsFilter, CancellationToken, Task<string>> render) =>
        Table<SupervisionStatistics>(group, what, render);

    /// <summary>One table for a period as CSV, read from the service that holds its figures.</summary>
    private static void Table<TFigures>(RouteGroupBuilder group, string what, Func<TFigures, StatsFilter, CancellationToken, Task<string>> render) where TFigures : class =>
        group.MapGet($"/{what}.csv", async (DateOnly from, DateOnly to, string? force, ClaimsPrincipal user, TFigures stats,
            SupervisionExports exports, CancellationToken ct) =>
        {
            if (to < from) return BadPeriod();
            var filter = new StatsFilter(from, to, string.IsNullOrWhiteSpace(force) ? null : force);
            if (!await AllowedAsync(exports, what, from, to, filter.ForceCode, user, ct)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            var csv = await render(stats, filter, ct);
            return Results.File(Encoding.UTF8.GetBytes(csv), CsvExport.ContentType, FileName(what, from, to));
        });

    /// <summary>The service's own check behind the policy's (and its audit event); a refusal is a plain 403.</summary>
    private static async Task<bool> AllowedAsync(SupervisionExports exports, string what, DateOnly from, DateOnly to, string? force, ClaimsPrincipal user, CancellationToken ct)
    {
        try { await exports.RecordAsync(what, from, to, force, user.Identity!.Name!, ct); return true; }
        catch (Nacars.Core.Contacts.DomainRuleException) { return false; }
    }

    private static IResult BadPeriod() => Results.Problem("The end date is before the start date.", statusCode: StatusCodes.Status400BadRequest);

    private static string FileName(string what, DateOnly from, DateOnly to) =>
        $"nacars-{what}-{from.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{to.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
}
