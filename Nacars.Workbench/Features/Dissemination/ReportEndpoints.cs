using System.Security.Claims;
using Nacars.Core.Contacts;
using Nacars.Core.Dissemination;
using Nacars.Workbench.Hosting;

namespace Nacars.Workbench.Features.Dissemination;

/// <summary>The PDF preview: analysts and supervisors only, audited, never cached by the browser.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportPreview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/triage/{reference}/report.pdf", async (string reference, ClaimsPrincipal user, DisseminationService dissemination, HttpContext http) =>
        {
            try
            {
                var report = await dissemination.PreviewAsync(reference, user.Identity!.Name!, http.RequestAborted);
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(dissemination.Render(report), "application/pdf", fileDownloadName: null);
            }
            catch (DomainRuleException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
            }
        }).RequireAuthorization(Policies.Triage);
        return endpoints;
    }
}
