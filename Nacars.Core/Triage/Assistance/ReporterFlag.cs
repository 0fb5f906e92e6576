namespace Nacars.Core.Triage.Assistance;

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
        _ => "[removed]",
    };
}

/// <summary>
/// A stretch of the account that could let the accused officer (or the force) work out who the reporter is.
/// <see cref="FlagId"/> is stable for the same kind and wording, so a decision ("kept, because …") can be recorded
/// against it and checked again after the analyst edits the text.
/// </summary>
public sealed record ReporterFlag(string FlagId, string Kind, string Text, int Start, int Length, string Why, string Replacement)
{
    public int End => Start + Length;
}
