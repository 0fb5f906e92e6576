namespace Nacars.Workbench.Features.Intake;

/// <summary>The words of the public pages (layout, form, confirmation, follow-up, error pages), in English
/// (<c>PublicText.resx</c>) and Welsh (<c>PublicText.cy.resx</c>), read through <c>IStringLocalizer&lt;PublicText&gt;</c>.
/// The report's fields, validation and categories are <see cref="Nacars.Core.Intake.ReportText"/>.</summary>
public sealed class PublicText
{
    private PublicText() { }
}
