namespace Nacars.Core.Dissemination;

/// <summary>Renders the information report. Behind an interface so the PDF library can change without the workflow.</summary>
public interface IInformationReportRenderer
{
    byte[] Render(InformationReport report);
}
