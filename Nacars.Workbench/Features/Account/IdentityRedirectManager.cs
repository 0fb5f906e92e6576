using Microsoft.AspNetCore.Components;

namespace Nacars.Workbench.Features.Account;

/// <summary>Redirects from the static sign-in pages, only ever within this site (no open redirects).</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalPath(uri));

    /// <summary>A return address from a query string, made safe to follow: only a path on this site, always rooted,
    /// because the sign-in pages render without a &lt;base&gt; element and "triage" would otherwise mean /Account/triage.</summary>
    public static string LocalPath(string? uri)
    {
        uri ??= "";
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative) || uri.StartsWith("//", StringComparison.Ordinal) || uri.Contains('\\'))
            return "/";
        return uri.StartsWith('/') ? uri : "/" + uri;
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var path = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        RedirectTo(navigationManager.ToBaseRelativePath(navigationManager.GetUriWithQueryParameters(path, queryParameters)));
    }
}
