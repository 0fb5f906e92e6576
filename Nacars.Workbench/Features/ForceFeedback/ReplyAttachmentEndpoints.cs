using System.Security.Claims;
using Nacars.Core.ForceFeedback;
using Nacars.Workbench.Features.Triage;
using Nacars.Workbench.Hosting;

namespace Nacars.Workbench.Features.ForceFeedback;

/// <summary>A file a force sent with its email, cleaned as a reporter's is: always downloaded (never shown inline),
/// sandboxed like the reporter's files, audited by the service before a byte is sent.</summary>
public static class ReplyAttachmentEndpoints
{
    public static string PathFor(Guid id) => $"/force-mail/attachments/{id:N}";

    public static IEndpointRouteBuilder MapReplyAttachments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/force-mail/attachments/{id:guid}", async (Guid id, ClaimsPrincipal user, ForceFeedbackService feedback, HttpContext http) =>
        {
            var opened = await feedback.OpenAttachmentAsync(id, user.Identity!.Name!, http.RequestAborted);
            if (opened is null) return Results.NotFound();
            http.Response.RegisterForDisposeAsync(opened);
            AttachmentEndpoints.Sandboxed(http);
            http.Response.ContentLength = opened.Attachment.Length;
            return Results.Stream(opened.Content, opened.Attachment.ContentType, fileDownloadName: opened.Attachment.FileName, enableRangeProcessing: false);
        }).RequireAuthorization(Policies.Triage);
        return endpoints;
    }
}
