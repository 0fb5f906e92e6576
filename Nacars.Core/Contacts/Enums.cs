namespace Nacars.Core.Contacts;

public enum Channel { Online, Telephone }

public enum ContactStatus { New, InTriage, Disseminated, NotDisseminated }

/// <summary>3x5x2 source evaluation (College of Policing): written as its number, 1 to 3.</summary>
public enum SourceEvaluation { Reliable = 1, Untested = 2, NotReliable = 3 }

/// <summary>3x5x2 intelligence assessment: written as its letter, A to E (stored as 1 to 5).</summary>
public enum IntelligenceAssessment { A = 1, B, C, D, E }

/// <summary>3x5x2 handling code: P, lawful sharing permitted; C, permitted with conditions (written down).</summary>
public enum HandlingCode { P, C }

public enum NotDisseminatedReason
{
    InsufficientDetail,
    NotAboutPolice,
    PersonalComplaint,
    Duplicate,
    MaliciousOrTest,
    Other,
}

public static class NotDisseminatedReasons
{
    public static string Describe(NotDisseminatedReason reason) => reason switch
    {
        NotDisseminatedReason.InsufficientDetail => "Insufficient detail to corroborate",
        NotDisseminatedReason.NotAboutPolice => "Not about police corruption or abuse",
        NotDisseminatedReason.PersonalComplaint => "Personal complaint or appeal (signposted)",
        NotDisseminatedReason.Duplicate => "Duplicate of another reference",
        NotDisseminatedReason.MaliciousOrTest => "Malicious or test",
        _ => "Other",
    };
}
