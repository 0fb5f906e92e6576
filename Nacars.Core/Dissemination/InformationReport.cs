using Nacars.Core.Contacts;
using Nacars.Core.Forces;

namespace Nacars.Core.Dissemination;

/// <summary>Everything the force receives, and nothing else: the sanitised account (never the original), the
/// reporter's details only when they consented. Built from a contact in one place so the PDF cannot leak more.</summary>
public sealed record InformationReport(
    string ServiceName,
    string QueriesContact,
    string Reference,
    DateTime ReceivedAtUtc,
    Channel Channel,
    string ForceName,
    bool Urgent,
    IReadOnlyList<string> Categories,
    SubjectDetails Subject,
    string SanitisedAccount,
    Grading Grading,
    FastTimeCall? FastTimeCall,
    ReporterDetails? ConsentedReporter,
    DateTime PreparedAtUtc,
    IReadOnlyList<ReportImage>? Images = null)
{
    /// <summary>The cleaned pictures the analyst chose for the force, each drawn on a page of its own.</summary>
    public IReadOnlyList<ReportImage> ImagePages => Images ?? [];

    public static InformationReport From(Contact contact, Force force, ServiceIdentity service, DateTime nowUtc, IReadOnlyList<ReportImage>? images = null)
    {
        if (string.IsNullOrWhiteSpace(contact.SanitisedAccount)) throw new DomainRuleException("Write the sanitised account first.");
        if (contact.Grading is null) throw new DomainRuleException("Grade the information first.");
        return new InformationReport(service.Name, service.QueriesContact, contact.Reference, contact.ReceivedAtUtc, contact.Channel, force.Name,
            contact.Urgent, contact.Categories.Select(Contacts.Categories.LabelOf).ToList(), contact.Subject, contact.SanitisedAccount,
            contact.Grading, contact.FastTimeCall, contact.Reported.Reporter.MayBeSharedWithForce ? contact.Reported.Reporter : null, nowUtc, images);
    }

    public string FileName => FileNameFor(Reference);

    public static string FileNameFor(string reference) => $"NACARS-information-report-{reference}.pdf";
}

