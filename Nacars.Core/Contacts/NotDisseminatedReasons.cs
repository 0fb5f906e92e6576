namespace Nacars.Core.Contacts;

public static class NotDisseminatedReasons
{
    /// <summary>The note of a contact a supervisor closed, still undecided, at its yearly retention review.</summary>
    public const string ClosedAtReviewNote = "Closed undecided at the yearly retention review";

    public static string Describe(NotDisseminatedReason reason) => reason switch
    {
        NotDisseminatedReason.InsufficientDetail => "Insufficient detail to corroborate",
        NotDisseminatedReason.NotAboutPolice => "Not about police corruption or abuse",
        NotDisseminatedReason.PersonalComplaint => "Personal complaint or appeal (signposted)",
        NotDisseminatedReason.Duplicate => "Duplicate of another reference",
        NotDisseminatedReason.MaliciousOrTest => "Malicious or test",
        _ => "Other",
    };

    /// <summary>What an analyst must write down with this reason, or null when the reason speaks for itself.</summary>
    public static string? NoteNeeded(NotDisseminatedReason reason) => reason switch
    {
        NotDisseminatedReason.Duplicate => "Give the reference this contact duplicates.",
        NotDisseminatedReason.PersonalComplaint => "Record the signposting given (force complaints, IOPC, PIRC or Police Ombudsman).",
        NotDisseminatedReason.Other => "Explain the reason in a few words.",
        _ => null,
    };
}
