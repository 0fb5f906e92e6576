using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Nacars.Core.Forces;
using Nacars.Core.Intake;

namespace Nacars.Workbench.Components.Shared;

/// <summary>The force directory as <c>&lt;option&gt;</c> elements, encoded once per variant for the life of the process.</summary>
/// <remarks>The directory is a fixed list in code (never user text), and every name is HTML-encoded. As one markup
/// frame instead of three frames per force, the list no longer doubles the render buffers that each open triage
/// dashboard keeps on the server (ADR 0007). <see cref="ForcePicker"/> is the one component that shows it.</remarks>
public static class ForceOptions
{
    private static readonly HashSet<string> Codes = ForceDirectory.Entries.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(bool Welsh, bool Unknown, string? Selected, string? Except), MarkupString> Variants = new();

    /// <summary>The options in the current language (the Welsh forces have Welsh names on Welsh pages).</summary>
    /// <param name="includeUnknown">Whether the directory's own "Unknown / to be determined" entry is listed.</param>
    /// <param name="selected">The option marked selected, for a page rendered without a circuit (the public form).</param>
    /// <param name="except">A force left out (re-routing never offers the force the contact already went to).</param>
    public static MarkupString For(bool includeUnknown, string? selected = null, string? except = null)
    {
        // Only real codes make a variant: a posted value cannot grow the cache.
        var key = (ReportText.IsWelsh, includeUnknown, Known(selected), Known(except));
        return Variants.GetOrAdd(key, static k => new(string.Concat(ForceDirectory.Entries
            .Where(e => (k.Unknown || e.Code != Core.Contacts.Contact.UnknownForce) && e.Code != k.Except)
            .Select(e => $"<option value=\"{HtmlEncoder.Default.Encode(e.Code)}\"{(e.Code == k.Selected ? " selected" : "")}>" +
                $"{HtmlEncoder.Default.Encode(k.Welsh ? ReportText.ForceName(e.Code) : e.Name)}</option>"))));
    }

    private static string? Known(string? code) => code is not null && Codes.Contains(code) ? code : null;
}
