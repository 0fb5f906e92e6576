using Microsoft.Extensions.Options;
using Nacars.Core;

namespace Nacars.Workbench.Hosting;

internal static class TooManyRequestsPage
{
    /// <summary>The public's "please wait" page, in the language of the address (for what is not a form post).</summary>
    public static string Html(HttpContext http)
    {
        var text = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Features.Intake.PublicText>>();
        var encode = System.Text.Encodings.Web.HtmlEncoder.Default;
        string T(string key) => encode.Encode(text[key]);
        var minutes = Math.Max(1, http.RequestServices.GetRequiredService<IOptions<NacarsOptions>>().Value.Intake.RateLimitWindowSeconds / 60);
        return $"""
            <!DOCTYPE html><html lang="{PublicLanguage.HtmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{T("TooMany.Title")} – {T("Layout.ServiceName")}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><a class="quick-exit" href="https://www.bbc.co.uk/weather" data-testid="quick-exit" rel="noreferrer">{T("Layout.QuickExit")}</a>
            <main class="public public-width" id="main"><h1>{T("TooMany.Title")}</h1>
            <p>{encode.Encode(string.Format(System.Globalization.CultureInfo.CurrentCulture, text["TooMany.Text"], minutes))}</p>
            <p>{T("Intro.Danger")}</p></main></body></html>
            """;
    }

    public const string StaffHtml = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Too many sign-in attempts – NACARS Workbench</title><link rel="stylesheet" href="/css/site.css"></head>
        <body><main class="public"><h1>Too many sign-in attempts</h1>
        <p>There have been many sign-in attempts from this connection in a short time. Wait a few minutes and try again.
        If these attempts were not yours, tell an administrator.</p></main></body></html>
        """;
}
