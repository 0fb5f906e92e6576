using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Nacars.Workbench.Hosting;

/// <summary>
/// The public pages' language comes from the address and nothing else: <c>/cy/…</c> is Welsh, everything else English.
/// No cookie, no Accept-Language: a reporter on a shared or borrowed computer leaves no trace of a language choice, and
/// a link read out by a call handler opens in the language it names.
/// </summary>
public static class PublicLanguage
{
    public const string WelshPrefix = "/cy";
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    public static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo("cy-GB");

    public static bool IsWelshPath(PathString path) => path.StartsWithSegments(WelshPrefix);

    public static bool IsWelsh => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "cy";

    /// <summary>The value of &lt;html lang&gt;.</summary>
    public static string HtmlLang => IsWelsh ? "cy" : "en-GB";

    /// <summary>The same page in English (the path without /cy).</summary>
    public static string EnglishPath(PathString path) =>
        path.StartsWithSegments(WelshPrefix, out var rest) ? (rest.HasValue && rest.Value != "/" ? rest.Value! : "/report") : (path.HasValue ? path.Value! : "/report");

    /// <summary>The same page in Welsh (the path under /cy).</summary>
    public static string WelshPath(PathString path) => IsWelshPath(path) ? path.Value! : WelshPrefix + EnglishPath(path);

    /// <summary>A public path in the current language: "/report/follow-up" becomes "/cy/report/follow-up" in Welsh.</summary>
    public static string Link(string englishPath) => IsWelsh ? WelshPrefix + englishPath : englishPath;

    /// <summary>The address the visitor asked for: a status or error page is rendered under its own path.</summary>
    public static PathString RequestedPath(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath is { } original ? new PathString(original)
        : http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path is { } failed ? new PathString(failed)
        : http.Request.Path;

    /// <summary>Sets the request's culture from its path (registered as the only provider of request localization).</summary>
    internal sealed class FromPath : RequestCultureProvider
    {
        private static readonly Task<ProviderCultureResult?> WelshResult = Task.FromResult<ProviderCultureResult?>(new("cy-GB"));
        private static readonly Task<ProviderCultureResult?> EnglishResult = Task.FromResult<ProviderCultureResult?>(new("en-GB"));

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            IsWelshPath(httpContext.Request.Path) ? WelshResult : EnglishResult;
    }
}
