using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Nacars.Core.Forces;

namespace Nacars.Workbench.Features.Triage;

/// <summary>The force directory as <c>&lt;option&gt;</c> elements, encoded once for the life of the process.</summary>
/// <remarks>The directory is a fixed list in code (never user text), and every name is HTML-encoded. As one markup
/// frame instead of three frames per force, the list no longer doubles the render buffers that each open triage
/// dashboard keeps on the server.</remarks>
public static class ForceOptions
{
    public static MarkupString Html { get; } = new(string.Concat(ForceDirectory.Entries.Select(e =>
        $"<option value=\"{HtmlEncoder.Default.Encode(e.Code)}\">{HtmlEncoder.Default.Encode(e.Name)}</option>")));
}
