namespace Nacars.Core.Assistance;

/// <summary>What a reporter flag is about; each kind has its neutral replacement.</summary>
public static class ReporterFlagKinds
{
    public const string Name = "reporter-name";
    public const string Contact = "contact-details";
    public const string Relationship = "relationship";
    public const string Address = "address";
    public const string Workplace = "workplace";
    public const string Job = "job";
    public const string PersonalDetail = "personal-detail";
    public const string OwnIncident = "own-incident";
    public const string Vehicle = "vehicle";

    /// <summary>A clause the learned check reads as the reporter speaking about themselves, which no rule names.</summary>
    public const string AboutTheReporter = "about-the-reporter";

    /// <summary>The neutral phrase an automatic redaction puts in place of a flagged stretch.</summary>
    public static string NeutralPhrase(string kind) => kind switch
    {
        Name => "[the reporter]",
        Contact => "[contact details removed]",
        Relationship => "[a person known to the subject]",
        Address => "[an address]",
        Workplace => "[the reporter's workplace]",
        Job => "[the reporter's occupation]",
        PersonalDetail => "[a personal detail]",
        OwnIncident => "[an incident involving the reporter]",
        Vehicle => "[a vehicle]",
        AboutTheReporter => "[a detail about the reporter]",
        _ => "[removed]",
    };
}
