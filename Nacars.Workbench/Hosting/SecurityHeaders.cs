namespace Nacars.Workbench.Hosting;

/// <summary>
/// Headers on every response: only this origin may supply scripts, styles, images or connections; nothing may
/// frame the service; no referrer leaks where a reporter came from. Pages that show reports or the public form are
/// never cached (a shared computer must not keep them).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string BaseUriSelfKey = "nacars.base-uri-self";
    /// <summary>Set by an endpoint that writes a stricter Content-Security-Policy of its own (a reporter's file, sandboxed).</summary>
    public const string OwnPolicyKey = "nacars.own-csp";

    // MudBlazor sets style attributes, hence 'unsafe-inline' for styles only; scripts stay strictly 'self'.
    // Blazor's interactive pages resolve their URLs against <base href="/">, so they get base-uri 'self';
    // every other response (public pages, sign-in, files) has no <base> and gets base-uri 'none' (see docs/decisions).
    private static string ContentSecurityPolicy(string baseUri) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'; object-src 'none'; base-uri {baseUri}; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Always ours, replacing the framework's weaker frame-ancestors-only policy (this callback runs last, as the
            // middleware is first), unless an endpoint asked to keep its stricter own (a reporter's file, sandboxed).
            if (!context.Items.ContainsKey(OwnPolicyKey))
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Items.ContainsKey(BaseUriSelfKey) ? "'self'" : "'none'");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!IsStaticAsset(context.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/_content") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/css")
        || path.StartsWithSegments("/js") || path.Value?.EndsWith(".css", StringComparison.Ordinal) == true
        || path.Value?.EndsWith(".js", StringComparison.Ordinal) == true || path.Value?.EndsWith(".png", StringComparison.Ordinal) == true;
}
