namespace Nacars.Workbench.Features.Intake;

/// <summary>Element ids for the report fields, so the error summary can link to each one.</summary>
public static class FieldIds
{
    public static string For(string field) => "report-" + field.ToLowerInvariant();
}
