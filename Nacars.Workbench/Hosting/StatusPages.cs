namespace Nacars.Workbench.Hosting;

/// <summary>Staff areas: their status pages carry no language alternates (staff pages are English only).</summary>
internal static class StatusPages
{
    private static readonly string[] StaffAreas = ["/triage", "/intake", "/supervision", "/admin", "/Account", "/wallboard", "/hubs", "/health", "/_blazor", "/_framework", "/_content", "/not-found"];

    public static bool IsStaffPath(PathString path) => path == "/" || StaffAreas.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase));
}
