using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Nacars.Core.Triage;
using Nacars.Workbench.Hosting;

namespace Nacars.Workbench.Features.Triage;

/// <summary>
/// The reporter's files, for analysts and supervisors only: the cleaned copy, decrypted as it streams, with the type the
/// cleaner established (never the browser's), <c>nosniff</c>, and a sandboxing Content-Security-Policy, so whatever a
/// file contains cannot run as this site. Pictures may be shown inline; PDFs are always downloaded (a browser's PDF
/// viewer still parses whatever drawing the reporter's file contained). Each view and each download is audited before
/// a byte is sent.
/// </summary>
public static class AttachmentEndpoints
{
    public const string Sandbox = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

    /// <summary>The viewer's address; "download=true" because minimal APIs bind a bool from true/false only ("1" was a 400).</summary>
    public static string PathFor(string reference, Guid id, bool download = false) =>
        $"/triage/{Uri.EscapeDataString(reference)}/attachments/{id:N}{(download ? "?download=true" : "")}";

    /// <summary>Whatever a file contains cannot run as this site, be sniffed into another type, or be kept in a cache.</summary>
    public static void Sandboxed(HttpContext http)
    {
        http.Items[SecurityHeadersMiddleware.OwnPolicyKey] = true;
        http.Response.Headers.ContentSecurityPolicy = Sandbox;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
    }

    public static IEndpointRouteBuilder MapAttachmentViewer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/triage/{reference}/attachments/{id:guid}", async (string reference, Guid id, bool? download, ClaimsPrincipal user, TriageService triage, HttpContext http) =>
        {
            var asDownload = download == true;
            var opened = await triage.OpenAttachmentAsync(reference, id, user.Identity!.Name!, asDownload, http.RequestAborted);
            if (opened is null) return Results.NotFound();
            http.Response.RegisterForDisposeAsync(opened);
            var attachment = opened.Attachment;
            var inline = !asDownload && attachment.IsPicture;
            Sandboxed(http);
            if (inline) http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = attachment.FileName }.ToString();
            http.Response.ContentLength = attachment.Length;
            // A download names the file through the result itself, which writes "attachment; filename=…".
            return Results.Stream(opened.Content, attachment.ContentType, fileDownloadName: inline ? null : attachment.FileName, enableRangeProcessing: false);
        }).RequireAuthorization(Policies.Triage);
        return endpoints;
    }
}
