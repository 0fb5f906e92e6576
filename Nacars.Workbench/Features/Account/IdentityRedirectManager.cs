using Microsoft.AspNetCore.Components;

namespace Nacars.Workbench.Features.Account;

/// <summary>Redirects from the static sign-in pages, only ever within this site (no open redirects).</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri)
    {
        uri ??= "";
        // A return address from a query string is followed only if it stays on this site.
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative) || uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal))
            uri = "/";
        navigationManager.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var path = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        RedirectTo(navigationManager.ToBaseRelativePath(navigationManager.GetUriWithQueryParameters(path, queryParameters)));
    }
}
