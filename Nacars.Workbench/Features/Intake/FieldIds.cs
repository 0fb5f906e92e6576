namespace Nacars.Workbench.Features.Intake;

/// <summary>Element ids for the report fields, so the error summary can link to each one and each input can name its
/// hint and error (aria-describedby).</summary>
public static class FieldIds
{
    public static string For(string field) => "report-" + field.ToLowerInvariant();

    /// <summary>The ids an input is described by: its hint and its error, whichever it has; null when neither.</summary>
    public static string? DescribedBy(string id, bool hint, bool error) => (hint, error) switch
    {
        (true, true) => $"{id}-hint {id}-error",
        (true, false) => $"{id}-hint",
        (false, true) => $"{id}-error",
        _ => null,
    };
}
