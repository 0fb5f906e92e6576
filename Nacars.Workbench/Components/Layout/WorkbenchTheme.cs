using MudBlazor;

namespace Nacars.Workbench.Components.Layout;

/// <summary>Sober colours with strong contrast (WCAG AA): this is a tool for long shifts.</summary>
public static class WorkbenchTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d3557",
            Secondary = "#5c2d91",
            AppbarBackground = "#1d3557",
            Error = "#b00020",
            Warning = "#8a5300",
            Success = "#1b5e20",
            Info = "#0b5394",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
            // Buttons in sentence case, like the sign-in and public pages: all-caps labels are harder to read.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
